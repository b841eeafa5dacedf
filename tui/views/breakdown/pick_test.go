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
