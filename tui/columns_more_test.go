package tui

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/tui/theme"
	"github.com/funnel-cli/funnel/tui/views/columns"
	"github.com/funnel-cli/funnel/tui/views/loadinfo"
	"github.com/funnel-cli/funnel/tui/views/overview"
)

// guessedCSV is a deals file whose stages no vocabulary knows and no
// column orders: the loader orders them by count and says it is unsure.
func guessedCSV(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Deal,Phase,Value\n")
	for i, ph := range []string{"Scoping", "Scoping", "Scoping", "Scoping", "Pitch", "Pitch", "Pitch", "Parked", "Parked", "Signed"} {
		fmt.Fprintf(&b, "D%d,%s,%d\n", i, ph, 100*(i+1))
	}
	p := filepath.Join(t.TempDir(), "deals.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// An unsure load opens on the column screen, over the overview, saying
// what the loader guessed and why it is unsure; a deep link to a view
// opens that view instead.
func TestUnsureLoadOpensTheColumnScreen(t *testing.T) {
	file := guessedCSV(t)
	a := columnsApp(t, 100, 30, file)
	if !a.common.Data().Load.Unsure {
		t.Fatalf("the load is not unsure: %v", a.common.Data().Load.Decisions)
	}
	if _, ok := a.Top().(*columns.Model); !ok || a.Depth() != 2 {
		t.Fatalf("top %T depth %d", a.Top(), a.Depth())
	}
	out := screen(a)
	for _, want := range []string{"Guessed: Phase read as the current", "Unsure:", "stage order guessed from counts", "esc shows the funnel", "guessed (C to check)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the screen lacks %q:\n%s", want, out)
		}
	}
	press(a, keyEsc)
	if _, ok := a.Top().(*overview.Model); !ok {
		t.Fatalf("esc: top is %T", a.Top())
	}
	ds, err := loaders.LoadFile(file, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := New(ds, Options{NoColor: true, Open: Open{View: "trends"}})
	b.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	deliver(b, b.Init())
	if b.Depth() != 1 || b.Top().Title() == "Columns" {
		t.Errorf("--view trends opened %q", b.Top().Title())
	}
}

// C opens the screen from the overview and from the load details; its
// keys collide with none of the root's.
func TestColumnScreenKeys(t *testing.T) {
	a := columnsApp(t, 100, 30, realOpps)
	press(a, ch('l'))
	if _, ok := a.Top().(*loadinfo.Model); !ok {
		t.Fatalf("l: top is %T", a.Top())
	}
	if !strings.Contains(screen(a), "Press C for the column screen") {
		t.Errorf("the load details do not mention C:\n%s", screen(a))
	}
	press(a, ch('C'))
	if _, ok := a.Top().(*columns.Model); !ok || a.Depth() != 3 {
		t.Fatalf("C from l: top %T depth %d", a.Top(), a.Depth())
	}
	checkKeys(t, a, "columns")
	press(a, keyEsc, keyEsc, ch('C'))
	if _, ok := a.Top().(*columns.Model); !ok || a.Depth() != 2 {
		t.Fatalf("C from the overview: top %T depth %d", a.Top(), a.Depth())
	}
	// esc in the role list closes the list, not the screen
	press(a, keyEnter, keyEsc)
	if _, ok := a.Top().(*columns.Model); !ok || a.Top().(*columns.Model).Capturing() {
		t.Fatalf("esc in the role list: top %T", a.Top())
	}
}

// Standard input cannot be read twice: a change is kept in the mapping
// (to save) and the screen says it was not recomputed.
func TestColumnScreenOnStandardInput(t *testing.T) {
	a := columnsApp(t, 120, 30, realOpps)
	a.common.Remap.NoReload = "standard input cannot be read twice"
	press(a, ch('C'))
	rowOf(t, a, "2. Qualification")
	press(a, ch('n'))
	out := screen(a)
	if !strings.Contains(out, "not recomputed (standard input cannot be read twice)") || !strings.Contains(out, "not a stage") {
		t.Fatalf("after n on standard input:\n%s", out)
	}
	if got := a.common.Data().Stages[1]; got != "Qualification" {
		t.Errorf("the data changed without a reload: stage 2 is %q", got)
	}
}

// Column names, values and file names from the data reach the screen
// only sanitised, in every state of the screen.
func TestColumnScreenSanitises(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "evil\u202Efile.csv")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"id", "stage", hostile[1], "owner " + hostile[3], "amount"})
	for i := range 40 {
		w.Write([]string{fmt.Sprint("r", i), hostile[i%4] + "Stage" + fmt.Sprint(i%3), hostile[(i+5)%len(hostile)],
			hostile[i%len(hostile)], fmt.Sprint(i * 10)})
	}
	w.Flush()
	f.Close()
	ds, err := loaders.LoadFiles(context.Background(), []string{file}, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(ds, Options{NoColor: true, Remap: testRemap([]string{file})})
	*a.styles = *theme.Plain()
	a.applyHelpStyles()
	for _, sz := range [][2]int{{60, 15}, {120, 40}} {
		a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		deliver(a, a.Init())
		if a.Depth() == 1 {
			press(a, ch('C'))
		}
		for _, keys := range [][]tea.KeyPressMsg{nil, {ch('G'), ch('n')}, {ch('g'), keyEnter}, {keyEsc, ch('S')}, {keyEsc}} {
			press(a, keys...)
			out := a.View().Content
			// the data's escapes (the prompt's own styling aside)
			for _, bad := range []string{"\x1b[31m", "\x1b]", "\x07", "\u202E", "\u200B", "\u009b", "\xff"} {
				if strings.Contains(out, bad) {
					t.Fatalf("%dx%d after %v: output contains %q:\n%s", sz[0], sz[1], keys, bad, out)
				}
			}
			checkWidth(t, out, sz[0])
		}
	}
}

