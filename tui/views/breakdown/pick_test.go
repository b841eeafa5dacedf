package breakdown

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// The column list names each column whole when there is room and counts
// its values with the right plural ("1 value", not "1 values").
func TestBreakdownPickListNamesAndCounts(t *testing.T) {
	ds := viewtest.FourDealsByChannel()
	ds.Dims = append(ds.Dims, &model.Dim{Name: "HasOpportunityLineItem", Values: []string{"", "1"}, Codes: model.CodesOf([]uint32{1, 1, 1, 1}, 2)})
	b := New(viewtest.On(ds), views.DefaultState(), "")
	b.SetSize(120, 20)
	viewtest.Run(b, b.Init())
	out := ansi.Strip(b.View())
	for _, want := range []string{"HasOpportunityLineItem  1 value\n", "channel                 2 values"} {
		if !strings.Contains(out+"\n", want) {
			t.Errorf("no %q:\n%s", want, out)
		}
	}
}

// In a short window the column list scrolls with the cursor and says
// which columns it shows; the cursor is never off screen.
func TestBreakdownPickListScrolls(t *testing.T) {
	ds := viewtest.FourDealsByChannel()
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} {
		ds.Dims = append(ds.Dims, &model.Dim{Name: "col_" + n, Values: []string{"", "x"}, Codes: model.CodesOf([]uint32{1, 1, 1, 1}, 2)})
	}
	b := New(viewtest.On(ds), views.DefaultState(), "")
	b.SetSize(60, 10)
	viewtest.Run(b, b.Init())
	for range 12 {
		viewtest.Press(b, "down")
	}
	out := ansi.Strip(b.View())
	if !strings.Contains(out, "▸ col_l") || !strings.Contains(out, "of 13 (↑/↓)") || len(strings.Split(out, "\n")) > 10 {
		t.Errorf("the cursor (col_l) is not on screen, or no word of the window:\n%s", out)
	}
}
