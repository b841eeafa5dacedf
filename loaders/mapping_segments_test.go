package loaders

import (
	"strings"
	"testing"
)

// The segments key of a mapping file holds ICP rules, in YAML and TOML alike.
func TestMappingSegments(t *testing.T) {
	const head = "shape: stage-dates\nstages:\n  - {name: Lead, date: created}\n"
	m, err := ParseMapping("m.yaml", []byte(head+`segments:
  - {segment: Enterprise, column: employees, min: 1000}
  - {segment: Inbound, column: channel, values: [chat, organic]}
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Segments) != 2 || m.Segments[0].Segment != "Enterprise" || m.Segments[0].Min == nil || *m.Segments[0].Min != 1000 ||
		m.Segments[1].Values[1] != "organic" {
		t.Fatalf("segments %+v", m.Segments)
	}
	tm, err := ParseMappingTOML("m.toml", []byte(`shape = "stage-dates"
[[stages]]
name = "Lead"
date = "created"
[[segments]]
segment = "Enterprise"
column = "employees"
min = 1000.0
[[segments]]
segment = "Inbound"
column = "channel"
values = ["chat", "organic"]
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(tm.Segments) != 2 || *tm.Segments[0].Min != 1000 || tm.Segments[1].Values[0] != "chat" {
		t.Fatalf("toml segments %+v", tm.Segments)
	}
	for body, want := range map[string]string{
		"segments:\n  - {column: x, values: [a]}\n":  "no segment name",
		"segments:\n  - {segment: A, values: [a]}\n": "has no column",
		"segments:\n  - {segment: A, column: x}\n":   "give values",
		"segments:\n  - {segment: A, colum: x}\n":    "colum",
	} {
		if _, err := ParseMapping("m.yaml", []byte(head+body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", body, err, want)
		}
	}
}
