package views

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// CohortKeys are the cohort matrix's bindings.
type CohortKeys struct {
	Up, Down, PageUp, PageDown key.Binding
}

// DefaultCohortKeys returns the cohort matrix's key map.
func DefaultCohortKeys() CohortKeys {
	return CohortKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
	}
}

// Cohorts is the entry period × stage matrix of conversion from the top;
// an immature cell shows its estimated eventual conversion beside the
// observed one ("2.1→3.4%"), and a column the estimate for the target.
type Cohorts struct {
	common Common
	keys   CohortKeys
	state  State
	width  int
	height int
	cursor int
	offset int
	gen    int
	res    *query.CohortResult
	err    error
}

// NewCohorts builds the cohort matrix for the state (computed by Init).
func NewCohorts(c Common, st State) *Cohorts {
	return &Cohorts{common: c, keys: DefaultCohortKeys(), state: st}
}

type cohortsMsg struct {
	gen int
	res *query.CohortResult
	err error
}

func (v *Cohorts) Init() tea.Cmd    { return v.recompute() }
func (v *Cohorts) Title() string    { return "Cohorts" }
func (v *Cohorts) SetSize(w, h int) { v.width, v.height = w, h; v.clamp() }

// Result is the cohort table shown (nil while computing).
func (v *Cohorts) Result() *query.CohortResult { return v.res }

func (v *Cohorts) ShortHelp() []key.Binding { return []key.Binding{v.keys.Up, v.keys.Down} }
func (v *Cohorts) FullHelp() [][]key.Binding {
	return [][]key.Binding{{v.keys.Up, v.keys.Down, v.keys.PageUp, v.keys.PageDown}}
}

func (v *Cohorts) recompute() tea.Cmd {
	v.gen++
	v.res, v.err = nil, nil
	eng, st, gen := v.common.Engine, v.state, v.gen
	return func() tea.Msg {
		q, err := engineQuery(eng.Data(), st)
		if err != nil {
			return cohortsMsg{gen: gen, err: err}
		}
		r, err := eng.Cohorts(query.CohortQuery{Query: q})
		return cohortsMsg{gen: gen, res: r, err: err}
	}
}

func (v *Cohorts) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case cohortsMsg:
		if msg.gen == v.gen {
			v.res, v.err = msg.res, msg.err
			if v.res != nil {
				v.cursor = len(v.res.Cohorts) - 1 // the newest cohort
			}
			v.clamp()
		}
		return nil
	case StateMsg:
		v.state = msg.State
		return v.recompute()
	case tea.KeyPressMsg:
		page := max(1, v.bodyHeight()-1)
		switch {
		case key.Matches(msg, v.keys.Up):
			v.cursor--
		case key.Matches(msg, v.keys.Down):
			v.cursor++
		case key.Matches(msg, v.keys.PageUp):
			v.cursor -= page
		case key.Matches(msg, v.keys.PageDown):
			v.cursor += page
		}
		v.clamp()
	}
	return nil
}

func (v *Cohorts) rowsLen() int {
	if v.res == nil {
		return 0
	}
	return len(v.res.Cohorts)
}

func (v *Cohorts) bodyHeight() int { return max(1, v.height-5) }

func (v *Cohorts) clamp() {
	n := v.rowsLen()
	v.cursor = min(max(v.cursor, 0), max(0, n-1))
	h := v.bodyHeight()
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+h {
		v.offset = v.cursor - h + 1
	}
	v.offset = max(0, min(v.offset, n-h))
}

