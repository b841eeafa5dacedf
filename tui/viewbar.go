package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/theme"
)

// The view bar is the first line: every top view with its key, the one on
// screen marked and named by its title, with the views pushed on it
// ("[o Overview › Stage SQL]  b Breakdown  c Cohorts …"). When the width
// is short the other views are abbreviated, never dropped: their names
// shorten, then only their keys stay; the marked one is cut last.

// barItem is one top view on the bar: its key and its name at each level
// of abbreviation.
type barItem struct {
	key         string
	full, short string
}

func (a *App) barItems() []barItem {
	out := make([]barItem, len(a.tops))
	for i, tv := range a.tops {
		out[i] = barItem{key: tv.key.Help().Key, full: tv.label, short: tv.short}
	}
	return out
}

// viewBar renders the bar for the width.
func (a *App) viewBar() string {
	titles := make([]string, len(a.stack))
	for i, v := range a.stack {
		titles[i] = format.Clean(v.Title())
	}
	key := ""
	for _, tv := range a.tops {
		if tv.name == a.active {
			key = tv.key.Help().Key
		}
	}
	return renderViewBar(a.barItems(), key, strings.Join(titles, " › "), a.width, a.styles)
}

// barLevels are the ways the bar is written, widest first: brand and full
// names, full names, short names, keys only.
const (
	barFull = iota
	barNoBrand
	barShort
	barKeys
)

// renderViewBar lays the items out in width; the one whose key is active
// is drawn as "[key crumb]".
func renderViewBar(items []barItem, active, crumb string, width int, st *theme.Styles) string {
	for level := barFull; level <= barKeys; level++ {
		if s, ok := barAt(items, active, crumb, width, level, st, false); ok {
			return s
		}
	}
	s, _ := barAt(items, active, crumb, width, barKeys, st, true)
	return s
}

// barAt writes the bar at one level; it reports whether it fits (with cut
// set, the marked item's crumb is cut to make it fit).
func barAt(items []barItem, active, crumb string, width, level int, st *theme.Styles, cut bool) (string, bool) {
	sep := "  "
	if level >= barShort {
		sep = " "
	}
	var parts []string
	used := 0
	if level == barFull {
		parts = append(parts, st.Title.Render("funnel"))
		used += len("funnel")
	}
	activeAt := -1
	for _, it := range items {
		if it.key == active {
			activeAt = len(parts)
			parts = append(parts, "")
			continue
		}
		label := it.key
		switch level {
		case barFull, barNoBrand:
			label += " " + it.full
		case barShort:
			label += " " + it.short
		}
		parts = append(parts, st.Muted.Render(label))
		used += ansi.StringWidth(label)
	}
	used += len(sep) * max(0, len(parts)-1)
	if activeAt >= 0 {
		mark := active + " " + crumb
		room := width - used - 2 // the brackets
		if ansi.StringWidth(mark) > room {
			if !cut {
				return "", false
			}
			mark = format.Truncate(mark, max(1, room))
		}
		parts[activeAt] = st.Title.Render("[" + mark + "]")
		used += ansi.StringWidth(mark) + 2
	}
	return format.Truncate(strings.Join(parts, sep), width), used <= width
}
