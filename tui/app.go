// Package tui is the explorer: a small root model that routes keys and
// messages to a stack of views (package views), with a view bar, help and
// a status line. Styles come from package theme.
package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/theme"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/overview"
)

// Options configure the explorer.
type Options struct {
	NoColor  bool             // monochrome (also when NO_COLOR is set)
	Mask     bool             // start with names, emails and companies masked (M toggles)
	Spend    []money.SpendRow // spend table for cost figures (nil: none)
	Money    money.Options    // currency options for money figures
	NoMouse  bool             // start with mouse reporting off (m toggles it)
	Debug    io.Writer        // when set, every message and its handling time is logged here
	CrashDir string           // where a crash file goes (default: the temp dir)
	Open     Open             // the view and state to open in (deep link)
	// Theme "light" or "dark" fixes the colours; "" asks the terminal for
	// its background, starting from Background ("light" or "dark", e.g.
	// from COLORFGBG; "" dark) until it answers.
	Theme, Background string
	ASCII             bool // draw with ASCII only (the locale is not UTF-8)
	// Segments are the ICP segment rules of the mapping file (the money
	// view's segments; none without a mapping that has them).
	Segments []money.SegmentRule
	// Source is how the data was read (for :report, and so that an
	// export never writes over a file that was read).
	Source Source
	// Remap lets the column screen read the files again with the mapping
	// it edited and save it (nil: the data came from no file).
	Remap *views.Remapper
	// Rest reads what the LoadFunc left for later (dims.go; nil: nothing).
	Rest RestFunc
}

// ErrCancelled is returned when the user cancels a load.
var ErrCancelled = errors.New("load cancelled")

type mode int

const (
	modeNormal mode = iota
	modeHelp
	modeFilter  // typing a / filter
	modeCommand // typing a : command
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
	mouse  bool
	load   *loader // non-nil while loading
	// dimsNote is what the status line says while the dimension columns
	// are read after the first frame (dims.go); "" when they are in.
	dimsNote string
	restGate chan struct{} // closed to let them be read (dims.go); nil once closed
	state    views.State
	prompt   prompt
	tops     []topView
	cache    map[string]views.View // top views made so far, by name
	active   string                // the top view at the bottom of the stack
	mask     masking
	remask   views.Job[remasked] // a dataset read again, masked before it is shown
	err      error               // why the program stopped, if not by the user's choice
	start    tea.Cmd             // what opening the first view asked for, run by Init
	typed    []tea.KeyPressMsg   // keys typed while loading, replayed once loaded
	undo     []sliceUndo         // slice filters esc undoes, the last first
	note     string              // a message shown until the next key (esc, y, :export, :report)
	// helpOffset is the first line of the full help on screen
	helpOffset int
}

// New builds the explorer over a loaded dataset. It prepares the
// dataset's query engine first (a pass over the records), before any
// frame is drawn.
func New(ds *model.Dataset, opt Options) *App {
	a := newApp(opt)
	eng := query.New(ds)
	overview.Warm(eng)
	a.start = a.setData(eng)
	return a
}

// NewLoading builds the explorer that first runs load in the background,
// showing a progress bar that esc or ctrl+c cancels.
func NewLoading(label string, load LoadFunc, opt Options) (*App, tea.Cmd) {
	a := newApp(opt)
	a.load = newLoader(label)
	a.load.rest = opt.Rest
	return a, a.load.start(load)
}

func newApp(opt Options) *App {
	st := theme.New(opt.dark(), opt.NoColor)
	a := &App{styles: st, keys: DefaultGlobalKeys(), help: help.New(), opts: opt, mouse: !opt.NoMouse,
		state: opt.Open.state(), tops: topViews()}
	a.applyHelpStyles()
	return a
}

// setData shows the data of eng (the one engine every view asks) in the
// view the deep link asks for (the overview by default); a deep link that
// does not fit the data stops the program with an *OpenError.
func (a *App) setData(eng *query.Engine) tea.Cmd {
	ds := eng.Data()
	a.load = nil
	a.mask = masking{orig: eng}
	a.common = views.Common{Styles: a.styles, Engine: eng, Spend: a.opts.Spend, Money: a.opts.Money, Remap: a.opts.Remap,
		Segments: a.opts.Segments}
	a.cache = map[string]views.View{}
	expr, err := a.opts.Open.filter(ds)
	if err == nil {
		err = a.opts.Open.CheckData(ds)
	}
	if err != nil {
		a.err = err
		a.openTop("overview", "")
		return tea.Quit
	}
	a.state.Filter = expr
	cmd := tea.Batch(a.openTop(a.opts.Open.view(), a.opts.Open.By), a.checkUnsure())
	if a.opts.Mask {
		cmd = tea.Batch(cmd, a.toggleMask())
	}
	return cmd
}

// Err is why the program stopped, when it was not the user quitting.
func (a *App) Err() error { return a.err }

// Top is the active view.
func (a *App) Top() views.View { return a.stack[len(a.stack)-1] }

// Depth is the number of views on the stack.
func (a *App) Depth() int { return len(a.stack) }

