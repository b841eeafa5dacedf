package views

import (
	"fmt"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// TrendKeys are the trends view's bindings.
type TrendKeys struct {
	PrevMetric, NextMetric, Period key.Binding
}

// DefaultTrendKeys returns the trends view's key map.
func DefaultTrendKeys() TrendKeys {
	return TrendKeys{
		PrevMetric: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous metric")),
		NextMetric: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next metric")),
		Period:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "week/month/quarter/year")),
	}
}

// trendMetric is one series: entries into a stage, or a step's conversion.
type trendMetric struct {
	stage int
	rate  bool // Stages[stage].Step (from the stage before), else Events
}

// Trends charts one metric over periods with a table of the latest periods
// and their change against the previous one.
type Trends struct {
	common  Common
	keys    TrendKeys
	state   State
	metrics []trendMetric
	metric  int
	width   int
	height  int
	gen     int
	res     *query.Result
	err     error
}

// NewTrends builds the trends view for the state (computed by Init).
func NewTrends(c Common, st State) *Trends {
	t := &Trends{common: c, keys: DefaultTrendKeys(), state: st}
	for k := range c.Data().Stages {
		t.metrics = append(t.metrics, trendMetric{stage: k})
	}
	for k := 1; k < len(c.Data().Stages); k++ {
		t.metrics = append(t.metrics, trendMetric{stage: k, rate: true})
	}
	return t
}

type trendsMsg struct {
	gen int
	res *query.Result
	err error
}

func (t *Trends) Init() tea.Cmd    { return t.recompute() }
func (t *Trends) Title() string    { return "Trends" }
func (t *Trends) SetSize(w, h int) { t.width, t.height = w, h }

// Metric names the metric shown.
func (t *Trends) Metric() string { return t.metricName(t.metrics[t.metric]) }

func (t *Trends) ShortHelp() []key.Binding {
	return []key.Binding{t.keys.NextMetric, t.keys.Period}
}

func (t *Trends) FullHelp() [][]key.Binding {
	return [][]key.Binding{{t.keys.PrevMetric, t.keys.NextMetric}, {t.keys.Period}}
}

func (t *Trends) recompute() tea.Cmd {
	t.gen++
	t.res, t.err = nil, nil
	eng, st, gen := t.common.Engine, t.state, t.gen
	return func() tea.Msg {
		q, err := engineQuery(eng.Data(), st)
		if err != nil {
			return trendsMsg{gen: gen, err: err}
		}
		r, err := eng.Compute(q)
		return trendsMsg{gen: gen, res: r, err: err}
	}
}

var periodCycle = []string{"week", "month", "quarter", "year"}

func (t *Trends) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case trendsMsg:
		if msg.gen == t.gen {
			t.res, t.err = msg.res, msg.err
		}
		return nil
	case StateMsg:
		t.state = msg.State
		return t.recompute()
	case tea.KeyPressMsg:
		n := len(t.metrics)
		switch {
		case key.Matches(msg, t.keys.NextMetric) && n > 0:
			t.metric = (t.metric + 1) % n
		case key.Matches(msg, t.keys.PrevMetric) && n > 0:
			t.metric = (t.metric - 1 + n) % n
		case key.Matches(msg, t.keys.Period):
			cur := statePeriod(t.state).String()
			for i, p := range periodCycle {
				if p == cur {
					return SetPeriod(periodCycle[(i+1)%len(periodCycle)])
				}
			}
			return SetPeriod("month")
		}
	}
	return nil
}

func (t *Trends) metricName(m trendMetric) string {
	st := t.common.Data().Stages
	if m.rate {
		return fmt.Sprintf("conversion %s → %s", widgets.Clean(st[m.stage-1]), widgets.Clean(st[m.stage]))
	}
	return "entries into " + widgets.Clean(st[m.stage])
}

