package views

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// OverviewKeys are the overview's own bindings.
type OverviewKeys struct {
	Up, Down, Top, Bottom, Records, Detail, Load key.Binding
	Money                                        key.Binding
}

// DefaultOverviewKeys returns the overview's key map.
func DefaultOverviewKeys() OverviewKeys {
	return OverviewKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous stage")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next stage")),
		Top:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first stage")),
		Bottom:  key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last stage")),
		Records: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "records at this stage")),
		Load:    key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "load details: decisions, skipped rows")),
		Detail:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "stage detail")),
		Money:   key.NewBinding(key.WithKeys("$"), key.WithHelp("$", "money columns on/off")),
	}
}

// Overview is the first screen: every stage with its count, step and
// cumulative conversion, a bar and a sparkline of monthly entries.
type Overview struct {
	common   Common
	keys     OverviewKeys
	funnel   query.Funnel
	cursor   int
	width    int
	height   int
	state    State
	gen      int
	insights *overviewInsights // nil until computed
	// showMoney adds the money columns (`$`); money is computed on first use.
	showMoney bool
	money     *stageMoney
}

// NewOverview computes the funnel of the dataset and builds the view.
func NewOverview(c Common) *Overview {
	return &Overview{
		common: c,
		keys:   DefaultOverviewKeys(),
		funnel: c.Engine.Funnel(query.FunnelOptions{AsOf: model.NoDay, Months: 12}),
		state:  DefaultState(),
	}
}

func (o *Overview) Init() tea.Cmd { return computeInsights(o.common.Engine, o.state, o.gen) }
func (o *Overview) Title() string { return "Overview" }

// Selected is the index of the selected stage.
func (o *Overview) Selected() int { return o.cursor }

// Funnel is the funnel the view shows.
func (o *Overview) Funnel() query.Funnel { return o.funnel }

func (o *Overview) SetSize(w, h int) { o.width, o.height = w, h }

func (o *Overview) Update(msg tea.Msg) tea.Cmd {
	last := len(o.funnel.Stages) - 1
	switch msg := msg.(type) {
	case overviewInsightsMsg:
		if msg.gen == o.gen {
			o.insights = &msg.res
		}
		return nil
	case StateMsg:
		o.state = msg.State
		o.gen++
		o.insights, o.money = nil, nil
		cmds := []tea.Cmd{o.funnelCmd(), computeInsights(o.common.Engine, o.state, o.gen)}
		if o.showMoney {
			cmds = append(cmds, o.moneyCmd())
		}
		return tea.Batch(cmds...)
	case overviewMoneyMsg:
		if msg.gen == o.gen {
			o.money = &msg.money
		}
		return nil
	case overviewFunnelMsg:
		if msg.gen == o.gen {
			o.funnel = msg.funnel
		}
		return nil
	case SelectStageMsg:
		o.cursor = min(max(0, msg.Stage), last)
		return nil
	case tea.MouseClickMsg:
		// rows: caption, header, then one line per stage
		if k := msg.Y - 2; k >= 0 && k <= last {
			o.cursor = k
		}
		return nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(km, o.keys.Up):
		o.cursor = max(0, o.cursor-1)
	case key.Matches(km, o.keys.Down):
		o.cursor = min(last, o.cursor+1)
	case key.Matches(km, o.keys.Top):
		o.cursor = 0
	case key.Matches(km, o.keys.Bottom):
		o.cursor = last
	case key.Matches(km, o.keys.Money):
		o.showMoney = !o.showMoney
		if o.showMoney && o.money == nil {
			return o.moneyCmd()
		}
	case key.Matches(km, o.keys.Load):
		return Push(NewLoadInfo(o.common))
	case key.Matches(km, o.keys.Records):
		return o.recordsCmd(o.cursor)
	case key.Matches(km, o.keys.Detail) && last >= 0:
		return Push(NewStageDetail(o.common, o.state, o.cursor))
	}
	return nil
}

func (o *Overview) ShortHelp() []key.Binding {
	return []key.Binding{o.keys.Up, o.keys.Down, o.keys.Detail, o.keys.Records}
}

