package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// prompt is the one-line input of the filter (/) and command (:) modes.
type prompt struct {
	input widgets.LineInput
	kind  mode // modeFilter or modeCommand
	err   string
}

func newPrompt(kind mode, value string, width int, dark bool) prompt {
	in := widgets.NewLineInput("/", dark)
	in.SetPlaceholder("channel=chat owner!=ana created>=2025-03  (tab completes)")
	if kind == modeCommand {
		in = widgets.NewLineInput(":", dark)
		in.SetPlaceholder("stage SQL · by channel · period week · asof 2026-06-30 · filter … · clear")
	}
	in.SetSuggestions(nil)
	in.SetValue(value)
	in.SetWidth(max(10, width-4))
	return prompt{input: in, kind: kind}
}

func (p prompt) view(width int, errStyle func(...string) string) string {
	line := format.Truncate(p.input.View(), width)
	if p.err != "" {
		return line + "\n" + errStyle(format.Truncate(p.err, width))
	}
	return line
}

// openPrompt opens the filter or command prompt with value typed.
func (a *App) openPrompt(kind mode, value string) {
	a.mode = kind
	a.prompt = newPrompt(kind, value, a.width, a.styles.Dark)
	if kind == modeFilter {
		a.prompt.input.SetSuggestions(completions(a.common.Data(), value))
	}
}

// handlePromptKey edits the prompt; Enter applies it and Esc drops it.
func (a *App) handlePromptKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "ctrl+c":
		return tea.Quit
	case "esc":
		a.mode = modeNormal
		return nil
	case "tab":
		if a.mode == modeFilter && a.completeQuoted() {
			return nil
		}
	case "enter":
		value := strings.TrimSpace(a.prompt.input.Value())
		var cmd tea.Cmd
		var err error
		if a.mode == modeFilter {
			cmd, err = a.applyFilter(value)
		} else {
			cmd, err = a.runCommand(value)
		}
		if err != nil {
			a.prompt.err = err.Error()
			return nil
		}
		a.mode = modeNormal
		return cmd
	}
	cmd := a.prompt.input.Update(msg)
	a.prompt.err = ""
	if a.mode == modeFilter {
		a.prompt.input.SetSuggestions(completions(a.common.Data(), a.prompt.input.Value()))
	}
	return cmd
}

// completeQuoted takes the first completion when none extends the text as
// typed: a value that needs quotes (owner=A → owner="Ana Silva"), which
// the input's own tab completion, by prefix, cannot offer.
func (a *App) completeQuoted() bool {
	typed := a.prompt.input.Value()
	comps := completions(a.common.Data(), typed)
	for _, c := range comps {
		if strings.HasPrefix(strings.ToLower(c), strings.ToLower(typed)) {
			return false // the input completes it
		}
	}
	if len(comps) == 0 {
		return false
	}
	a.prompt.input.SetValue(comps[0])
	a.prompt.input.SetSuggestions(completions(a.common.Data(), comps[0]))
	return true
}

func (a *App) applyFilter(expr string) (tea.Cmd, error) {
	if err := validateFilter(a.common.Data(), expr); err != nil {
		return nil, err
	}
	st := a.state
	st.Filter = expr
	return a.setState(st), nil
}

// runCommand carries out a `:` command.
func (a *App) runCommand(line string) (tea.Cmd, error) {
	verb, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	st := a.state
	switch strings.ToLower(verb) {
	case "":
		return nil, nil
	case "q", "quit":
		return tea.Quit, nil
	case "stage":
		k := a.common.Data().StageIndex(arg)
		if k < 0 {
			return nil, fmt.Errorf("no stage %q; stages: %s", format.Clean(arg), strings.Join(cleanAll(a.common.Data().Stages), ", "))
		}
		cmd := a.openTop("overview", "")
		return tea.Batch(cmd, a.Top().Update(views.SelectStageMsg{Stage: k})), nil
	case "by":
		if a.common.Data().Dim(arg) == nil {
			return nil, fmt.Errorf("no dimension %q; dimensions: %s", format.Clean(arg), strings.Join(cleanAll(a.common.Data().DimNames()), ", "))
		}
		return func() tea.Msg { return views.OpenMsg{Name: "breakdown", Arg: arg} }, nil
	case "period":
		switch p := strings.ToLower(arg); p {
		case "week", "month", "quarter", "year":
			st.Period = p
			return a.setState(st), nil
		}
		return nil, fmt.Errorf("period is week, month, quarter or year, not %q", format.Clean(arg))
	case "asof", "as-of":
		if arg == "" || arg == "off" || arg == "latest" {
			st.AsOf = model.NoDay
			return a.setState(st), nil
		}
		d, ok := parseDay(arg)
		if !ok {
			return nil, fmt.Errorf("as-of wants a date like 2026-06-30, not %q", format.Clean(arg))
		}
		st.AsOf = d
		return a.setState(st), nil
	case "filter":
		return a.applyFilter(arg)
	case "clear":
		st.Filter = ""
		return a.setState(st), nil
	case "report":
		return a.reportCmd(), nil
	case "export", "w", "write":
		return a.export(arg)
	}
	return nil, fmt.Errorf("unknown command %q; try stage, by, period, asof, filter, clear, export, report, quit", format.Clean(verb))
}

// setState records the new state and tells every view on the stack.
func (a *App) setState(st views.State) tea.Cmd {
	a.state = st
	return a.broadcast(views.StateMsg{State: st})
}

func parseDay(s string) (int32, bool) {
	var y, m, d int
	if n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); n != 3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	day := model.DayFromCivil(y, m, d)
	if yy, mm, dd := model.CivilFromDay(day); yy != y || mm != m || dd != d {
		return 0, false
	}
	return day, true
}

func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = format.Clean(s)
	}
	return out
}
