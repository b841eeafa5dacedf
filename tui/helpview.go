package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/theme"
)

// renderFullHelp lays every enabled binding out as "key  description" in as
// many columns as the width allows, filling down first, so nothing is cut.
func renderFullHelp(groups [][]key.Binding, width, height int, st *theme.Styles) string {
	type item struct{ k, d string }
	var items []item
	seen := map[string]bool{}
	keyW, descW := 0, 0
	for _, g := range groups {
		for _, b := range g {
			h := b.Help()
			if !b.Enabled() || h.Key == "" || seen[h.Key+h.Desc] {
				continue
			}
			seen[h.Key+h.Desc] = true
			items = append(items, item{h.Key, h.Desc})
			keyW = max(keyW, ansi.StringWidth(h.Key))
			descW = max(descW, ansi.StringWidth(h.Desc))
		}
	}
	if len(items) == 0 || height <= 0 {
		return ""
	}
	colW := keyW + 2 + descW + 3
	cols := max(1, min(width/max(colW, 1), len(items)))
	rows := (len(items) + cols - 1) / cols
	if rows > height { // squeeze: more columns, descriptions truncated
		rows = height
		cols = (len(items) + rows - 1) / rows
		colW = max(keyW+4, width/cols)
	}
	lines := make([]string, rows)
	for i, it := range items {
		r, c := i%rows, i/rows
		if c >= cols {
			break
		}
		cell := st.HelpKey.Render(format.PadRight(it.k, keyW)) + "  " +
			st.HelpDesc.Render(format.Truncate(it.d, max(0, colW-keyW-5)))
		lines[r] += format.PadRight(cell, colW)
	}
	for i := range lines {
		lines[i] = format.Truncate(strings.TrimRight(lines[i], " "), width)
	}
	return strings.Join(lines, "\n")
}
