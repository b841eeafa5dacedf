package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"funnel/tui/views"
)

func TestRecordsDrillDownFindAndBack(t *testing.T) {
	a := newDemoApp(t, 120, 24)
	press(a, tea.KeyPressMsg{Code: 'G', Text: "G"}, tea.KeyPressMsg{Code: 'r', Text: "r"})
	rec, ok := a.Top().(*views.Records)
	if !ok {
		t.Fatalf("r should open records, top is %T", a.Top())
	}
	out := ansi.Strip(a.View().Content)
	if !strings.Contains(out, "Records: reached Won") || !strings.Contains(out, "records · id") {
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
	if _, ok := a.Top().(*views.Overview); !ok {
		t.Fatalf("esc should go back to the overview, top is %T", a.Top())
	}
}
