package widgets

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestLineInputSanitisesPasteAndKeys(t *testing.T) {
	in := NewLineInput("find: ", true)
	in.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
	in.Update(tea.PasteMsg{Content: "\x1b[31mred\x1b[0m\u202e\nline\ttwo\x07\u200b"})
	in.Update(tea.KeyPressMsg{Code: 0x1b, Text: "\x1b]52;c;ZXZpbA==\x07"})
	if got := in.Value(); got != "ared line two" {
		t.Errorf("value %q", got)
	}
	if v := in.View(); strings.ContainsAny(v, "\u202e\u200b\a") || !strings.Contains(ansi.Strip(v), "find: ared line two") {
		t.Errorf("view %q", v)
	}
	in.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	if got := in.Value(); got != "ared line tw" {
		t.Errorf("backspace: %q", got)
	}
	in.SetValue("x\x1b[2Jy")
	if got := in.Value(); got != "xy" {
		t.Errorf("SetValue: %q", got)
	}
	in.SetCharLimit(3)
	in.Update(tea.PasteMsg{Content: "abcdef"})
	if got := in.Value(); got != "xya" {
		t.Errorf("limit: %q", got)
	}
}
