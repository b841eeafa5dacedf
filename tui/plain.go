package tui

import (
	"strings"

	"funnel/tui/widgets"
)

func joinClean(ss []string) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = widgets.Clean(s)
	}
	return strings.Join(out, ", ")
}
