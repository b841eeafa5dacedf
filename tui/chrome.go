package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// The frame around the active view: view bar, help line, status line,
// full help, and what a too-small window shows.

func (a *App) View() tea.View {
	frame := a.render()
	if a.opts.ASCII {
		frame = format.ASCII(frame)
	}
	v := tea.NewView(frame)
	v.AltScreen = true
	if a.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "funnel"
	return v
}

func (a *App) render() string {
	if a.width < MinWidth || a.height < MinHeight {
		return tooSmall(a.width, a.height)
	}
	if a.load != nil {
		return a.load.view(a.width, a.height, a.styles.Muted.Render)
	}
	hk := helpKeys{view: a.Top(), global: a.keys, canBack: len(a.stack) > 1, tops: a.topBindings()}
	body := a.Top().View()
	// the lines between the view and the status line: the help line, or
	// a prompt (and its error), or a message (wrapped, up to a third of
	// the window)
	bottom := []string{format.Truncate(a.help.ShortHelpView(hk.ShortHelp()), a.width)}
	switch {
	case a.mode == modeHelp:
		body = a.fullHelp(hk)
		bottom = []string{a.styles.Muted.Render("j/k scroll · any other key closes help")}
	case a.mode == modeFilter || a.mode == modeCommand:
		bottom = strings.Split(a.prompt.view(a.width, a.styles.Error.Render), "\n")
	case a.note != "":
		bottom = widgets.WrapStyled(a.styles.Emphasis, a.note, a.width)
		if n := max(1, (a.height-chromeHeight)/3); len(bottom) > n {
			bottom = bottom[:n]
		}
	}
	bodyH := a.height - chromeHeight + 1 - len(bottom)
	return strings.Join([]string{
		a.viewBar(),
		fitLines(body, a.width, bodyH, a.styles.Muted.Render),
		strings.Join(bottom, "\n"),
		a.statusLine(),
	}, "\n")
}

func asOfLabel(d int32) string {
	if d == model.NoDay {
		return "latest"
	}
	return model.DayString(d)
}

// fitLines pads or cuts s to exactly h lines of at most w cells.
// A view that draws more lines than its box loses the last to a line
// saying how many are hidden, never silently.
func fitLines(s string, w, h int, muted func(...string) string) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h && h > 0 {
		more := fmt.Sprintf("↓ %s below: a taller window shows them", format.Plural(len(lines)-h+1, "more line", "more lines"))
		lines = append(lines[:h-1:h-1], muted(more))
	}
	for i, l := range lines {
		lines[i] = format.Truncate(l, w)
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