func (v *Cohorts) View() string {
	st := v.common.Styles
	switch {
	case v.err != nil:
		return st.Error.Render(widgets.Truncate(widgets.Clean(v.err.Error()), v.width))
	case v.res == nil:
		return st.Muted.Render(widgets.Truncate("Computing cohorts…", v.width))
	}
	r := v.res
	target := widgets.Clean(r.Target)
	caption := fmt.Sprintf("Entry cohorts by %s · %% of each cohort that reached the stage by %s", r.Period, r.AsOf)
	if v.state.Filter != "" {
		caption += " · where " + widgets.Clean(v.state.Filter)
	}
	lines := []string{st.Muted.Render(widgets.Truncate(caption, v.width))}
	const perW, sizeW, estW = 10, 8, 15
	cellW := 7
	for _, c := range r.Cohorts {
		for _, im := range c.ImmatureStages {
			if im { // "observed→estimate"
				cellW = 10
			}
		}
	}
	stageCols := len(r.Stages) - 1 // the top stage is ~100% by construction
	for stageCols > 0 && 2+perW+1+sizeW+stageCols*(cellW+1)+1+estW > v.width {
		stageCols--
	}
	head := "  " + widgets.PadRight(titleCase(r.Period), perW) + " " + widgets.PadLeft("Entered", sizeW)
	for s := 1; s <= stageCols; s++ {
		head += " " + widgets.PadLeft(widgets.Truncate(widgets.Clean(r.Stages[s]), cellW), cellW)
	}
	head += " " + widgets.PadLeft(widgets.Truncate(target+" est.", estW), estW)
	lines = append(lines, st.Header.Render(widgets.Truncate(head, v.width)))
	end := min(len(r.Cohorts), v.offset+v.bodyHeight())
	for i := v.offset; i < end; i++ {
		c := r.Cohorts[i]
		label := c.Period
		if label == "" {
			label = c.Key
		}
		plain := widgets.Fit(label, perW) + " " + widgets.PadLeft(widgets.Count(c.Size), sizeW)
		styled := st.Cell.Render(plain)
		for s := 1; s <= stageCols; s++ {
			cell := widgets.PadLeft(widgets.Percent(c.Conversion[s]), cellW)
			if c.ImmatureStages[s] {
				cell = widgets.PadLeft(estPair(c.Conversion[s], c.EstimatedConversion[s]), cellW)
			}
			plain += " " + cell
			if c.ImmatureStages[s] {
				styled += " " + st.Warn.Render(cell)
			} else {
				styled += " " + st.Cell.Render(cell)
			}
		}
		est := widgets.PadLeft(widgets.Percent(c.Estimated), estW)
		if !c.Immature {
			est = widgets.PadLeft("—", estW)
		}
		if c.Few {
			est = widgets.PadLeft("too few", estW)
		}
		plain += " " + est
		styled += " " + st.Emphasis.Render(est)
		if i == v.cursor {
			lines = append(lines, st.Selected.Render(widgets.PadRight(widgets.Truncate("▸ "+plain, v.width), v.width)))
			continue
		}
		lines = append(lines, widgets.Truncate("  "+styled, v.width))
	}
	lines = append(lines, v.legend()...)
	return strings.Join(lines, "\n")
}

// legend explains the ~ and the estimate, and describes the selected cohort.
func (v *Cohorts) legend() []string {
	st := v.common.Styles
	r := v.res
	target := widgets.Clean(r.Target)
	legend := fmt.Sprintf("a→b immature cell: observed so far → estimated eventually (p90 from entry: %s to %s; exits compete, open records censored)",
		days(r.MatureAfterDays), target)
	out := []string{st.Warn.Render(widgets.Truncate(legend, v.width))}
	if v.cursor < len(r.Cohorts) {
		c := r.Cohorts[v.cursor]
		out = append(out, st.Muted.Render(widgets.Truncate(fmt.Sprintf("%s: %s entered, %s reached %s (%s), %s still open, youngest %d d old",
			widgets.Clean(c.Period+c.Key), widgets.Count(c.Size), widgets.Count(c.Converted), target, widgets.Percent(c.Observed),
			widgets.Count(c.Open), c.AgeDays), v.width)))
	}
	return out
}

// estPair is an immature cell: observed so far → estimated eventually,
// "2.1→3.4%", "27.6→28.3%" (whole percents from 10% when they differ).
func estPair(obs, est float64) string {
	whole := fmt.Sprintf("%.0f", obs*100) != fmt.Sprintf("%.0f", est*100)
	f := func(v float64) string {
		if v*100 < 9.95 || !whole {
			return fmt.Sprintf("%.1f", v*100)
		}
		return fmt.Sprintf("%.0f", v*100)
	}
	return f(obs) + "→" + f(est) + "%"
}
