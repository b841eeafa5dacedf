package tui

import "charm.land/bubbles/v2/key"

// GlobalKeys work in every view.
type GlobalKeys struct {
	Quit, Help, Back, Mouse, Filter, Command        key.Binding
	NextView, PrevView, Mask, Suspend, Copy, Export key.Binding
}

// DefaultGlobalKeys returns the global bindings.
func DefaultGlobalKeys() GlobalKeys {
	return GlobalKeys{
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q/ctrl+c", "quit (ctrl+c also from a prompt)")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		NextView: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next view")),
		PrevView: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous view")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Command:  key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "command (:by channel, :export, :report)")),
		Mouse:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mouse on/off (off: select text)")),
		Mask:     key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "mask names (for a projector)")),
		Copy:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy the table (TSV, to the clipboard)")),
		Export:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "export the view (:export csv|md|json FILE)")),
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
	canBack bool          // a view is pushed: esc pops it
	tops    []key.Binding // tab, shift+tab and one key per top view
}

// back is esc as the help names it here.
func (h helpKeys) back() key.Binding {
	b := h.global.Back
	if !h.canBack {
		b.SetHelp("esc", "back: undo a slice filter, else to the overview")
	}
	return b
}

func (h helpKeys) ShortHelp() []key.Binding {
	quit := h.global.Quit
	quit.SetHelp("q", "quit")
	return append(h.view.ShortHelp(), h.global.Back, h.global.Filter, h.global.Help, quit)
}

func (h helpKeys) FullHelp() [][]key.Binding {
	g := h.global
	return append(h.view.FullHelp(), h.tops,
		[]key.Binding{h.back(), g.Filter, g.Command, g.Copy, g.Export, g.Help, g.Quit, g.Mouse, g.Mask, g.Suspend})
}
