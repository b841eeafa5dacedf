package widgets

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// PageKeyMap moves through a page: its lines down and its tables' columns
// across.
type PageKeyMap struct {
	Lines   ScrollKeyMap
	Columns TableKeyMap
}

// DefaultPageKeyMap is the scroll keys, named for reading, and h/l or
// shift+←/→ across.
func DefaultPageKeyMap() PageKeyMap {
	l := DefaultScrollKeyMap()
	l.Up.SetHelp("↑/k", "scroll up")
	l.Down.SetHelp("↓/j", "scroll down")
	l.Top.SetHelp("g", "top")
	l.Bottom.SetHelp("G", "bottom")
	return PageKeyMap{Lines: l, Columns: DefaultTableKeyMap()}
}

// ShortHelp is the help line's page keys.
func (k PageKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Lines.Down, k.Lines.PageDown} }

// FullHelp is every page key.
func (k PageKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Lines.Bindings(), k.Columns.Bindings()}
}

// Page is text to read that holds tables (the money view, the planner): a
// pager down its lines and a Sheet across its tables' columns.
type Page struct {
	Scroll Scroll
	Sheet  Sheet
}

// NewPage is a page whose tables are drawn with st, moved by k.
func NewPage(st TableStyles, k PageKeyMap) Page {
	p := Page{Scroll: NewPager(), Sheet: NewSheet(st)}
	p.Scroll.KeyMap, p.Sheet.KeyMap = k.Lines, k.Columns
	return p
}

// Update scrolls for a key; it reports whether the page must be laid out
// again (its columns moved).
func (p *Page) Update(msg tea.Msg) (relayout bool) {
	return !p.Scroll.Update(msg) && p.Sheet.Update(msg)
}
