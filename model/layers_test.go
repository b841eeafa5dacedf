package model_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The module's import layering, checked over `go list` (non-test imports):
//
//   - the one-way flow loaders → model → tui → cmd: model imports none of
//     loaders, tui or cmd; loaders imports only model; tui imports no
//     loaders and no cmd;
//   - inside model, a package imports only packages of a lower rank
//     (modelRank): stats and plan are leaves, the dataset next, the
//     filter language and the engine above it, the analyses on top
//     (money below insight, whose planner costs the spend);
//   - model and loaders depend on no Bubble Tea, Bubbles or Lip Gloss
//     (nor any Charm package); tui/report, tui/format and tui/tabular on
//     no Bubble Tea, Bubbles or Lip Gloss;
//   - inside tui (tuiError): format and tabular are leaves, the report
//     imports none of the explorer (widgets, theme, views), widgets import
//     no views, and a view package imports no other view package (it
//     drills into one through the tui/views contract); viewtest is for
//     tests only.
//
// And no package in model holds mutable package-level state (caches
// belong to a query.Engine): no package-level variable is of a sync type
// or assigned to inside a function.

const module = "github.com/funnel-cli/funnel"

// modelRank orders the model packages: an import must go to a lower rank.
var modelRank = map[string]int{
	"model/stats":            0,
	"model/mapping":          0, // what a mapping file says: plain data
	"model/plan":             1, // may use stats
	"model":                  2,
	"model/internal/fixture": 3,
	"model/query/filter":     3,
	"model/query":            4,
	"model/money":            5, // may use mapping (segment rules)
	"model/insight":          6, // may use money (the planner's costs)
	"model/mask":             6,
	"model/demo":             6,
}

type listed struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Imports    []string
	Deps       []string
}

func goList(t *testing.T) []listed {
	t.Helper()
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := exec.LookPath(goBin); err != nil {
		if goBin, err = exec.LookPath("go"); err != nil {
			t.Skip("no go tool to list packages with")
		}
	}
	cmd := exec.Command(goBin, "list", "-json", module+"/...")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listed
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p listed
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found %d packages", len(pkgs))
	}
	return pkgs
}

// rel is the path inside the module ("" for packages outside it).
func rel(path string) string {
	if path == module {
		return "."
	}
	if r, ok := strings.CutPrefix(path, module+"/"); ok {
		return r
	}
	return ""
}

func top(r string) string { return strings.SplitN(r, "/", 2)[0] }

func TestImportLayers(t *testing.T) {
	for _, p := range goList(t) {
		from := rel(p.ImportPath)
		for _, imp := range p.Imports {
			to := rel(imp)
			if to == "" {
				continue
			}
			if msg := layerError(from, to); msg != "" {
				t.Errorf("%s imports %s: %s", from, to, msg)
			}
		}
		for _, dep := range p.Deps {
			if msg := terminalError(from, dep); msg != "" {
				t.Errorf("%s depends on %s: %s", from, dep, msg)
			}
		}
	}
}

func layerError(from, to string) string {
	switch top(from) {
	case "model":
		if top(to) != "model" {
			return "model imports nothing outside model"
		}
		rf, okf := modelRank[from]
		rt, okt := modelRank[to]
		if !okf || !okt {
			return "a model package missing from modelRank in layers_test.go: give it its place"
		}
		if rt >= rf {
			return "inside model imports go down: stats, plan < model < filter < query < money < insight, mask, demo"
		}
	case "loaders":
		if top(to) != "model" && top(to) != "loaders" {
			return "loaders imports only model"
		}
	case "tui":
		if top(to) == "loaders" || top(to) == "cmd" {
			return "the flow is loaders → model → tui → cmd: tui imports neither loaders nor cmd"
		}
		return tuiError(from, to)
	}
	return ""
}

// tuiError is the layering inside tui.
func tuiError(from, to string) string {
	isView := func(p string) bool { return strings.HasPrefix(p, "tui/views/") }
	switch {
	case top(to) != "tui":
		return ""
	case to == "tui/views/viewtest":
		return "viewtest is the views' test kit: only tests import it"
	case from == "tui/format" || from == "tui/tabular":
		if to != "tui/format" {
			return "format and tabular are leaves of tui (tabular may use format)"
		}
	case strings.HasPrefix(from, "tui/report"):
		if to != "tui/format" && to != "tui/tabular" {
			return "the report is the text face of tui: it imports format and tabular, none of the explorer"
		}
	case from == "tui/widgets":
		if to != "tui/format" && to != "tui/tabular" {
			return "widgets import format and tabular only (no views, theme or report)"
		}
	case from == "tui/views" && (isView(to) || to == "tui"):
		return "the views contract imports no view and not the root"
	case isView(from) && from != "tui/views/viewtest" && (isView(to) || to == "tui"):
		return "a view imports no other view package: it drills into one through the contract (views.DrillMsg)"
	}
	return ""
}

