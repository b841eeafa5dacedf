package loadinfo

import (
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// Tables is what y copies and :export writes: the loader's decisions and
// the skipped rows it listed, with file, line, column and reason.
func (l *Model) Tables() []tabular.Table {
	ld := l.common.Data().Load
	dec := tabular.Table{Name: "decisions", Title: "How the data was read", Columns: []tabular.Column{{Name: "Decision", Kind: tabular.KindText}}}
	for _, d := range ld.Decisions {
		dec.Rows = append(dec.Rows, []tabular.Cell{{Str: d}})
	}
	dec.Footnotes = []string{"Files: " + format.Clean(joinFiles(ld.Files)) + "; rows read " + format.Count(ld.Read) +
		" = used " + format.Count(ld.Used) + " + skipped " + format.Count(ld.Skipped) + "."}
	sk := tabular.Table{Name: "skipped_rows", Title: "Skipped rows", Columns: []tabular.Column{{Name: "File", Kind: tabular.KindText},
		{Name: "Line", Kind: tabular.KindCount}, {Name: "Column", Kind: tabular.KindCount}, {Name: "Field", Kind: tabular.KindText},
		{Name: "Found", Kind: tabular.KindText}, {Name: "Expected", Kind: tabular.KindText}, {Name: "Reason", Kind: tabular.KindText}}}
	for _, p := range ld.Problems {
		sk.Rows = append(sk.Rows, []tabular.Cell{{Str: p.File}, {Num: float64(p.Line)}, {Num: float64(p.Column), Null: p.Column == 0},
			{Str: p.Field}, {Str: p.Found}, {Str: p.Expected}, {Str: p.Reason}})
	}
	if n := ld.Skipped - len(ld.Problems); n > 0 {
		sk.Footnotes = []string{format.Plural(n, "more skipped row", "more skipped rows") + " not listed."}
	}
	return []tabular.Table{dec, sk}
}

func joinFiles(fs []string) string {
	out := ""
	for i, f := range fs {
		if i > 0 {
			out += ", "
		}
		out += f
	}
	return out
}
