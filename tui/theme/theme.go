// Package theme holds every style the explorer draws with, built once from
// the terminal's background and colour support, and passed by pointer.
package theme

import (
	"image/color"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
)

// Styles is the one place styles live. Views copy what they need.
type Styles struct {
	Dark bool
	Mono bool

	Title      lipgloss.Style // view titles
	Crumb      lipgloss.Style // breadcrumb trail
	CrumbSep   lipgloss.Style
	Header     lipgloss.Style // table headers
	Cell       lipgloss.Style
	Selected   lipgloss.Style // the selected row
	Muted      lipgloss.Style // denominators, captions, footnotes
	Emphasis   lipgloss.Style
	Bar        lipgloss.Style
	Spark      lipgloss.Style
	Good       lipgloss.Style // a significant improvement
	Bad        lipgloss.Style // a significant drop
	Warn       lipgloss.Style // immature, too few to tell, data warnings
	Status     lipgloss.Style // status line
	StatusKey  lipgloss.Style
	Error      lipgloss.Style
	HelpKey    lipgloss.Style
	HelpDesc   lipgloss.Style
	Box        lipgloss.Style
	Accent     color.Color
	SubtleLine color.Color
}

// New builds the styles for a dark or light background; mono gives a
// colourless theme that still marks selection and emphasis (NO_COLOR).
func New(dark, mono bool) *Styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#9D8CFF"))
	fg := ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#E6E6E6"))
	muted := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8C8C8C"))
	good := ld(lipgloss.Color("#1B7F3A"), lipgloss.Color("#5FD68A"))
	bad := ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF7A70"))
	warn := ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#F2C14E"))
	selBg := ld(lipgloss.Color("#E4DEFF"), lipgloss.Color("#3A2F73"))
	statusBg := ld(lipgloss.Color("#ECECEC"), lipgloss.Color("#262626"))
	line := ld(lipgloss.Color("#CCCCCC"), lipgloss.Color("#444444"))

	s := &Styles{Dark: dark, Mono: mono, Accent: accent, SubtleLine: line}
	n := lipgloss.NewStyle
	if mono {
		s.Title = n().Bold(true)
		s.Crumb = n()
		s.CrumbSep = n()
		s.Header = n().Bold(true).Underline(true)
		s.Cell = n()
		s.Selected = n().Reverse(true)
		s.Muted = n().Faint(true)
		s.Emphasis = n().Bold(true)
		s.Bar, s.Spark = n(), n()
		s.Good = n().Bold(true)
		s.Bad = n().Bold(true).Underline(true)
		s.Warn = n().Italic(true)
		s.Status = n().Reverse(true)
		s.StatusKey = n().Reverse(true).Bold(true)
		s.Error = n().Bold(true)
		s.HelpKey = n().Bold(true)
		s.HelpDesc = n()
		s.Box = n().Border(lipgloss.NormalBorder()).Padding(0, 1)
		return s
	}
	s.Title = n().Bold(true).Foreground(accent)
	s.Crumb = n().Foreground(muted)
	s.CrumbSep = n().Foreground(line)
	s.Header = n().Bold(true).Foreground(muted)
	s.Cell = n().Foreground(fg)
	s.Selected = n().Background(selBg).Foreground(fg).Bold(true)
	s.Muted = n().Foreground(muted)
	s.Emphasis = n().Bold(true).Foreground(fg)
	s.Bar = n().Foreground(accent)
	s.Spark = n().Foreground(ld(lipgloss.Color("#2F6DB5"), lipgloss.Color("#7FB2FF")))
	s.Good = n().Foreground(good)
	s.Bad = n().Foreground(bad)
	s.Warn = n().Foreground(warn)
	s.Status = n().Background(statusBg).Foreground(fg)
	s.StatusKey = n().Background(statusBg).Foreground(accent).Bold(true)
	s.Error = n().Foreground(bad).Bold(true)
	s.HelpKey = n().Foreground(accent).Bold(true)
	s.HelpDesc = n().Foreground(muted)
	s.Box = n().Border(lipgloss.RoundedBorder()).BorderForeground(line).Padding(0, 1)
	return s
}

// Plain is a theme with no styling at all, for text written to files and pipes.
func Plain() *Styles {
	n := lipgloss.NewStyle()
	return &Styles{Mono: true, Title: n, Crumb: n, CrumbSep: n, Header: n, Cell: n, Selected: n, Muted: n,
		Emphasis: n, Bar: n, Spark: n, Good: n, Bad: n, Warn: n, Status: n, StatusKey: n, Error: n,
		HelpKey: n, HelpDesc: n, Box: n}
}

// DarkFromCOLORFGBG reads the COLORFGBG variable some terminals set
// ("15;0": light text on black): ok is false when it is unset or unreadable.
// Background colours 0–6 and 8 are dark, the others light (as rxvt and vim
// read it).
func DarkFromCOLORFGBG(v string) (dark, ok bool) {
	if v == "" {
		return false, false
	}
	parts := strings.Split(v, ";")
	bg, err := strconv.Atoi(parts[len(parts)-1])
	if err != nil || bg < 0 || bg > 15 {
		return false, false
	}
	return bg <= 6 || bg == 8, true
}
