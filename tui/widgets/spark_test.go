package widgets

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/tui/format"
)

func TestSparklineAndBar(t *testing.T) {
	if got := Sparkline([]int{0, 1, 4, 8}); got != " ▁▄█" {
		t.Errorf("sparkline %q", got)
	}
	if got := Bar(0.5, 4); got != "██  " {
		t.Errorf("bar %q", got)
	}
	if got := Bar(1, 3); got != "███" {
		t.Errorf("full bar %q", got)
	}
	if got := Bar(0.0625, 2); ansi.StringWidth(got) != 2 || !strings.HasPrefix(got, "▏") {
		t.Errorf("eighth bar %q", got)
	}
	if strings.ContainsAny(format.ASCII(Sparkline([]int{1, 2, 3, 4, 5, 6, 7, 8})+Bar(0.55, 10)), "▁▂▃▄▅▆▇█▏▎▍▌▋▊▉") {
		t.Fatal("a sparkline or bar glyph survived ASCII")
	}
}
