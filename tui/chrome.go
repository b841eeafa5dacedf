package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/format"
)

// The frame around the active view: breadcrumb, help line, status line,
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
	helpLine := a.help.ShortHelpView(hk.ShortHelp())
	switch a.mode {
	case modeHelp:
		body = a.fullHelp(hk)
		helpLine = a.styles.Muted.Render("press any key to close help")
	case modeFilter, modeCommand:
		helpLine = a.prompt.view(a.width, a.styles.Error.Render)
		if a.prompt.err != "" {
			// the error line takes the status line's place
			return strings.Join([]string{a.breadcrumb(), fitLines(body, a.width, a.height-chromeHeight), helpLine}, "\n")
		}
	}
	bodyH := a.height - chromeHeight
	return strings.Join([]string{
		a.breadcrumb(),
		fitLines(body, a.width, bodyH),
		format.Truncate(helpLine, a.width),
		a.statusLine(),
	}, "\n")
}

func (a *App) fullHelp(hk helpKeys) string {
	title := a.styles.Title.Render("Keys: " + a.Top().Title())
	return title + "\n\n" + renderFullHelp(hk.FullHelp(), a.width, a.height-chromeHeight-2, a.styles)
}

func (a *App) breadcrumb() string {
	parts := []string{a.styles.Title.Render("funnel")}
	for _, v := range a.stack {
		parts = append(parts, a.styles.Crumb.Render(v.Title()))
	}
	return format.Truncate(strings.Join(parts, a.styles.CrumbSep.Render(" › ")), a.width)
}

func (a *App) statusLine() string {
	ld := a.common.Data().Load
	files := format.Clean(strings.Join(ld.Files, ", "))
	s := fmt.Sprintf(" %s · %s rows read · %s used · %s skipped · by %s · as of %s", files,
		format.Count(ld.Read), format.Count(ld.Used), format.Count(ld.Skipped), a.state.Period, asOfLabel(a.state.AsOf))
	if a.state.Filter != "" {
		s += " · where " + format.Clean(a.state.Filter)
	}
	switch {
	case a.state.Masked:
		s += " · MASKED"
	case a.maskPending():
		s += " · masking…"
	}
	if ld.Summary != "" {
		// What the loader made of the columns (l lists every decision, C
		// shows and changes them).
		if ld.Unsure {
			s += " · guessed (C to check): "
		} else {
			s += " · columns (C): "
		}
		s += format.Clean(ld.Summary)
	}
	return a.styles.Status.Render(format.PadRight(format.Truncate(s, a.width), a.width))
}

func asOfLabel(d int32) string {
	if d == model.NoDay {
		return "latest"
	}
	return model.DayString(d)
}

// fitLines pads or cuts s to exactly h lines of at most w cells.
func fitLines(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
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
