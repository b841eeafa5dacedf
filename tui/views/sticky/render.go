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

// footHeight is the number of lines the footer takes at the current width
// (before the data is in, the most it can take without notes).
func (s *Model) footHeight() int {
	if s.data == nil {
		return 2 + len(format.Wrap(methods, s.width))
	}
	return len(s.footer(s.data))
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
	for _, l := range format.Wrap(methods, s.width) {
		out = append(out, st.Muted.Render(l))
	}
	if len(notes) > 0 {
		for _, l := range format.Wrap(format.Clean(strings.Join(notes, " · ")), s.width) {
			out = append(out, st.Warn.Render(l))
		}
	}
	return out
}
