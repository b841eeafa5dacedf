package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/tui/views/overview"
	"github.com/funnel-cli/funnel/tui/views/records"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

func TestRecordsDrillDownFindAndBack(t *testing.T) {
	a := newDemoApp(t, 120, 24)
	press(a, tea.KeyPressMsg{Code: 'G', Text: "G"}, tea.KeyPressMsg{Code: 'r', Text: "r"})
	rec, ok := a.Top().(*records.Model)
	if !ok {
		t.Fatalf("r should open records, top is %T", a.Top())
	}
	out := ansi.Strip(a.View().Content)
	if !strings.Contains(out, "Records: reached Won") || !strings.Contains(out, "Deepest stage") {
		t.Fatalf("records view:\n%s", out)
	}
	// find types freely, even keys the root owns (q, ?, /)
	typeText(a, "fChurned")
	press(a, keyEnter)
	if a.Top() != rec {
		t.Fatal("typing in find must not leave the view")
	}
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, "▸ ") || !strings.Contains(out, "Churned") {
		t.Fatalf("find did not land on a churned row:\n%s", out)
	}
	press(a, tea.KeyPressMsg{Code: tea.KeyEscape})
	if _, ok := a.Top().(*overview.Model); !ok {
		t.Fatalf("esc should go back to the overview, top is %T", a.Top())
	}
}

func TestMaskKeyHidesNamesKeepsCounts(t *testing.T) {
	a := newDemoApp(t, 160, 30)
	press(a, tea.KeyPressMsg{Code: 'G', Text: "G"})
	before := ansi.Strip(a.View().Content) // M keeps the overview's place: Won stays selected
	press(a, tea.KeyPressMsg{Code: 'r', Text: "r"})
	plain := ansi.Strip(a.View().Content)
	owner := a.common.Data().Dim("owner").Values[1]
	if !strings.Contains(plain, "·") {
		t.Fatal("no records shown")
	}
	press(a, tea.KeyPressMsg{Code: tea.KeyEscape}, tea.KeyPressMsg{Code: 'M', Text: "M"})
	if !a.state.Masked {
		t.Fatal("M should mask")
	}
	trim := func(s string) string {
		lines := strings.Split(s, "\n")
		for i := range lines {
			lines[i] = strings.TrimRight(lines[i], " ")
		}
		return strings.Join(lines, "\n")
	}
	if got := ansi.Strip(a.View().Content); trim(strings.Replace(got, " · MASKED", "", 1)) != trim(before) {
		t.Fatalf("masking changed the numbers:\n%s\nvs\n%s", got, before)
	}
	press(a, tea.KeyPressMsg{Code: 'G', Text: "G"}, tea.KeyPressMsg{Code: 'r', Text: "r"})
	masked := ansi.Strip(a.View().Content)
	if strings.Contains(masked, owner) || strings.Contains(masked, "@") && !strings.Contains(masked, "example.com") {
		t.Fatalf("a real name survived masking:\n%s", masked)
	}
}

// An empty record list says what its drill said it means.
func TestRecordsEmptySaysWhy(t *testing.T) {
	r := records.New(viewtest.Demo(), "stalled in Lead", nil)
	r.Empty = "cannot be judged without stage dates"
	r.SetSize(80, 10)
	if out := ansi.Strip(r.View()); !strings.Contains(out, "cannot be judged without stage dates") || strings.Contains(out, "No records.") {
		t.Errorf("empty list:\n%s", out)
	}
}