// recordsCmd opens the records at stage k or past it, among those the
// filter selects as of the state's date. Selecting is a pass over every
// row (cached once the insights have run), so it runs in a Cmd.
func (o *Overview) recordsCmd(k int) tea.Cmd {
	c, st := o.common, o.state
	return func() tea.Msg {
		sel, err := stateSelection(c.Engine, st)
		if err != nil {
			return nil
		}
		title := "reached " + c.Data().Stages[k]
		if st.Filter != "" {
			title += " where " + st.Filter
		}
		return PushMsg{View: NewRecords(c, title, sel.OriginalRows(reachedRows(sel.Data, k)))}
	}
}

// reachedRows lists the records of ds at stage k or past it.
func reachedRows(ds *model.Dataset, k int) []int32 {
	var rows []int32
	for i := range ds.Reached {
		if ds.Deepest(i) >= k {
			rows = append(rows, int32(i))
		}
	}
	return rows
}

func (o *Overview) FullHelp() [][]key.Binding {
	return [][]key.Binding{{o.keys.Up, o.keys.Down, o.keys.Top, o.keys.Bottom}, {o.keys.Detail, o.keys.Records, o.keys.Money, o.keys.Load}}
}

func (o *Overview) View() string {
	extras := o.deltaColumn()
	var notes []string
	if o.showMoney {
		cols, note := o.moneyColumns()
		extras = append(extras, cols...)
		notes = append(notes, note)
	}
	body := RenderOverview(o.common, o.funnel, o.cursor, o.width, 0, extras...)
	lines := append(strings.Split(body, "\n"), o.loadWarnings()...)
	for _, n := range notes {
		for _, l := range wrap(n, o.width) {
			lines = append(lines, o.common.Styles.Muted.Render(l))
		}
	}
	lines = append(lines, o.insightLines(o.width)...)
	if o.height > 0 && len(lines) > o.height {
		lines = lines[:o.height]
	}
	return strings.Join(lines, "\n")
}

// RenderOverview draws the stage table with any extra columns; cursor < 0
// selects nothing.
func RenderOverview(c Common, f query.Funnel, cursor, width, height int, extras ...ExtraColumn) string {
	st := c.Styles
	var lines []string
	top := 0
	if len(f.Stages) > 0 {
		top = f.Stages[0].Reached
	}
	caption := fmt.Sprintf("%s records · Reached: at or past the stage · Step: of the stage before · Total: of %s",
		widgets.Count(f.Records), stageNameOr(f, 0))
	lines = append(lines, st.Muted.Render(widgets.Truncate(caption, width)))

	nameW := 5
	for _, s := range f.Stages {
		nameW = max(nameW, min(18, lipgloss.Width(widgets.Clean(s.Name))))
	}
	const numW, rateW = 10, 7
	sparkW := len(f.Months)
	fixed := 2 + nameW + 1 + numW + 1 + rateW + 1 + rateW + 2
	for _, e := range extras {
		fixed += e.Width + 1
	}
	showSpark := sparkW > 0 && width >= fixed+10+2+sparkW
	barW := width - fixed
	if showSpark {
		barW -= sparkW + 2
	}
	barW = max(0, barW)

	head := "  " + widgets.PadRight("Stage", nameW) + " " + widgets.PadLeft("Reached", numW) + " " +
		widgets.PadLeft("Step", rateW) + " " + widgets.PadLeft("Total", rateW) + extraHeads(extras) + "  " + widgets.PadRight("", barW)
	if showSpark {
		head += "  " + sparkHeader(f, sparkW)
	}
	lines = append(lines, st.Header.Render(widgets.Truncate(head, width)))
	for k, s := range f.Stages {
		step := "—"
		if k > 0 {
			step = widgets.Percent(s.ConversionFromPrevious)
		}
		row := widgets.Fit(s.Name, nameW) + " " + widgets.PadLeft(widgets.Count(s.Reached), numW) + " " +
			widgets.PadLeft(step, rateW) + " " + widgets.PadLeft(widgets.Percent(s.ConversionFromTop), rateW)
		plainExtra, styledExtra := extraCells(extras, k)
		bar := widgets.Bar(stats.Ratio(s.Reached, top), barW)
		spark := ""
		if showSpark {
			spark = "  " + widgets.Sparkline(s.Monthly)
		}
		if k == cursor {
			lines = append(lines, st.Selected.Render(widgets.PadRight(widgets.Truncate("▸ "+row+plainExtra+"  "+bar+spark, width), width)))
			continue
		}
		lines = append(lines, widgets.Truncate("  "+st.Cell.Render(row)+styledExtra+"  "+st.Bar.Render(bar)+st.Spark.Render(spark), width))
	}
	if cursor >= 0 && cursor < len(f.Stages) {
		lines = append(lines, "", stageNote(c, f, cursor, width))
	}
	if len(f.Months) > 0 && showSpark {
		lines = append(lines, st.Muted.Render(widgets.Truncate(fmt.Sprintf(
			"Entries/month: %s to %s, one cell a month; the last month runs to %s",
			f.Months[0], f.Months[len(f.Months)-1], f.AsOf), width)))
	}
	for _, w := range f.Warnings {
		lines = append(lines, st.Warn.Render(widgets.Truncate("! "+widgets.Clean(w), width)))
	}
	if height > 0 && len(lines) > height {
		lines = lines[:height]
	}
	return strings.Join(lines, "\n")
}