// value is the metric in one period and its change against the previous.
func (t *Trends) value(m trendMetric, row query.PeriodRow) (float64, *query.Delta) {
	s := row.Stages[m.stage]
	if m.rate {
		var d *query.Delta
		if s.Change != nil {
			d = &s.Change.Step
		}
		if row.Stages[m.stage-1].Reached == 0 {
			return math.NaN(), d
		}
		return 100 * s.Step, d
	}
	var d *query.Delta
	if s.Change != nil {
		d = &s.Change.Events
	}
	return float64(s.Events), d
}

func (t *Trends) View() string {
	st := t.common.Styles
	switch {
	case t.err != nil:
		return st.Error.Render(widgets.Truncate(widgets.Clean(t.err.Error()), t.width))
	case t.res == nil:
		return st.Muted.Render(widgets.Truncate("Computing trends…", t.width))
	case len(t.res.Periods) == 0:
		return st.Muted.Render(widgets.Truncate("No dated records: trends need stage dates.", t.width))
	}
	r := t.res
	m := t.metrics[t.metric]
	change := r.Change
	if change == "" {
		change = "change"
	}
	head := fmt.Sprintf("%s by %s (%d of %d metrics, ←/→) · %s vs the %s before", t.metricName(m), r.Period,
		t.metric+1, len(t.metrics), change, r.Period)
	lines := []string{st.Title.Render(widgets.Truncate(head, t.width))}
	var vals []float64
	for _, row := range r.Whole.Trend {
		v, _ := t.value(m, row)
		vals = append(vals, v)
	}
	tableRows := min(len(r.Periods), max(3, (t.height-4)/3))
	chartH := max(0, t.height-tableRows-5)
	unit := "records reaching it with a date in the period"
	if m.rate {
		unit = "% of the period's entry cohort; young cohorts are still converting (see c)"
	}
	caption := fmt.Sprintf("%s to %s · %s", r.Periods[0].Label, r.Periods[len(r.Periods)-1].Label, unit)
	prec := uint(0)
	if m.rate {
		prec = 1
	}
	if c := widgets.Chart(vals, t.width, min(14, chartH), caption, prec); c != "" {
		lines = append(lines, st.Cell.Render(c))
	}
	lines = append(lines, t.table(m, tableRows, change)...)
	return strings.Join(lines, "\n")
}

// table lists the last n periods with the change against the one before.
func (t *Trends) table(m trendMetric, n int, change string) []string {
	st := t.common.Styles
	r := t.res
	head := "  " + widgets.PadRight(titleCase(r.Period), 10) + " " + widgets.PadLeft("Value", 10) + " " +
		widgets.PadLeft(change, 9) + " " + widgets.PadLeft(change+" %", 9)
	lines := []string{st.Header.Render(widgets.Truncate(head, t.width))}
	for i := len(r.Periods) - n; i < len(r.Periods); i++ {
		v, d := t.value(m, r.Whole.Trend[i])
		val, abs, rel := "—", "—", "—"
		if !math.IsNaN(v) {
			val = widgets.Count(int(v))
			if m.rate {
				val = fmt.Sprintf("%.1f%%", v)
			}
		}
		style := st.Cell
		if d != nil {
			if m.rate {
				abs = fmt.Sprintf("%+.1f pt", 100*d.Abs)
			} else {
				abs = fmt.Sprintf("%+.0f", d.Abs)
			}
			if d.Rel != nil {
				rel = fmt.Sprintf("%+.1f%%", 100**d.Rel)
			}
		}
		note := ""
		if r.Periods[i].Partial {
			note = " partial"
			style = st.Muted
		}
		row := widgets.Fit(r.Periods[i].Label, 10) + " " + widgets.PadLeft(val, 10) + " " + widgets.PadLeft(abs, 9) + " " + widgets.PadLeft(rel, 9)
		lines = append(lines, widgets.Truncate("  "+style.Render(row)+st.Warn.Render(note), t.width))
	}
	return lines
}

func titleCase(s string) string {
	if s == "" {
		return "Cohort"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