// A filter that names a column the new reading has not is dropped, and
// the screen says so.
func TestColumnScreenDropsAFilterThatNoLongerReads(t *testing.T) {
	a := columnsApp(t, 120, 30, realOpps)
	st := a.state
	st.Filter = "LeadSource=Web"
	deliver(a, a.setState(st))
	press(a, ch('C'))
	rowOf(t, a, "LeadSource")
	press(a, keyEnter, ch('G'), keyEnter) // the last role: ignore
	if a.state.Filter != "" {
		t.Fatalf("the filter is %q", a.state.Filter)
	}
	if out := screen(a); !strings.Contains(out, "the filter LeadSource=Web no longer reads on this data: dropped") {
		t.Fatalf("the screen does not say the filter was dropped:\n%s", out)
	}
}

// The demo was read from no file: the screen says there is nothing to
// show and the keys change nothing.
func TestColumnScreenOnTheDemo(t *testing.T) {
	a := newDemoApp(t, 80, 24)
	press(a, ch('C'), ch('r'), ch('S'), ch('w'))
	if _, ok := a.Top().(*columns.Model); !ok {
		t.Fatalf("top is %T", a.Top())
	}
	if out := screen(a); !strings.Contains(out, "This data was not read from a file") {
		t.Fatalf("the demo's column screen:\n%s", out)
	}
}

// Snapshots of one export give the same reason to be unsure once each: the
// banner says it once.
func TestUnsureBannerSaysEachReasonOnce(t *testing.T) {
	file := guessedCSV(t)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(t.TempDir(), "deals-later.csv")
	if err := os.WriteFile(second, data, 0o644); err != nil {
		t.Fatal(err)
	}
	a := columnsApp(t, 200, 30, file, second)
	why := a.common.Data().Load.UnsureWhy
	if len(why) < 2 {
		t.Skipf("the two files gave %d reasons to be unsure: %v", len(why), why)
	}
	if out := screen(a); strings.Count(out, "stage order guessed from counts") != 1 {
		t.Errorf("the reason is not said once:\n%s", out)
	}
}
