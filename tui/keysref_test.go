package tui

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
)

// The key reference (funnel help keys) lists every top view and the global keys.
func TestKeyReference(t *testing.T) {
	s := KeyReference(demo.Generate(demo.Options{Rows: 500}))
	for _, want := range []string{"Everywhere", "ctrl+z", "suspend", "esc", "(o)", "(b)", "(c)", "(t)", "(s)", "(p)", "(e)", "Columns (C", "value means lost", "In the / and : prompts"} {
		if !strings.Contains(s, want) {
			t.Errorf("key reference lacks %q:\n%s", want, s)
		}
	}
}