func (a *App) Init() tea.Cmd {
	var cmds []tea.Cmd
	if a.load == nil {
		cmds = append(cmds, a.start)
		a.start = nil
	}
	if !a.opts.NoColor && a.opts.Theme == "" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if a.opts.Debug != nil {
		start := time.Now()
		defer func() { fmt.Fprintf(a.opts.Debug, "%s %T %s\n", start.Format("15:04:05.000"), msg, time.Since(start)) }()
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.resize()
		return a, nil
	case tea.BackgroundColorMsg:
		if a.opts.Theme != "" {
			return a, nil // --theme decided
		}
		*a.styles = *theme.New(msg.IsDark(), a.opts.NoColor)
		a.applyHelpStyles()
		return a, nil
	case views.PushMsg:
		return a, a.push(msg.View)
	case views.DrillMsg:
		return a, a.push(a.drill(msg))
	case views.DataMsg:
		return a, a.newData(msg)
	case views.PopMsg:
		a.pop()
		return a, nil
	case views.OpenMsg:
		return a, a.openTop(msg.Name, msg.Arg)
	case views.SetFilterMsg:
		return a, a.setSlice(msg.Filter)
	case views.SetPeriodMsg:
		st := a.state
		st.Period = msg.Period
		return a, a.setState(st)
	case loadProgressMsg:
		if a.load != nil {
			a.load.done, a.load.total = msg.done, msg.total
			return a, a.load.wait()
		}
		return a, nil
	case loadDoneMsg:
		switch {
		case errors.Is(msg.err, context.Canceled):
			a.err = ErrCancelled
			return a, tea.Quit
		case msg.err != nil:
			a.err = msg.err
			return a, tea.Quit
		}
		if msg.rest {
			ldr := a.load
			a.dimsNote, a.restGate = pendingDims(msg.eng.Data()), ldr.gate
			return a, tea.Batch(a.setData(msg.eng), ldr.wait())
		}
		return a, a.loaded(msg.eng)
	case restDoneMsg:
		return a, a.restDone(msg)
	case tea.KeyPressMsg:
		if a.load != nil {
			return a, a.loadingKey(msg)
		}
		if a.dimsNote != "" {
			return a, a.restKey(msg)
		}
		return a, a.handleKey(msg)
	case tea.PasteMsg:
		if a.mode == modeFilter || a.mode == modeCommand {
			return a, a.prompt.input.Update(msg)
		}
		if a.load == nil {
			return a, a.Top().Update(msg)
		}
		return a, nil
	case tea.MouseWheelMsg:
		return a, a.wheel(msg)
	case tea.MouseClickMsg:
		if a.load == nil && msg.Y >= 1 {
			msg.Y-- // below the view bar, in the view's own rows
			return a, a.Top().Update(msg)
		}
		return a, nil
	}
	if a.load != nil {
		return a, nil
	}
	if cmd, ok := a.masked(msg); ok {
		return a, cmd
	}
	if cmd, ok := a.takeRemasked(msg); ok {
		return a, cmd
	}
	cmd := a.broadcast(msg)
	a.startRest(false)
	return a, cmd
}

// broadcast hands any other message (a background result, a tick) to every
// view that exists, not only the top one: a result computed for a view the
// user has left still lands. Views ignore what is not theirs, and
// generation numbers drop stale results.
func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, v := range a.views() {
		cmds = append(cmds, v.Update(msg))
	}
	return tea.Batch(cmds...)
}

// views lists every view that exists: the stack, then the top views made
// so far that are not on it.
func (a *App) views() []views.View {
	out := append([]views.View(nil), a.stack...)
	for _, v := range a.cache {
		if !slices.Contains(a.stack, v) {
			out = append(out, v)
		}
	}
	return out
}

// wheel turns the mouse wheel into the view's up/down keys.
func (a *App) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	if a.load != nil || a.mode != modeNormal {
		return nil
	}
	switch msg.Button {
	case tea.MouseWheelUp:
		return a.Top().Update(tea.KeyPressMsg{Code: tea.KeyUp})
	case tea.MouseWheelDown:
		return a.Top().Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	return nil
}

// handleKey switches on the mode first, then global keys, then the view.
func (a *App) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, a.keys.Suspend) {
		return tea.Suspend // in every mode, as in a shell
	}
	a.note = ""
	if a.mode == modeFilter || a.mode == modeCommand {
		return a.handlePromptKey(msg)
	}
	if c, ok := a.Top().(views.Capturer); ok && c.Capturing() && msg.String() != "ctrl+c" {
		return a.Top().Update(msg)
	}
	if a.mode == modeHelp {
		return a.helpKey(msg)
	}
	switch {
	case key.Matches(msg, a.keys.Quit):
		return tea.Quit
	case key.Matches(msg, a.keys.Help):
		a.mode = modeHelp
		return nil
	case key.Matches(msg, a.keys.Back):
		return a.back()
	case key.Matches(msg, a.keys.Filter):
		a.openPrompt(modeFilter, a.state.Filter)
		return nil
	case key.Matches(msg, a.keys.Command):
		a.openPrompt(modeCommand, "")
		return nil
	case key.Matches(msg, a.keys.Copy):
		return a.copyTables()
	case key.Matches(msg, a.keys.Export):
		return a.exportPrompt()
	case key.Matches(msg, a.keys.Mouse):
		a.mouse = !a.mouse
		return nil
	case key.Matches(msg, a.keys.Mask):
		return a.toggleMask()
	}
	if cmd, ok := a.topKey(msg); ok {
		return cmd
	}
	return a.Top().Update(msg)
}

func (a *App) push(v views.View) tea.Cmd {
	if v == nil {
		return nil
	}
	a.stack = append(a.stack, v)
	a.resize()
	return v.Init()
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
	a.help.Styles.ShortSeparator = a.styles.Muted
	a.help.Styles.FullSeparator = a.styles.Muted
	a.help.Styles.Ellipsis = a.styles.Muted
}