func extraHeads(extras []ExtraColumn) string {
	var b strings.Builder
	for _, e := range extras {
		b.WriteString(" " + widgets.PadLeft(widgets.Truncate(e.Header, e.Width), e.Width))
	}
	return b.String()
}

// extraCells renders row k's extra cells, plain (for the selected row,
// styled as a whole) and styled.
func extraCells(extras []ExtraColumn, k int) (plain, styled string) {
	for _, e := range extras {
		text, style := e.Cell(k)
		cell := widgets.PadLeft(widgets.Truncate(text, e.Width), e.Width)
		plain += " " + cell
		styled += " " + style.Render(cell)
	}
	return plain, styled
}

func sparkHeader(f query.Funnel, w int) string {
	if len(f.Months) == 0 {
		return ""
	}
	return widgets.Truncate("Monthly", w)
}

func stageNameOr(f query.Funnel, k int) string {
	if k < len(f.Stages) {
		return widgets.Clean(f.Stages[k].Name)
	}
	return ""
}

// stageNote explains the selected stage in words, with its denominators.
func stageNote(c Common, f query.Funnel, k, width int) string {
	s := f.Stages[k]
	st := c.Styles
	var b strings.Builder
	b.WriteString(st.Emphasis.Render(widgets.Clean(s.Name)))
	fmt.Fprintf(&b, ": %s reached", widgets.Count(s.Reached))
	if k > 0 {
		prev := f.Stages[k-1]
		fmt.Fprintf(&b, " of %s at %s (%s)", widgets.Count(prev.Reached), widgets.Clean(prev.Name), widgets.Percent(s.ConversionFromPrevious))
	}
	if s.Implied > 0 {
		fmt.Fprintf(&b, "; %s implied by a later stage", widgets.Count(s.Implied))
	}
	if n := len(s.Monthly); n > 0 {
		fmt.Fprintf(&b, "; %s entered in %s (to %s)", widgets.Count(s.Monthly[n-1]), f.Months[n-1], f.AsOf)
	}
	return widgets.Truncate(b.String(), width)
}

// loadWarnings say, under the table, what the numbers rest on when the
// load was not clean: inferred or missing dates, skipped rows.
func (o *Overview) loadWarnings() []string {
	ds, st := o.common.Data(), o.common.Styles
	var out []string
	if ds.DatesInferred {
		out = append(out, st.Warn.Render(widgets.Truncate("! stage dates inferred from the current stage, not read (l: details)", o.width)))
	}
	if !ds.HasDates {
		out = append(out, st.Warn.Render(widgets.Truncate("! no stage dates in the data: views over time stay empty (l: details)", o.width)))
	}
	if n := ds.Load.Skipped; n > 0 {
		out = append(out, st.Warn.Render(widgets.Truncate(fmt.Sprintf("! %s of %s rows skipped (l lists them with line and reason)",
			widgets.Count(n), widgets.Count(ds.Load.Read)), o.width)))
	}
	return out
}
