package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/theme"
)

// helpDescMax is the widest a description gets before more columns are
// tried; narrower windows page the list instead of cutting descriptions
// to a few letters.
const helpDescMax = 44

// renderFullHelp lays every enabled binding out as "key  description" in as
// many columns as the width allows with readable descriptions, filling
// down first; it returns every line (the caller pages them).
func renderFullHelp(groups [][]key.Binding, width int, st *theme.Styles) []string {
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
	if len(items) == 0 {
		return nil
	}
	colW := keyW + 2 + min(descW, helpDescMax) + 3
	cols := max(1, min(width/max(colW, 1), len(items)))
	if cols == 1 {
		colW = width
	}
	rows := (len(items) + cols - 1) / cols
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
	return lines
}

// helpKey scrolls the full help (j/k, pgdn/pgup, g) or closes it (any
// other key; ctrl+c quits).
func (a *App) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	page := max(1, a.height-chromeHeight-3)
	switch msg.String() {
	case "ctrl+c":
		return tea.Quit
	case "j", "down":
		a.helpOffset++
	case "k", "up":
		a.helpOffset--
	case "pgdown", "space", "ctrl+d":
		a.helpOffset += page
	case "pgup", "ctrl+u":
		a.helpOffset -= page
	case "g", "home":
		a.helpOffset = 0
	default:
		a.mode, a.helpOffset = modeNormal, 0
	}
	a.helpOffset = max(0, a.helpOffset)
	return nil
}

// fullHelp is the page of every key of the view, scrolled to helpOffset.
func (a *App) fullHelp(hk helpKeys) string {
	lines := renderFullHelp(hk.FullHelp(), a.width, a.styles)
	h := max(1, a.height-chromeHeight-2) // the title and a blank line
	a.helpOffset = min(a.helpOffset, max(0, len(lines)-h))
	end := min(len(lines), a.helpOffset+h)
	shown := lines[a.helpOffset:end]
	if more := len(lines) - end; more > 0 {
		shown = append(shown[:len(shown)-1:len(shown)-1], a.styles.Muted.Render(format.Truncate(
			fmt.Sprintf("↓ %s (j, pgdn)", format.Plural(more+1, "more key line", "more key lines")), a.width)))
	}
	title := a.styles.Title.Render("Keys: " + a.Top().Title())
	return title + "\n\n" + strings.Join(shown, "\n")
}
