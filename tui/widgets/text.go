package widgets

import (
	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/tui/format"
)

// WrapStyled wraps s and renders every line in style.
func WrapStyled(style lipgloss.Style, s string, width int) []string {
	lines := format.Wrap(s, width)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}
