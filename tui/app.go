// Package tui is the explorer: a small root model that routes keys and
// messages to a stack of views (package views), with a breadcrumb, help and
// a status line. Styles come from package theme.
package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"funnel/model"
	"funnel/tui/theme"
	"funnel/tui/views"
	"funnel/tui/widgets"
)

// Options configure the explorer.
type Options struct {
	NoColor bool // monochrome (also when NO_COLOR is set)
}

type mode int

const (
	modeNormal mode = iota
	modeHelp
)

// App is the root model.
type App struct {
	common views.Common
	styles *theme.Styles
	stack  []views.View
	keys   GlobalKeys
	help   help.Model
	mode   mode
	opts   Options
	width  int
	height int
}

// New builds the explorer over a loaded dataset.
func New(ds *model.Dataset, opt Options) *App {
	st := theme.New(true, opt.NoColor)
	a := &App{styles: st, keys: DefaultGlobalKeys(), help: help.New(), opts: opt}
	a.common = views.Common{Styles: st, Data: ds}
	a.stack = []views.View{views.NewOverview(a.common)}
	a.applyHelpStyles()
	return a
}

// Top is the active view.
func (a *App) Top() views.View { return a.stack[len(a.stack)-1] }

// Depth is the number of views on the stack.
func (a *App) Depth() int { return len(a.stack) }

func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{a.Top().Init()}
	if !a.opts.NoColor {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.resize()
		return a, nil
	case tea.BackgroundColorMsg:
		*a.styles = *theme.New(msg.IsDark(), a.opts.NoColor)
		a.applyHelpStyles()
		return a, nil
	case views.PushMsg:
		a.stack = append(a.stack, msg.View)
		a.resize()
		return a, msg.View.Init()
	case views.PopMsg:
		a.pop()
		return a, nil
	case tea.KeyPressMsg:
		return a, a.handleKey(msg)
	}
	return a, a.Top().Update(msg)
}

// handleKey switches on the mode first, then global keys, then the view.
func (a *App) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if a.mode == modeHelp {
		if key.Matches(msg, a.keys.Quit) && msg.String() == "ctrl+c" {
			return tea.Quit
		}
		a.mode = modeNormal
		return nil
	}
	switch {
	case key.Matches(msg, a.keys.Quit):
		return tea.Quit
	case key.Matches(msg, a.keys.Help):
		a.mode = modeHelp
		return nil
	case key.Matches(msg, a.keys.Back):
		a.pop()
		return nil
	}
	return a.Top().Update(msg)
}

func (a *App) pop() {
	if len(a.stack) > 1 {
		a.stack = a.stack[:len(a.stack)-1]
		a.resize()
	}
}

func (a *App) resize() {
	a.help.SetWidth(a.width)
	h := max(0, a.height-chromeHeight)
	for _, v := range a.stack {
		v.SetSize(a.width, h)
	}
}

func (a *App) applyHelpStyles() {
	a.help.Styles = help.DefaultStyles(a.styles.Dark)
	a.help.Styles.ShortKey = a.styles.HelpKey
	a.help.Styles.FullKey = a.styles.HelpKey
	a.help.Styles.ShortDesc = a.styles.HelpDesc
	a.help.Styles.FullDesc = a.styles.HelpDesc
}

func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = "funnel"
	return v
}

func (a *App) render() string {
	if a.width < MinWidth || a.height < MinHeight {
		return tooSmall(a.width, a.height)
	}
	hk := helpKeys{view: a.Top(), global: a.keys, canBack: len(a.stack) > 1}
	body := a.Top().View()
	helpLine := a.help.ShortHelpView(hk.ShortHelp())
	if a.mode == modeHelp {
		body = a.fullHelp(hk)
		helpLine = a.styles.Muted.Render("press any key to close help")
	}
	bodyH := a.height - chromeHeight
	return strings.Join([]string{
		a.breadcrumb(),
		fitLines(body, a.width, bodyH),
		widgets.Truncate(helpLine, a.width),
		a.statusLine(),
	}, "\n")
}

func (a *App) fullHelp(hk helpKeys) string {
	a.help.ShowAll = true
	defer func() { a.help.ShowAll = false }()
	title := a.styles.Title.Render("Keys: " + a.Top().Title())
	return title + "\n\n" + a.help.FullHelpView(hk.FullHelp())
}

func (a *App) breadcrumb() string {
	parts := []string{a.styles.Title.Render("funnel")}
	for _, v := range a.stack {
		parts = append(parts, a.styles.Crumb.Render(v.Title()))
	}
	return widgets.Truncate(strings.Join(parts, a.styles.CrumbSep.Render(" › ")), a.width)
}

func (a *App) statusLine() string {
	ld := a.common.Data.Load
	files := widgets.Clean(strings.Join(ld.Files, ", "))
	s := fmt.Sprintf(" %s · %s rows read · %s used · %s skipped ", files,
		widgets.Count(ld.Read), widgets.Count(ld.Used), widgets.Count(ld.Skipped))
	return a.styles.Status.Render(widgets.PadRight(widgets.Truncate(s, a.width), a.width))
}

// fitLines pads or cuts s to exactly h lines of at most w cells.
func fitLines(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = widgets.Truncate(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func tooSmall(w, h int) string {
	msg := fmt.Sprintf("window too small (%d×%d); funnel needs at least %d×%d", w, h, MinWidth, MinHeight)
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := []string{}
	for len(msg) > 0 && len(lines) < h {
		cut := min(len(msg), w)
		// do not split a multi-byte rune
		for cut < len(msg) && cut > 0 && msg[cut]&0xC0 == 0x80 {
			cut--
		}
		if cut == 0 {
			break
		}
		lines = append(lines, msg[:cut])
		msg = msg[cut:]
	}
	return strings.Join(lines, "\n")
}
