package tui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/theme"
)

func TestThemeOptions(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 1000})
	black := tea.BackgroundColorMsg{Color: color.Black}
	white := tea.BackgroundColorMsg{Color: color.White}
	for _, tc := range []struct {
		opt        Options
		start      bool // dark at start
		afterBlack bool
		afterWhite bool
	}{
		{Options{}, true, true, false},                     // ask the terminal
		{Options{Background: "light"}, false, true, false}, // COLORFGBG says light; the terminal's answer wins
		{Options{Theme: "light"}, false, false, false},     // --theme light holds
		{Options{Theme: "dark"}, true, true, true},         // --theme dark holds
		{Options{Theme: "dark", Background: "light"}, true, true, true},
	} {
		a := New(ds, tc.opt)
		if a.styles.Dark != tc.start {
			t.Errorf("%+v: starts dark=%v", tc.opt, a.styles.Dark)
		}
		a.Update(black)
		if a.styles.Dark != tc.afterBlack {
			t.Errorf("%+v: after a black background dark=%v", tc.opt, a.styles.Dark)
		}
		a.Update(white)
		if a.styles.Dark != tc.afterWhite {
			t.Errorf("%+v: after a white background dark=%v", tc.opt, a.styles.Dark)
		}
	}
	for v, want := range map[string][2]bool{"15;0": {true, true}, "0;15": {false, true}, "12;8": {true, true}, "0;default;7": {false, true}, "": {false, false}, "x": {false, false}} {
		d, ok := theme.DarkFromCOLORFGBG(v)
		if d != want[0] || ok != want[1] {
			t.Errorf("COLORFGBG=%q: dark %v ok %v, want %v", v, d, ok, want)
		}
	}
}

// With ASCII (a locale that is not UTF-8) no drawing glyph reaches the
// screen, in any top view.
func TestASCIIFrames(t *testing.T) {
	a := New(demo.Generate(demo.Options{Rows: 3000}), Options{NoColor: true, ASCII: true})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	deliver(a, a.Init())
	for _, k := range "obctspe" {
		press(a, tea.KeyPressMsg{Code: k, Text: string(k)})
		frame := a.View().Content
		for _, r := range frame {
			if r >= 0x80 {
				t.Errorf("view %c: %q is not ASCII in:\n%s", k, r, frame)
				break
			}
		}
		if !strings.Contains(frame, "funnel") {
			t.Errorf("view %c: no breadcrumb", k)
		}
	}
}
