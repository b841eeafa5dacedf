package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/tui/format"
)

// The status line says what the numbers on screen are of. The state the
// user set (the filter, the as-of date, the mask, the mouse) always shows,
// whatever the width: the filter is cut before it is left out. What the
// data is (files, rows, the loader's summary) takes the room left, most
// useful first, in shorter forms when the window is narrow.

// statusSep separates the status line's parts.
const statusSep = " · "

func (a *App) statusLine() string {
	return a.styles.Status.Render(format.PadRight(a.statusText(a.width), a.width))
}

// statusText is the status line's text in width cells.
func (a *App) statusText(width int) string {
	room := width - 1 // a leading space
	must := []string{"as of " + asOfLabel(a.state.AsOf)}
	switch {
	case a.state.Masked:
		must = append(must, "MASKED")
	case a.maskPending():
		must = append(must, "masking…")
	}
	if a.mouse {
		must = append(must, "mouse on")
	} else {
		must = append(must, "mouse off")
	}
	if a.dimsNote != "" {
		must = append(must, a.dimsNote) // the dimension columns are being read (dims.go)
	}
	if a.common.Data().Load.Unsure {
		must = append(must, "guessed (C to check)") // the columns were read on a guess
	}
	fixed := ansi.StringWidth(strings.Join(must, statusSep))
	if f := a.state.Filter; f != "" {
		// the filter comes first; it is cut to what the rest leaves
		where := "where " + format.Clean(f)
		keep := max(len("where x…"), room-fixed-len(statusSep))
		must = append([]string{format.Truncate(where, keep)}, must...)
	}
	s := strings.Join(must, statusSep)
	extras := a.statusExtras()
	for i, alts := range extras {
		left := room - ansi.StringWidth(s) - len(statusSep)
		if i == len(extras)-1 && left >= 16 {
			alts = append(alts, format.Truncate(alts[len(alts)-1], left)) // the last part may be cut
		}
		for _, alt := range alts {
			if ansi.StringWidth(alt) <= left {
				s += statusSep + alt
				break
			}
		}
	}
	return format.Truncate(" "+s, width)
}

// statusExtras are the optional parts in the order they are given room,
// each with its forms from the longest; a part none of whose forms fits
// is left for the next.
func (a *App) statusExtras() [][]string {
	ld := a.common.Data().Load
	files := format.Clean(strings.Join(ld.Files, ", "))
	rows := format.Count(ld.Read) + " rows read · " + format.Count(ld.Used) + " used · " + format.Count(ld.Skipped) + " skipped"
	short := format.Count(ld.Used) + " rows"
	if ld.Skipped > 0 {
		short += " (" + format.Count(ld.Skipped) + " skipped)"
	}
	out := [][]string{
		{"by " + a.state.Period},
		{files, format.Truncate(files, 24), format.Truncate(files, 12)},
		{rows, short},
	}
	if ld.Summary != "" {
		// What the loader made of the columns (l lists every decision, C
		// shows and changes them).
		sum := "columns (C): " + format.Clean(ld.Summary)
		if ld.Unsure {
			sum = format.Clean(ld.Summary)
		}
		out = append(out, []string{sum})
	}
	return out
}
