package cohorts

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// Long stage names are shown whole when every stage column fits so (a
// wide window), and cut rather than hidden when they do not.
func TestCohortsLongStageNames(t *testing.T) {
	ds := viewtest.FourDeals()
	ds.Stages = []string{"Interes", "Presentación Propuesta", "Won"}
	for _, tc := range []struct {
		w    int
		want string
	}{{120, "Presentación Propuesta"}, {50, "Presentaci…"}} {
		v := New(viewtest.On(ds), views.DefaultState())
		v.SetSize(tc.w, 20)
		viewtest.Run(v, v.Init())
		out := viewtest.Screen(v)
		if head := strings.Split(out, "\n")[1]; !strings.Contains(head, tc.want) {
			t.Errorf("at %d wide the header is %q, want %q in it:\n%s", tc.w, head, tc.want, out)
		}
	}
}
