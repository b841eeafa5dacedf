package loaders

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

// A load without the dimension columns, ids and emails (Options.SkipDims,
// SkipIDs) reads every other column as a full load does: the same
// records, rows read, used and skipped, problems, decisions, stage dates,
// exits, amounts; only Dims, IDs and Emails are empty, and Load says so.
func TestSkipDimsReadsTheRestTheSame(t *testing.T) {
	files, _ := filepath.Glob(fx + "*.csv")
	if dir := realDir(); dir != "" {
		more, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
		files = append(files, more...)
	}
	n := 0
	for _, p := range files {
		full, err0 := LoadFiles(context.Background(), []string{p}, Options{})
		lean, err1 := LoadFiles(context.Background(), []string{p}, Options{SkipDims: true, SkipIDs: true})
		if (err0 == nil) != (err1 == nil) || (err0 != nil && err0.Error() != err1.Error()) {
			t.Errorf("%s: errors differ: full %v, without dims %v", p, err0, err1)
			continue
		}
		if err0 != nil {
			continue
		}
		if lean.Load.DimsSkipped && len(lean.Dims) != 0 {
			t.Errorf("%s: %d dims with DimsSkipped %v", p, len(lean.Dims), lean.Load.DimsSkipped)
		}
		if !lean.Load.DimsSkipped {
			continue // history logs and joins read their dims as always
		}
		n++
		freeze(full)
		freeze(lean)
		if lean.IDs.Len() != 0 || lean.Emails.Len() != 0 {
			t.Errorf("%s: %d ids and %d emails read with SkipIDs", p, lean.IDs.Len(), lean.Emails.Len())
		}
		full.Dims, full.IDs, full.Emails = nil, model.Strings{}, model.Strings{}
		lean.Dims = nil
		lean.Load.DimsSkipped = false
		if !reflect.DeepEqual(full, lean) {
			t.Errorf("%s: a load without dims differs in another column:\nfull %+v\nlean %+v", p, full.Load, lean.Load)
		}
	}
	if n == 0 {
		t.Fatal("no file was loaded without its dims")
	}
	t.Logf("%d of %d files", n, len(files))
}
