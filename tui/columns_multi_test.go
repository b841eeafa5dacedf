package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// With several files the column screen saves one mapping per file and
// says the command line that reads it back: --map FILE=MAPPING.
func TestColumnScreenSavesPerFileMapping(t *testing.T) {
	fx := "../testdata/loaders/"
	a := columnsApp(t, 320, 40, fx+"hubspot_contacts.csv", fx+"hubspot_deals.csv")
	path := filepath.Join(t.TempDir(), "contacts.yaml")
	press(a, ch('C'), ch('S'), tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	for _, r := range path {
		press(a, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	press(a, keyEnter)
	if out := screen(a); !strings.Contains(out, "funnel --map hubspot_contacts.csv="+path) {
		t.Fatalf("the saved note does not say --map FILE=MAPPING:\n%s", out)
	}
}
