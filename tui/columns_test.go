package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mapping"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/columns"
	"github.com/funnel-cli/funnel/tui/views/overview"
)

const realOpps = "../testdata/realdata/sf-devorg-pbi__Opportunity.csv"

// testRemap is what cmd/funnel wires for the column screen, over files.
func testRemap(files []string) *views.Remapper {
	r := &views.Remapper{Reload: loaders.Reloader(files, loaders.Options{}), Paths: map[string]string{}}
	for _, f := range files {
		r.Paths[loaders.InputName(f)] = f
	}
	r.File = func(name string, m *mapping.Mapping, ld model.LoadInfo, toml bool) ([]byte, error) {
		if toml {
			return loaders.MappingFile(name, m, ld, loaders.FormatTOML)
		}
		return loaders.MappingFile(name, m, ld, loaders.FormatYAML)
	}
	return r
}

// columnsApp is the explorer over real files, as `funnel FILE…` opens it.
func columnsApp(t *testing.T, w, h int, files ...string) *App {
	t.Helper()
	ds, err := loaders.LoadFiles(context.Background(), files, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(ds, Options{NoColor: true, Remap: testRemap(files)})
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	deliver(a, a.Init())
	return a
}

// rowOf moves the column screen's cursor to the first row whose line
// starts with text (after the marker), from the top.
func rowOf(t *testing.T, a *App, text string) {
	t.Helper()
	press(a, tea.KeyPressMsg{Code: 'g', Text: "g"})
	for range 200 {
		for _, l := range strings.Split(screen(a), "\n") {
			if strings.HasPrefix(l, "▸ ") && strings.HasPrefix(strings.TrimSpace(l[len("▸ "):]), text) {
				return
			}
		}
		press(a, keyDown)
	}
	t.Fatalf("no row %q:\n%s", text, screen(a))
}

func checkWidth(t *testing.T, out string, w int) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("line %d is %d wide: %q", i, lw, l)
		}
	}
}

// The column screen on real exports, opened with C, at two sizes: the
// columns, the role list, and the screen after a change (a stage moved
// up, a column's role changed), recomputed.
func TestColumnScreenGoldens(t *testing.T) {
	for _, tc := range []struct {
		file, row string
		key       tea.KeyPressMsg
	}{
		{realOpps, "3. Needs Analysis", ch('K')},
		{"../testdata/realdata/uci-bank__bank.csv", "marital", ch('r')},
	} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			name := strings.TrimSuffix(filepath.Base(tc.file), ".csv")
			a := columnsApp(t, sz[0], sz[1], tc.file)
			steps := []struct {
				name string
				do   func()
			}{
				{"open", func() { press(a, ch('C')) }},
				{"roles", func() { press(a, keyDown, keyEnter) }},
				{"changed", func() { press(a, keyEsc); rowOf(t, a, tc.row); press(a, tc.key) }},
			}
			for _, s := range steps {
				s.do()
				t.Run(fmt.Sprintf("%s_%s_%dx%d", name, s.name, sz[0], sz[1]), func(t *testing.T) {
					if _, ok := a.Top().(*columns.Model); !ok {
						t.Fatalf("top is %T", a.Top())
					}
					out := screen(a)
					checkWidth(t, out, sz[0])
					golden.RequireEqual(t, out)
				})
			}
		}
	}
}

// overviewCounts are the Reached counts the overview shows for each stage.
func overviewCounts(t *testing.T, a *App) map[string]string {
	t.Helper()
	if _, ok := a.Top().(*overview.Model); !ok {
		t.Fatalf("top is %T", a.Top())
	}
	out := map[string]string{}
	for _, l := range strings.Split(screen(a), "\n") {
		for _, s := range a.common.Data().Stages {
			if rest, ok := strings.CutPrefix(strings.TrimLeft(l, "▸ "), s+" "); ok {
				if f := strings.Fields(rest); len(f) > 0 {
					out[s] = f[0]
				}
			}
		}
	}
	return out
}

