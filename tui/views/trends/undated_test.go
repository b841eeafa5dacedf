package trends

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// Entries into a stage whose dates are missing (or were inferred) are not
// charted as zero without a word: the view says how many reached the stage
// with no date there, and draws no flat line when none has one.
func TestTrendsSayWhatHasNoDate(t *testing.T) {
	ds := viewtest.FourDeals()
	n := model.NoDay
	ds.Days[1] = []int32{n, n, n, 7} // 3 reached Opportunity, 1 with its date
	v := New(viewtest.On(ds), views.DefaultState())
	v.SetSize(80, 24)
	viewtest.Run(v, v.Init())
	out := ansi.Strip(v.View())
	if strings.Contains(out, "have no date there") {
		t.Errorf("Lead is dated, yet:\n%s", out)
	}
	viewtest.Press(v, "right")
	out = strings.Join(strings.Fields(ansi.Strip(v.View())), " ")
	if !strings.Contains(out, "2 of 3 records that reached Opportunity have no date there") {
		t.Errorf("Opportunity:\n%s", ansi.Strip(v.View()))
	}
	ds.Days[1][3] = n
	v = New(viewtest.On(ds), views.DefaultState())
	v.SetSize(80, 24)
	viewtest.Run(v, v.Init())
	viewtest.Press(v, "right")
	out = ansi.Strip(v.View())
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "3 of 3 records") || strings.Contains(out, "┤") {
		t.Errorf("no Opportunity date: want the note and no chart:\n%s", out)
	}
}
