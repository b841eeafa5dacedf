package views

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// RecordsKeys are the records view's bindings.
type RecordsKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Find, NextMatch key.Binding
}

// DefaultRecordsKeys returns the records view's key map.
func DefaultRecordsKeys() RecordsKeys {
	return RecordsKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "page down")),
		Top:       key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first row")),
		Bottom:    key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last row")),
		Find:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "find text")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
	}
}

// Records lists the rows behind a number: scrollable and searchable.
type Records struct {
	common  Common
	keys    RecordsKeys
	title   string
	rows    []int32 // record indices into the dataset
	cursor  int
	offset  int
	width   int
	height  int
	finding bool
	query   string
	note    string
}

// NewRecords shows the given records of the dataset under a title that
// says what they are (e.g. "Stalled in SQL").
func NewRecords(c Common, title string, rows []int32) *Records {
	return &Records{common: c, keys: DefaultRecordsKeys(), title: title, rows: rows}
}

func (r *Records) Init() tea.Cmd    { return nil }
func (r *Records) Title() string    { return "Records: " + widgets.Clean(r.title) }
func (r *Records) SetSize(w, h int) { r.width, r.height = w, h; r.clamp() }

// Cursor is the selected row's position in the list.
func (r *Records) Cursor() int { return r.cursor }

func (r *Records) ShortHelp() []key.Binding {
	return []key.Binding{r.keys.Down, r.keys.PageDown, r.keys.Find}
}

func (r *Records) FullHelp() [][]key.Binding {
	k := r.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Find, k.NextMatch}}
}

func (r *Records) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if r.finding {
		switch km.String() {
		case "enter":
			r.finding = false
			r.findNext(r.cursor)
		case "esc":
			r.finding = false
		case "backspace":
			if n := len([]rune(r.query)); n > 0 {
				r.query = string([]rune(r.query)[:n-1])
			}
		default:
			if km.Text != "" {
				r.query += km.Text
			}
		}
		return nil
	}
	page := max(1, r.bodyHeight()-1)
	switch {
	case key.Matches(km, r.keys.Up):
		r.cursor--
	case key.Matches(km, r.keys.Down):
		r.cursor++
	case key.Matches(km, r.keys.PageUp):
		r.cursor -= page
	case key.Matches(km, r.keys.PageDown):
		r.cursor += page
	case key.Matches(km, r.keys.Top):
		r.cursor = 0
	case key.Matches(km, r.keys.Bottom):
		r.cursor = len(r.rows) - 1
	case key.Matches(km, r.keys.Find):
		r.finding, r.query, r.note = true, "", ""
	case key.Matches(km, r.keys.NextMatch):
		r.findNext(r.cursor + 1)
	}
	r.clamp()
	return nil
}

// Capturing reports whether the find prompt has the keyboard.
func (r *Records) Capturing() bool { return r.finding }

func (r *Records) findNext(from int) {
	q := strings.ToLower(r.query)
	if q == "" {
		return
	}
	for i := 0; i < len(r.rows); i++ {
		j := (from + i) % len(r.rows)
		if strings.Contains(strings.ToLower(r.line(int(r.rows[j]))), q) {
			r.cursor = j
			r.note = ""
			r.clamp()
			return
		}
	}
	r.note = fmt.Sprintf("no row contains %q", widgets.Clean(r.query))
}

func (r *Records) bodyHeight() int { return max(1, r.height-3) }

func (r *Records) clamp() {
	r.cursor = min(max(r.cursor, 0), max(0, len(r.rows)-1))
	h := r.bodyHeight()
	if r.cursor < r.offset {
		r.offset = r.cursor
	}
	if r.cursor >= r.offset+h {
		r.offset = r.cursor - h + 1
	}
	r.offset = max(0, min(r.offset, len(r.rows)-h))
}

// line is one record as text: id, stage dates, exit, reason, dimensions.
func (r *Records) line(i int) string {
	ds := r.common.Data()
	var parts []string
	if ds.IDs.Len() > i {
		parts = append(parts, ds.IDs.At(i))
	}
	deep := ds.Deepest(i)
	stage := "—"
	if deep >= 0 {
		stage = ds.Stages[deep]
	}
	parts = append(parts, model.DayString(ds.Days[0][i]), stage, ds.Exit[i].String())
	if ds.Reason != nil && ds.Reason.Codes.At(i) != 0 {
		parts = append(parts, ds.Reason.Value(i))
	}
	for _, d := range ds.Dims {
		if v := d.Value(i); v != "" {
			parts = append(parts, v)
		}
	}
	if ds.Amount != nil && ds.Amount[i] != 0 {
		parts = append(parts, fmt.Sprintf("%s %s", widgets.Count(int(ds.Amount[i]/100)), ds.Currency))
	}
	return strings.Join(parts, " · ")
}

func (r *Records) View() string {
	st := r.common.Styles
	head := fmt.Sprintf("%s records · id · entered · deepest stage · exit · reason · dimensions · amount", widgets.Count(len(r.rows)))
	lines := []string{st.Muted.Render(widgets.Truncate(head, r.width))}
	if len(r.rows) == 0 {
		lines = append(lines, "", st.Muted.Render("No records."))
		return strings.Join(lines, "\n")
	}
	end := min(len(r.rows), r.offset+r.bodyHeight())
	for p := r.offset; p < end; p++ {
		text := widgets.Fit(r.line(int(r.rows[p])), max(0, r.width-2))
		if p == r.cursor {
			lines = append(lines, st.Selected.Render("▸ "+text))
			continue
		}
		lines = append(lines, "  "+text)
	}
	foot := fmt.Sprintf("row %s of %s", widgets.Count(r.cursor+1), widgets.Count(len(r.rows)))
	switch {
	case r.finding:
		foot = "find: " + widgets.Clean(r.query) + "▏ (enter to search, esc to stop)"
	case r.note != "":
		foot = r.note
	}
	lines = append(lines, st.Muted.Render(widgets.Truncate(foot, r.width)))
	return strings.Join(lines, "\n")
}