// The flow: open the column screen, give a column another role and mark a
// stage value lost; each change reads the file again and the overview
// under the screen shows the new numbers; the saved mapping reads the
// file to the same dataset.
func TestColumnScreenFlow(t *testing.T) {
	a := columnsApp(t, 120, 40, realOpps)
	before := overviewCounts(t, a)
	topBefore := onlyTop(a.common.Data())
	if before["Qualification"] == "" {
		t.Fatalf("overview counts: %v\n%s", before, screen(a))
	}
	press(a, ch('C'))
	rowOf(t, a, "ExpectedRevenue")
	press(a, keyEnter, ch('g'))
	for range 40 { // the role list: down to "amount"
		if strings.Contains(screen(a), "▸ amount") {
			break
		}
		press(a, keyDown)
	}
	press(a, keyEnter)
	if _, ok := a.Top().(*columns.Model); !ok || a.Depth() != 2 {
		t.Fatalf("after the recompute the screen is back over the overview; top %T depth %d", a.Top(), a.Depth())
	}
	out := screen(a)
	for _, want := range []string{"ExpectedRevenue read as amount; Amount no longer used · recomputed", "Funnel now:"} {
		if !strings.Contains(out, want) {
			t.Fatalf("the screen lacks %q:\n%s", want, out)
		}
	}
	ds := a.common.Data()
	if ds.Load.Mappings[0].Amount != "ExpectedRevenue" {
		t.Fatalf("the data on screen was read with amount %q", ds.Load.Mappings[0].Amount)
	}
	// a stage value marked lost: its records leave the stages after it
	rowOf(t, a, "2. Qualification")
	press(a, ch('x'))
	if out := screen(a); !strings.Contains(out, `"Qualification" means lost · recomputed`) {
		t.Fatalf("after x:\n%s", out)
	}
	press(a, keyEsc)
	after := overviewCounts(t, a)
	if _, ok := after["Qualification"]; ok {
		t.Fatalf("Qualification is still a stage on the overview: %v", after)
	}
	fresh := query.New(a.common.Data()).Funnel(query.FunnelOptions{AsOf: model.NoDay})
	for _, s := range fresh.Stages {
		if after[s.Name] != format.Count(s.Reached) {
			t.Errorf("overview shows %s for %s, the data %d", after[s.Name], s.Name, s.Reached)
		}
	}
	// the record at Qualification is open by IsClosed, whatever its label
	// says: it counts at the first stage now
	if n, want := onlyTop(a.common.Data()), topBefore+atStage(t, realOpps, "Qualification"); n != want {
		t.Errorf("%d records only at the first stage after Qualification means lost, want %d", n, want)
	}
	// save: the mapping reads the file to the dataset on screen
	path := filepath.Join(t.TempDir(), "opps.yaml")
	press(a, ch('C'), ch('S'), tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	for _, r := range path {
		press(a, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	press(a, keyEnter)
	if out := screen(a); !strings.Contains(out, "saved "+path) {
		t.Fatalf("no saved note:\n%s", out)
	}
	m, err := loaders.ReadMapping(path)
	if err != nil {
		t.Fatal(err)
	}
	again, err := loaders.LoadFile(realOpps, loaders.Options{Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	shown := *a.common.Data()
	g := *again
	shown.Load, g.Load = model.LoadInfo{}, model.LoadInfo{}
	if !reflect.DeepEqual(shown, g) {
		t.Errorf("the saved mapping reads another dataset: stages %v vs %v", g.Stages, shown.Stages)
	}
	// never over the input, and a file that exists only on a second enter
	press(a, ch('S'), tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	for _, r := range realOpps {
		press(a, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	press(a, keyEnter)
	if out := screen(a); !strings.Contains(out, "is an input file") {
		t.Fatalf("writing over the input was not refused:\n%s", out)
	}
}

// With no change, the screen saves what funnel init writes.
func TestColumnScreenSavesWhatInitWrites(t *testing.T) {
	a := columnsApp(t, 100, 30, realOpps)
	dir := t.TempDir()
	for _, ext := range []string{"yaml", "toml"} {
		path := filepath.Join(dir, "m."+ext)
		press(a, ch('C'), ch('S'), tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
		for _, r := range path {
			press(a, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		press(a, keyEnter)
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v\n%s", err, screen(a))
		}
		format := loaders.FormatYAML
		if ext == "toml" {
			format = loaders.FormatTOML
		}
		want, err := loaders.StarterMapping(context.Background(), realOpps, format)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: the screen saved\n%s\nfunnel init writes\n%s", ext, got, want)
		}
		press(a, keyEsc)
	}
}

// onlyTop counts the records that reached the first stage only.
func onlyTop(ds *model.Dataset) int {
	n := 0
	for _, r := range ds.Reached {
		if r == 1 {
			n++
		}
	}
	return n
}

// atStage counts the rows of a current-stage export at stage value v.
func atStage(t *testing.T, file, v string) int {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(b), ","+v+",")
}
