package tui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
)

func TestWritePlainHasNoEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := WritePlain(&b, demo.Generate(demo.Options{Rows: 2000}), 100); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.ContainsRune(out, '\x1b') {
		t.Fatal("plain output contains an escape byte")
	}
	if !strings.Contains(out, "Opportunity") || !strings.Contains(out, "rows read 2,000 = used 2,000 + skipped 0") {
		t.Fatalf("plain output:\n%s", out)
	}
}
