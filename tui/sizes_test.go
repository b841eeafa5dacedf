package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/views"
)

// viewPaths are the keys that open every view, from the overview.
var viewPaths = []struct {
	name string
	keys []tea.KeyPressMsg
}{
	{"overview", nil},
	{"stage", []tea.KeyPressMsg{keyDown, keyDown, keyDown, keyEnter}},
	{"records", []tea.KeyPressMsg{ch('r')}},
	{"load", []tea.KeyPressMsg{ch('l')}},
	{"breakdown_pick", []tea.KeyPressMsg{ch('b')}},
	{"breakdown", []tea.KeyPressMsg{ch('b'), keyEnter}},
	{"cohorts", []tea.KeyPressMsg{ch('c')}},
	{"trends", []tea.KeyPressMsg{ch('t')}},
	{"sticky", []tea.KeyPressMsg{ch('s')}},
	{"planner", []tea.KeyPressMsg{ch('p')}},
	{"money", []tea.KeyPressMsg{ch('e')}},
}

// sizedApp is the demo with its spend and segment rules at a size, on the
// view the keys lead to.
func sizedApp(t *testing.T, w, h int, keys []tea.KeyPressMsg) *App {
	t.Helper()
	ds := demo.Generate(demo.Options{Rows: 20000})
	a := New(ds, Options{NoColor: true, Spend: demo.Spend(ds), Segments: []money.SegmentRule{
		{Segment: "Enterprise", Column: "segment", Values: []string{"Enterprise"}},
		{Segment: "SMB and mid", Column: "segment", Values: []string{"SMB", "Mid-market"}}}})
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	deliver(a, a.Init())
	press(a, keys...)
	return a
}

// rowsSaid: the screen says rows are not all shown (a window "18–24 of
// 24", lines below, the last N, a list elsewhere).
func rowsSaid(screen string) bool {
	for _, m := range []string{"↓", "more", "the last ", "s lists"} {
		if strings.Contains(screen, m) {
			return true
		}
	}
	return windowOf.MatchString(screen)
}

// TestEveryViewAtEverySize draws every view at 60×15, 80×24 and 200×60
// against goldens, and checks nothing is dropped silently: no line is
// wider than the window, a column the widest window shows is shown or
// said hidden, and rows of the view's tables that are not on screen are
// said to be below.
func TestEveryViewAtEverySize(t *testing.T) {
	for _, v := range viewPaths {
		wide := screen(sizedApp(t, 200, 60, v.keys))
		for _, sz := range [][2]int{{60, 15}, {80, 24}, {200, 60}} {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, sz[0], sz[1]), func(t *testing.T) {
				a := sizedApp(t, sz[0], sz[1], v.keys)
				out := screen(a)
				lines := strings.Split(out, "\n")
				if len(lines) != sz[1] {
					t.Errorf("%d lines, want %d", len(lines), sz[1])
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w > sz[0] {
						t.Errorf("line %d is %d wide: %q", i, w, l)
					}
				}
				// what the view says, without the bar, the help and the status
				out = strings.Join(lines[1:len(lines)-2], "\n")
				tb, ok := a.Top().(views.Tabler)
				if !ok {
					t.Fatalf("%T gives no tables", a.Top())
				}
				for _, tt := range tb.Tables() {
					// every word of the header the widest window draws for
					// the table is in this screen's header, or the screen
					// says columns are hidden (or the table is further down
					// a page that says so)
					wideHead, head := headerLine(wide, tt), headerLine(out, tt)
					if wideHead != "" && head == "" && !strings.Contains(out, "↓") {
						t.Errorf("table %s is not on screen and nothing says so", tt.Name)
					}
					for _, w := range strings.Fields(wideHead) {
						if head != "" && !strings.Contains(head, strings.TrimRight(w, "…")) && !strings.Contains(out, "hidden") {
							t.Errorf("table %s: column %q is shown at 200×60, gone here and not said hidden", tt.Name, w)
						}
					}
					missing := 0
					for _, row := range tt.Rows {
						if len(row) == 0 || row[0].Str == "" {
							continue
						}
						label := format.Clean(row[0].Str)
						if len([]rune(label)) > 6 {
							label = string([]rune(label)[:6])
						}
						if !strings.Contains(out, label) {
							missing++
						}
					}
					if missing > 0 && !rowsSaid(out) {
						t.Errorf("table %s: %d of %d rows not on screen and nothing says so", tt.Name, missing, len(tt.Rows))
					}
				}
				if v.name == "overview" && sz[0] >= 80 && !strings.Contains(out, "\n3. ") {
					t.Error("the overview should list all three sticky points from 80×24 up")
				}
				golden.RequireEqual(t, []byte(strings.Join(lines, "\n")))
			})
		}
	}
}

var windowOf = regexp.MustCompile(`(\d–|row )[\d,]+ of [\d,]+`)

// headerLine is the screen line that heads table t: it starts with its
// first column's name and names a second column ("" when none does).
func headerLine(screen string, t tabular.Table) string {
	if len(t.Columns) < 2 {
		return ""
	}
	first := format.Clean(t.Columns[0].Name)
	for _, l := range strings.Split(screen, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), first+" ") {
			continue
		}
		for _, c := range t.Columns[1:] {
			if n := strings.Fields(format.Clean(c.Name)); len(n) > 0 && len(n[0]) >= 3 && strings.Contains(l, n[0]) {
				return l
			}
		}
	}
	return ""
}
