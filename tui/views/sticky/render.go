package sticky

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
)

// headLines is the number of lines above the first finding.
const headLines = 3

// methods says how the findings were tested; it wraps rather than being cut.
const methods = "Benjamini–Hochberg across all comparisons; each step's window ends at its p90 time to move on (younger records left out); a nested slice (campaign in channel) is compared within its parent"

// minRows is the fewest findings the footer's wrapping may leave on screen.
const minRows = 5

// layout sets the findings list's height over the footer: its notes wrap
// when that leaves minRows findings (or all of them), else they are cut.
func (s *Model) layout() {
	s.wrap = true
	if s.data == nil {
		s.list.SetHeight(s.height - headLines - 2 - len(format.Wrap(methods, s.width)))
		return
	}
	if h := s.height - headLines - len(s.footer(s.data)); h >= min(len(s.data.findings), minRows) {
		s.list.SetHeight(h)
		return
	}
	s.wrap = false
	s.list.SetHeight(s.height - headLines - len(s.footer(s.data)))
}

// lines is a footer note wrapped, or cut when the window is too short.
func (s *Model) lines(text string) []string {
	if s.wrap {
		return format.Wrap(text, s.width)
	}
	return []string{format.Truncate(text, s.width)}
}

func (s *Model) View() string {
	st := s.common.Styles
	if s.data == nil {
		return st.Muted.Render(format.Truncate("computing sticky points…", s.width))
	}
	d := s.data
	if d.err != nil {
		return views.Fit(s.common, []string{st.Error.Render(format.Truncate("Sticky points: "+format.Clean(d.err.Error()), s.width))}, s.width, s.height)
	}
	lines := []string{st.Emphasis.Render(format.Truncate(s.headline(d), s.width)),
		st.Muted.Render(format.Truncate(s.subline(d), s.width))}
	if len(d.findings) == 0 {
		lines = append(lines, "", st.Muted.Render(format.Truncate(
			"No slice converts worse than the rest beyond chance in this window.", s.width)))
		return views.Fit(s.common, append(lines, s.footer(d)...), s.width, s.height)
	}
	s.layTable(d)
	lo, hi := s.list.Window()
	lines = append(lines, s.table.Lines(lo, hi, s.list.Cursor())...)
	return views.Fit(s.common, append(lines, s.footer(d)...), s.width, s.height)
}

func (s *Model) headline(d *data) string {
	order := "lost conversions"
	if s.byValue {
		order = "lost value"
	}
	return fmt.Sprintf("%s of %s, by %s", format.Plural(len(d.findings), "sticky point", "sticky points"),
		format.Plural(d.res.Comparisons, "comparison", "comparisons"), order)
}

func (s *Model) subline(d *data) string {
	win := "all records (no dates)"
	if d.dated {
		win = "entered " + d.window.String()
		if a, b := model.MonthIndex(d.window.From), model.MonthIndex(d.window.To); a != b {
			win = "entered " + model.MonthLabel(a) + "…" + model.MonthLabel(b)
		}
	}
	line := fmt.Sprintf("%s · as of %s · min sample %d · FDR %.0f%%", win, d.res.AsOf, d.res.MinSample, d.res.FDR*100)
	if sc := views.ScopeNote(d.sel, d.filter); sc != "" {
		line += " · " + sc
	}
	return line
}

func (s *Model) footer(d *data) []string {
	st := s.common.Styles
	var notes []string
	if d.tooFew > 0 {
		notes = append(notes, fmt.Sprintf("%s too few to tell (under %d entering)", format.Plural(d.tooFew, "slice", "slices"), d.res.MinSample))
	}
	if d.better > 0 {
		notes = append(notes, fmt.Sprintf("%s better than the rest", format.Plural(d.better, "converts", "convert")))
	}
	if len(d.res.Proxies) > 0 {
		notes = append(notes, strings.Join(d.res.Proxies, ", ")+" left out ("+
			map[bool]string{true: "its", false: "their"}[len(d.res.Proxies) == 1]+" values restate the outcome)")
	}
	if d.res.NoValue != "" && s.common.Data().Amount != nil {
		notes = append(notes, d.res.NoValue)
	}
	for _, ti := range d.res.Transitions {
		if ti.Entered == 0 && d.dated {
			notes = append(notes, fmt.Sprintf("%s: none mature yet (%d-day maturity)", ti.Stage, ti.MaturityDays))
		}
	}
	hidden := ""
	if len(d.findings) > 0 {
		hidden = s.table.HiddenNote()
		if shown := views.Shown(s.list); shown != "" {
			hidden = strings.TrimSuffix("rows "+shown+" (↑/↓) · "+hidden, " · ")
		}
	}
	out := []string{st.Muted.Render(format.Truncate(hidden, s.width))}
	for _, l := range s.lines(methods) {
		out = append(out, st.Muted.Render(l))
	}
	if len(notes) > 0 {
		for _, l := range s.lines(format.Clean(strings.Join(notes, " · "))) {
			out = append(out, st.Warn.Render(l))
		}
	}
	return out
}
