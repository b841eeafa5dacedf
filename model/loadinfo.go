package model

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model/mapping"
)

// LoadInfo is what a loader tells about a load: rows read = used + skipped.
type LoadInfo struct {
	Files     []string  `json:"files"`
	Read      int       `json:"rows_read"`
	Used      int       `json:"rows_used"`
	Skipped   int       `json:"rows_skipped"`
	Problems  []Problem `json:"problems,omitempty"`
	Decisions []string  `json:"decisions,omitempty"`
	// Notes are the decisions a reader must see before any number, in
	// the report's header and on the overview (not only in the list of
	// decisions): records left out of the funnel by a join, several files
	// read as snapshots of one object.
	Notes []string `json:"notes,omitempty"`
	// Summary says in one line what the columns were read as ("StageName
	// as the current stage (Salesforce order); IsWon/IsClosed as the
	// outcome; Amount as the amount"), for a status line.
	Summary string `json:"summary,omitempty"`
	// Columns is what the loader made of every input column, for a
	// screen that shows and corrects it.
	Columns []ColumnInfo `json:"columns,omitempty"`
	// Unsure is set when the loader guessed something it could not
	// check (UnsureWhy says what); a caller may ask the user.
	Unsure    bool     `json:"unsure,omitempty"`
	UnsureWhy []string `json:"unsure_why,omitempty"`
	// Joins lists how each extra file was joined: key columns and match rate.
	Joins []JoinInfo `json:"joins,omitempty"`
	// DimsSkipped is set when the dimension columns were left unread
	// (loaders.Options.SkipDims): Dims is empty whatever the file holds.
	// The first part of a deferred load (loaders.LoadDeferred) has it,
	// and no ids or emails either, until its Deferred reads them.
	DimsSkipped bool `json:"dims_skipped,omitempty"`
	// Snapshots compares each pair of consecutive snapshots when several
	// files were read as snapshots of one object.
	Snapshots []SnapshotStep `json:"snapshots,omitempty"`
	// Mappings is the mapping each file was read with, in the order of
	// Files (nil where none made the data, as for the demo): reading the
	// files with them gives this dataset. Never modify one; copy it
	// (Mapping.Clone) to edit.
	Mappings []*mapping.Mapping `json:"-"`
}

// ColumnInfo is what the loader made of one input column: its type from
// a sample of values, the role it was given and how sure that is.
type ColumnInfo struct {
	File       string   `json:"file"`
	Index      int      `json:"index"` // 0-based position in the file
	Name       string   `json:"name"`
	Type       string   `json:"type"`             // date, datetime, yes/no, integer, money, id, category, text, ...
	Format     string   `json:"format,omitempty"` // date layout, yes/no spelling, currency
	Role       string   `json:"role,omitempty"`   // "" when the column is not used
	Confidence float64  `json:"confidence"`       // 0..1
	Rows       int      `json:"rows"`             // values sampled
	Blank      int      `json:"blank"`
	Distinct   int      `json:"distinct"`
	Samples    []string `json:"samples,omitempty"`
	// Top is the column's most frequent values in the sample with their
	// counts (every value of a category of up to 64).
	Top []ValueCount `json:"top,omitempty"`
}

// ValueCount is one value of a column and how often a sample has it.
type ValueCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// JoinInfo is one join between files: which columns matched and how many
// records found a partner.
type JoinInfo struct {
	File    string  `json:"file"`     // the file joined
	Onto    string  `json:"onto"`     // the file (or joined set) it was joined to
	Key     string  `json:"key"`      // column in File
	OntoKey string  `json:"onto_key"` // column in Onto
	Kind    string  `json:"kind"`     // "stage history" or "leads and deals"
	Matched int     `json:"matched"`  // records of File that matched
	Total   int     `json:"total"`    // records of File
	Rate    float64 `json:"rate"`     // Matched / Total
}

// SnapshotStep compares two consecutive snapshots of one object (files of
// the same records exported on different days).
type SnapshotStep struct {
	From     string `json:"from"` // the earlier file
	To       string `json:"to"`   // the later file
	FromDate string `json:"from_date"`
	ToDate   string `json:"to_date"`
	Both     int    `json:"both"`    // ids in both
	Dropped  int    `json:"dropped"` // ids only in From
	New      int    `json:"new"`     // ids only in To
	Changed  int    `json:"changed"` // ids in both whose stage value changed
}

// Problem is one located issue with the input: a skipped row or a fatal error.
type Problem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column,omitempty"` // 1-based; 0 when the whole row
	Field    string `json:"field,omitempty"`  // the column's header
	Found    string `json:"found,omitempty"`
	Expected string `json:"expected,omitempty"`
	Reason   string `json:"reason"`
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	fmt.Fprintf(&b, ":%d", p.Line)
	if p.Column > 0 {
		fmt.Fprintf(&b, ":%d", p.Column)
	}
	b.WriteString(": ")
	b.WriteString(p.Reason)
	if p.Field != "" {
		fmt.Fprintf(&b, " in column %q", p.Field)
	}
	if p.Found != "" || p.Expected != "" {
		fmt.Fprintf(&b, ": found %q, expected %s", p.Found, p.Expected)
	}
	return b.String()
}
