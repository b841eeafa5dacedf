package views

import (
	"context"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mapping"
	"github.com/funnel-cli/funnel/model/query"
)

// Remapper is how the column screen reads the files on screen again with
// the mappings it edited, and writes mapping files. cmd/funnel makes it
// over package loaders (which tui does not import), so the screen only
// edits mapping.Mapping values: the loader reads with them and writes
// them, the same way `funnel init` does.
type Remapper struct {
	// Reload reads the files again, each with its mapping in maps (by
	// file name, as in Load.Files), reporting bytes done of total (0 when
	// unknown) through progress; cancelling ctx stops it.
	Reload func(ctx context.Context, maps map[string]*mapping.Mapping, progress func(done, total int64)) (*model.Dataset, error)
	// File is the text of the mapping file that reads file name (one of
	// ld.Files) with m, in TOML when toml is set, else YAML.
	File func(name string, m *mapping.Mapping, ld model.LoadInfo, toml bool) ([]byte, error)
	// Paths are the files' paths by name: a saved mapping goes beside its
	// file by default, and never over an input.
	Paths map[string]string
	// NoReload says why the files cannot be read again ("" when they
	// can): standard input, for one, cannot be read twice.
	NoReload string
}

// DataMsg asks the root to show another dataset in place of the one on
// screen (the files read again with an edited mapping): every view is
// built again over Engine (prepared), keeping the state where it still
// reads on the new data (a filter that names what the new reading has not
// is dropped), and Then, when set, makes the view to open over the top
// view (the column screen, where the user was) with that state.
type DataMsg struct {
	Engine *query.Engine
	Then   func(Common, State) View
}
