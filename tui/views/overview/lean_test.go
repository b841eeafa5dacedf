package overview

import (
	"reflect"
	"testing"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// Insights worked out before the dimensions were read (a deferred load)
// get their channel mix shift once the engine with them arrives in a
// CommonMsg, and then equal those worked out on the complete data; the
// rest of them is kept, not worked out again.
func TestMixShiftFollowsTheDimensions(t *testing.T) {
	full := viewtest.Demo()
	lean := *full.Engine.Data()
	lean.Dims, lean.Load.DimsSkipped = nil, true
	c := full
	c.Engine = query.New(&lean)
	o := New(c)
	viewtest.Run(o, o.Init())
	if o.insights == nil || o.insights.mix != nil {
		t.Fatalf("insights on the lean data: %+v", o.insights)
	}
	sticky := o.insights.sticky
	c.Engine = c.Engine.WithColumns(full.Engine.Data())
	viewtest.Run(o, o.Update(views.CommonMsg{Common: c}))
	want := computeInsights(full.Engine, o.state)
	if (o.insights.mix == nil) != (want.mix == nil) || want.mix != nil && !reflect.DeepEqual(*o.insights.mix, *want.mix) {
		t.Errorf("mix shift after the dims: %+v, want %+v", o.insights.mix, want.mix)
	}
	if !reflect.DeepEqual(o.insights.sticky, sticky) || o.insights.sel.Data.Dim("channel") == nil {
		t.Error("the insights were not kept, or their selection has no channel")
	}
}
