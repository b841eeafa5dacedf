package sticky

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

func newDemo(t *testing.T, w, h int) *Model {
	t.Helper()
	s := New(viewtest.Demo(), views.DefaultState())
	s.SetSize(w, h)
	if !strings.Contains(s.View(), "computing") {
		t.Fatalf("before the job runs the view should say it is computing:\n%s", s.View())
	}
	viewtest.Run(s, s.Init())
	if s.data == nil {
		t.Fatal("sticky points not computed")
	}
	return s
}

func TestStickyGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(viewtest.SizeName(sz[0], sz[1]), func(t *testing.T) {
			s := newDemo(t, sz[0], sz[1])
			out := ansi.Strip(s.View())
			if msg := viewtest.Box(out, sz[0], sz[1]); msg != "" {
				t.Error(msg)
			}
			golden.RequireEqual(t, out)
		})
	}
}

func TestStickyDrillSortAndState(t *testing.T) {
	s := newDemo(t, 120, 30)
	fs := s.data.findings
	if len(fs) == 0 {
		t.Fatal("the demo plants sticky points; none found")
	}
	// the planted one: outbound at SAL→SQL
	found := false
	for _, p := range fs {
		if p.Dimension == "channel" && p.Value == demo.StickyChannel && p.FromStage == demo.StickyTransition {
			found = true
		}
		if !p.Finding() || p.TooFew {
			t.Errorf("%s %s=%s listed but not a finding", p.Stage, p.Dimension, p.Value)
		}
	}
	if !found {
		t.Error("outbound SAL→SQL not listed")
	}
	viewtest.Press(s, "down", "down")
	p := fs[2]
	rec, ok := viewtest.Drilled(viewtest.Press(s, "enter"))
	if !ok || rec.To != views.DrillRecords {
		t.Fatal("enter should open the records")
	}
	if want := p.Entered - p.Converted; len(rec.Rows) != want {
		t.Errorf("drill rows %d, want entered-converted = %d-%d = %d", len(rec.Rows), p.Entered, p.Converted, want)
	}
	if want := s.data.sel.OriginalRows(insight.LostRecords(s.data.sel.Data, s.data.res, p)); !slices.Equal(rec.Rows, want) {
		t.Errorf("drilled rows are not insight.LostRecords's (%d vs %d)", len(rec.Rows), len(want))
	}
	for _, i := range rec.Rows {
		if s.common.Data().Dim(p.Dimension).Value(int(i)) != p.Value {
			t.Fatalf("row %d is not in %s=%s", i, p.Dimension, p.Value)
		}
	}
	if !strings.Contains(rec.Title, p.Stage) {
		t.Errorf("records title %q does not name the transition", rec.Title)
	}
	// sort by lost value: descending
	viewtest.Press(s, "v")
	fs = s.data.findings
	for i := 1; i < len(fs); i++ {
		if fs[i].LostValue > fs[i-1].LostValue {
			t.Fatalf("not by lost value at %d", i)
		}
	}
	if s.list.Cursor() != 0 || !strings.Contains(ansi.Strip(s.View()), "by lost value") {
		t.Error("sorting should go back to the top and say the order")
	}
	// a filter is applied and said; a new as-of recomputes
	st := views.DefaultState()
	st.Filter = "channel=chat"
	viewtest.Run(s, s.Update(views.StateMsg{State: st}))
	if out := ansi.Strip(s.View()); strings.Contains(out, "not applied") || !strings.Contains(out, "where channel=chat") {
		t.Errorf("the filter should apply and be said:\n%s", out)
	}
	st.AsOf = model.DayFromCivil(2026, 6, 30)
	viewtest.Run(s, s.Update(views.StateMsg{State: st}))
	if out := ansi.Strip(s.View()); !strings.Contains(out, "as of 2026-06-30") || !strings.Contains(out, "2026-04…2026-06") {
		t.Errorf("as-of change not applied:\n%s", out)
	}
}

// Without dates every record counts: no window, no maturity; the drill
// still lists exactly the records that did not convert.
func TestStickyWithoutDates(t *testing.T) {
	ds := *viewtest.Demo().Data()
	ds.HasDates = false
	c := viewtest.Demo()
	c.Engine = query.New(&ds)
	s := New(c, views.DefaultState())
	s.SetSize(120, 30)
	viewtest.Run(s, s.Init())
	out := ansi.Strip(s.View())
	if !strings.Contains(out, "all records (no dates)") {
		t.Fatalf("no-dates window not stated:\n%s", out)
	}
	if fs := s.data.findings; len(fs) > 0 {
		p := fs[0]
		if rec, _ := viewtest.Drilled(viewtest.Press(s, "enter")); len(rec.Rows) != p.Entered-p.Converted {
			t.Errorf("drill %d rows, want %d", len(rec.Rows), p.Entered-p.Converted)
		}
	}
}

