package tui

import "charm.land/bubbles/v2/key"

// GlobalKeys work in every view.
type GlobalKeys struct {
	Quit, Help, Back, Mouse, Filter, Command key.Binding
	NextView, PrevView, Mask, Suspend        key.Binding
}

// DefaultGlobalKeys returns the global bindings.
func DefaultGlobalKeys() GlobalKeys {
	return GlobalKeys{
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		NextView: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next view")),
		PrevView: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous view")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Command:  key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "command (:stage SQL, :by channel)")),
		Mouse:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mouse on/off (off: select text)")),
		Mask:     key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "mask names (for a projector)")),
		Suspend:  key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend (fg resumes)")),
	}
}

// helpKeys joins the active view's bindings with the global ones.
type helpKeys struct {
	view interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
	global  GlobalKeys
	canBack bool
	tops    []key.Binding // tab, shift+tab and one key per top view
}

func (h helpKeys) globals() []key.Binding {
	b := h.global.Back
	b.SetEnabled(h.canBack)
	return []key.Binding{b, h.global.Filter, h.global.Help, h.global.Quit}
}

func (h helpKeys) ShortHelp() []key.Binding {
	return append(h.view.ShortHelp(), h.globals()...)
}

func (h helpKeys) FullHelp() [][]key.Binding {
	return append(h.view.FullHelp(), h.tops, append(h.globals(), h.global.Command, h.global.Mouse, h.global.Mask, h.global.Suspend))
}