func terminalError(from, dep string) string {
	charm := strings.HasPrefix(dep, charmLand) || strings.HasPrefix(dep, "github.com/charmbracelet/")
	switch {
	case (top(from) == "model" || top(from) == "loaders") && charm:
		return "model and loaders know nothing of terminals"
	case (from == "tui/report" || from == "tui/format" || from == "tui/tabular") &&
		(strings.HasPrefix(dep, charmLand+"bubbletea") || strings.HasPrefix(dep, charmLand+"bubbles") || strings.HasPrefix(dep, charmLand+"lipgloss")):
		return "the headless report and the formatting it shares import no Bubble Tea, Bubbles or Lip Gloss"
	}
	return ""
}

func TestLayerRulesBite(t *testing.T) {
	for _, c := range [][2]string{
		{"model", "model/query"}, {"model/query/filter", "model/query"}, {"model/stats", "model"},
		{"model/plan", "model"}, {"model/query", "model/insight"}, {"model/money", "model/insight"}, {"model", "tui/widgets"},
		{"loaders", "tui"}, {"tui/views", "loaders"}, {"model/new", "model"},
		{"tui/report", "tui/widgets"}, {"tui/report", "tui/views"}, {"tui/format", "tui/widgets"},
		{"tui/views/overview", "tui/views/records"}, {"tui/views/stage", "tui"}, {"tui/widgets", "tui/views"},
		{"tui/views/sticky", "tui/views/viewtest"}, {"tui/views", "tui/views/money"},
	} {
		if layerError(c[0], c[1]) == "" {
			t.Errorf("%s importing %s should be refused", c[0], c[1])
		}
	}
	for _, c := range [][2]string{{"model/query", "model"}, {"model/insight", "model/query"}, {"model/plan", "model/stats"}, {"model/insight", "model/money"}, {"tui", "model/query"},
		{"tui/report", "tui/tabular"}, {"tui/tabular", "tui/format"}, {"tui/views/overview", "tui/views"}, {"tui/views/money", "tui/widgets"},
		{"tui", "tui/views/records"}, {"tui/views/viewtest", "tui/report"}} {
		if msg := layerError(c[0], c[1]); msg != "" {
			t.Errorf("%s importing %s refused: %s", c[0], c[1], msg)
		}
	}
	if terminalError("model/query", charmLand+"lipgloss/v2") == "" || terminalError("tui/report", charmLand+"bubbletea/v2") == "" ||
		terminalError("tui/format", charmLand+"lipgloss/v2") == "" {
		t.Error("terminal imports not refused")
	}
}

// TestNoPackageStateInModel: caches live in a query.Engine, never in a
// package variable; package variables in model are read-only tables.
func TestNoPackageStateInModel(t *testing.T) {
	for _, p := range goList(t) {
		if top(rel(p.ImportPath)) != "model" {
			continue
		}
		fset := token.NewFileSet()
		var files []*ast.File
		vars := map[string]bool{}
		specs := map[any]bool{} // the package-level declarations
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
			for _, d := range f.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok || g.Tok != token.VAR {
					continue
				}
				for _, s := range g.Specs {
					vs := s.(*ast.ValueSpec)
					specs[vs] = true
					if vs.Type != nil && mentionsSync(vs.Type) {
						t.Errorf("%s: package variable %s holds a sync type (state belongs to an Engine)", fset.Position(vs.Pos()), vs.Names[0])
					}
					for _, n := range vs.Names {
						vars[n.Name] = true
					}
				}
			}
		}
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				fn, ok := n.(*ast.FuncDecl)
				if !ok || fn.Body == nil {
					return true
				}
				ast.Inspect(fn.Body, func(n ast.Node) bool {
					var lhs []ast.Expr
					switch s := n.(type) {
					case *ast.AssignStmt:
						lhs = s.Lhs
					case *ast.IncDecStmt:
						lhs = []ast.Expr{s.X}
					case *ast.CallExpr: // x.Lock(), x.Store(…) on a package variable
						if sel, ok := s.Fun.(*ast.SelectorExpr); ok {
							lhs = []ast.Expr{sel.X}
						}
					}
					for _, e := range lhs {
						// Obj is nil for a package variable of another file, the
						// declaration for one of this file or a local.
						if id := rootIdent(e); id != nil && vars[id.Name] && (id.Obj == nil || specs[id.Obj.Decl]) {
							t.Errorf("%s: %s changes package variable %s", fset.Position(id.Pos()), fn.Name.Name, id.Name)
						}
					}
					return true
				})
				return false
			})
		}
	}
}

func mentionsSync(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "sync" {
				found = true
			}
		}
		return !found
	})
	return found
}

// rootIdent is the variable an expression such as a, a.b, a[i].c starts from.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// charmLand is the Charm v2 module prefix (kept out of import-like string
// literals so that a grep for terminal imports in model/ finds none here).
const charmLand = "charm.land/"