// Under channel=chat the sticky view ranks chat records only: no channel
// slice can be compared (there is one channel), every slice is smaller,
// and the drill lists chat records only.
func TestStickyHonoursFilter(t *testing.T) {
	c := viewtest.Demo()
	whole := newDemo(t, 120, 30)
	s := New(c, viewtest.ChatState())
	s.SetSize(120, 30)
	viewtest.Run(s, s.Init())
	if s.data == nil {
		t.Fatal("not computed")
	}
	chat := viewtest.CountChat(c.Data(), func(int) bool { return true })
	out := ansi.Strip(s.View())
	want := "where channel=chat: " + format.Count(chat) + " of 20,000 records"
	if !strings.Contains(out, want) || strings.Contains(out, "not applied") {
		t.Errorf("view should say %q:\n%s", want, out)
	}
	if s.Title() != "Sticky points where channel=chat" {
		t.Errorf("title %q", s.Title())
	}
	if s.data.res.Comparisons >= whole.data.res.Comparisons {
		t.Errorf("comparisons under the filter %d, whole %d: the filter changed nothing", s.data.res.Comparisons, whole.data.res.Comparisons)
	}
	for _, p := range s.data.res.Points {
		if p.Dimension == "channel" && p.Value != "chat" {
			t.Errorf("slice %s=%s under channel=chat", p.Dimension, p.Value)
		}
		if p.Entered > chat {
			t.Errorf("%s %s=%s entered %d, more than the %d chat records", p.Stage, p.Dimension, p.Value, p.Entered, chat)
		}
	}
	if fs := s.data.findings; len(fs) > 0 {
		p := fs[0]
		rec, _ := viewtest.Drilled(viewtest.Press(s, "enter"))
		if len(rec.Rows) != p.Entered-p.Converted {
			t.Errorf("drill %d rows, want %d", len(rec.Rows), p.Entered-p.Converted)
		}
		if want := s.data.sel.OriginalRows(insight.LostRecords(s.data.sel.Data, s.data.res, p)); !slices.Equal(rec.Rows, want) {
			t.Errorf("drilled rows are not insight.LostRecords's (%d vs %d)", len(rec.Rows), len(want))
		}
		for _, i := range rec.Rows {
			if c.Data().Dim("channel").Value(int(i)) != "chat" {
				t.Fatalf("drilled row %d is not chat", i)
			}
		}
	}
	// back to no filter: the whole ranking again
	viewtest.Run(s, s.Update(views.StateMsg{State: views.DefaultState()}))
	if s.data.res.Comparisons != whole.data.res.Comparisons {
		t.Errorf("clearing the filter gave %d comparisons, want %d", s.data.res.Comparisons, whole.data.res.Comparisons)
	}
}

// TestStickyNestedSliceNamesParent: a nested slice (a campaign within its
// channel) is named with the parent it is compared within, whole when the
// slice column has room and value first when it has not.
func TestStickyNestedSliceNamesParent(t *testing.T) {
	for _, c := range []struct {
		w             int
		value, parent string
		want          string
	}{
		{140, "webinar", "channel=events", "campaign=webinar in channel=events"},
		{140, "meta-retarget", "channel=paid_social", "meta-retarget in channel=paid_social"},
		{80, "meta-retarget", "channel=paid_social", "meta-retarget in chann"},
	} {
		s := newDemo(t, c.w, 24)
		p := s.data.findings[0]
		p.Dimension, p.Value, p.Parent = "campaign", c.value, c.parent
		s.data.findings = []insight.StickyPoint{p}
		if out := ansi.Strip(s.View()); !strings.Contains(out, c.want) {
			t.Errorf("at %d columns the nested slice should read %q:\n%s", c.w, c.want, out)
		}
	}
}

// The methods note wraps instead of being cut, at any width, and the
// findings give up rows for it: the view still fits its box.
func TestStickyMethodsNoteWraps(t *testing.T) {
	for _, sz := range [][2]int{{60, 15}, {80, 24}, {140, 40}} {
		s := newDemo(t, sz[0], sz[1])
		out := ansi.Strip(s.View())
		if msg := viewtest.Box(out, sz[0], sz[1]); msg != "" {
			t.Errorf("%dx%d: %s", sz[0], sz[1], msg)
		}
		flat := strings.Join(strings.Fields(out), " ")
		if !strings.Contains(flat, "is compared within its parent") {
			t.Errorf("%dx%d: the methods note is cut:\n%s", sz[0], sz[1], out)
		}
		if !strings.Contains(out, "▸") {
			t.Errorf("%dx%d: no finding row left:\n%s", sz[0], sz[1], out)
		}
	}
}
