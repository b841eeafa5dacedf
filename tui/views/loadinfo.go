package views

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// LoadInfoKeys scroll the load details.
type LoadInfoKeys struct{ Up, Down key.Binding }

// LoadInfo lists what the loader decided and every row it skipped, with
// file, line, column and reason: rows read = used + skipped, visibly.
type LoadInfo struct {
	common Common
	keys   LoadInfoKeys
	lines  []string
	offset int
	width  int
	height int
}

// NewLoadInfo builds the view from the dataset's load report.
func NewLoadInfo(c Common) *LoadInfo {
	ld := c.Data().Load
	lines := []string{fmt.Sprintf("Files: %s", widgets.Clean(strings.Join(ld.Files, ", "))),
		fmt.Sprintf("Rows read %s = used %s + skipped %s", widgets.Count(ld.Read), widgets.Count(ld.Used), widgets.Count(ld.Skipped))}
	if c.Data().DatesInferred {
		lines = append(lines, "Stage dates were inferred from each record's current stage, not read from the file.")
	}
	if !c.Data().HasDates {
		lines = append(lines, "The file has no stage dates: counts and breakdowns work; views over time stay empty.")
	}
	lines = append(lines, "", "Decisions:")
	if len(ld.Decisions) == 0 {
		lines = append(lines, "  none")
	}
	for _, d := range ld.Decisions {
		lines = append(lines, "  "+widgets.Clean(d))
	}
	lines = append(lines, "", fmt.Sprintf("Skipped rows (%d listed):", len(ld.Problems)))
	for _, p := range ld.Problems {
		lines = append(lines, "  "+widgets.Clean(p.String()))
	}
	if ld.Skipped > len(ld.Problems) {
		lines = append(lines, fmt.Sprintf("  … %d more skipped rows not listed", ld.Skipped-len(ld.Problems)))
	}
	return &LoadInfo{common: c, lines: lines, keys: LoadInfoKeys{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
	}}
}

func (l *LoadInfo) Init() tea.Cmd             { return nil }
func (l *LoadInfo) Title() string             { return "Load details" }
func (l *LoadInfo) SetSize(w, h int)          { l.width, l.height = w, h }
func (l *LoadInfo) ShortHelp() []key.Binding  { return []key.Binding{l.keys.Up, l.keys.Down} }
func (l *LoadInfo) FullHelp() [][]key.Binding { return [][]key.Binding{{l.keys.Up, l.keys.Down}} }

func (l *LoadInfo) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, l.keys.Up):
			l.offset = max(0, l.offset-1)
		case key.Matches(km, l.keys.Down):
			l.offset = max(0, min(l.offset+1, len(l.lines)-l.height))
		}
	}
	return nil
}

func (l *LoadInfo) View() string {
	end := min(len(l.lines), l.offset+max(0, l.height))
	out := make([]string, 0, end-l.offset)
	for _, s := range l.lines[l.offset:end] {
		out = append(out, widgets.Truncate(s, l.width))
	}
	return strings.Join(out, "\n")
}
