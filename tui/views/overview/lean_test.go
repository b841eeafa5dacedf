package overview

import (
	"reflect"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// Before a deferred load's dimensions are read there is no slice to test:
// the overview says its sticky points follow (never "no slice converts
// worse"), and once the engine with them arrives in a CommonMsg its
// sticky points and mix shift equal those worked out on the complete data.
func TestStickyPointsFollowTheDimensions(t *testing.T) {
	full := viewtest.Demo()
	lean := *full.Engine.Data()
	lean.Dims, lean.Load.DimsSkipped = nil, true
	c := full
	c.Engine = query.New(&lean)
	o := New(c)
	o.SetSize(100, 30)
	viewtest.Run(o, o.Init())
	if o.insights == nil || !o.insights.dimsLater || o.InsightsReady() {
		t.Fatalf("insights on the lean data: %+v", o.insights)
	}
	screen := strings.Join(o.stickyLines(100), "\n")
	if !strings.Contains(screen, "after the dimension columns are read") || strings.Contains(screen, "No slice") {
		t.Errorf("sticky lines before the dimensions:\n%s", screen)
	}
	c.Engine = c.Engine.WithColumns(full.Engine.Data())
	viewtest.Run(o, o.Update(views.CommonMsg{Common: c}))
	want := computeInsights(full.Engine, o.state)
	if !o.InsightsReady() || len(want.sticky.Points) == 0 || !reflect.DeepEqual(o.insights.sticky, want.sticky) {
		t.Errorf("sticky points after the dims: %d, want %d", len(o.insights.sticky.Points), len(want.sticky.Points))
	}
	if !reflect.DeepEqual(o.insights.compare, want.compare) {
		t.Error("the period comparison changed with the dimensions")
	}
	if (o.insights.mix == nil) != (want.mix == nil) || want.mix != nil && !reflect.DeepEqual(*o.insights.mix, *want.mix) {
		t.Errorf("mix shift after the dims: %+v, want %+v", o.insights.mix, want.mix)
	}
}
