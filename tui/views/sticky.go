package views

import (
	"fmt"
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/query"
)

// StickyKeys are the sticky points view's bindings.
type StickyKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Drill, Sort key.Binding
}

// DefaultStickyKeys returns the sticky points view's key map.
func DefaultStickyKeys() StickyKeys {
	return StickyKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
		Drill:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "records lost in this slice")),
		Sort:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "sort by lost conversions/value")),
	}
}

// stickyData is one finished FindSticky run and what it was asked.
type stickyData struct {
	opt    insight.StickyOptions
	window insight.Period
	dated  bool
	res    insight.StickyResult
	// findings: significant and converting below the rest, in res order
	findings []insight.StickyPoint
	tooFew   int // slices below the minimum sample
	better   int // significant, converting above the rest
	// sel is the records the ranking is about (the state's filter, cut at
	// its as-of date); filter is that filter ("" for none); err is a filter
	// that could not be applied (nothing is ranked then).
	sel    *query.Selection
	filter string
	err    error
}

// Sticky is the ranked list of sticky points: slices that convert worse
// than the rest at a transition, beyond chance, with what that costs.
type Sticky struct {
	common   Common
	keys     StickyKeys
	state    State
	job      *job[stickyData]
	data     *stickyData
	byValue  bool
	cursor   int
	offset   int
	width    int
	height   int
	asked    bool  // a computation was started for computed
	computed State // the filter and as-of last asked for
}

// NewSticky builds the view; the ranking is computed in the background
// when the view starts (Init) or the filter or as-of date changes.
func NewSticky(c Common, st State) *Sticky {
	return &Sticky{common: c, keys: DefaultStickyKeys(), state: st}
}

func (s *Sticky) Title() string    { return filteredTitle("Sticky points", s.state.Filter) }
func (s *Sticky) SetSize(w, h int) { s.width, s.height = w, h; s.clamp() }

// Init starts the computation.
func (s *Sticky) Init() tea.Cmd { return s.start() }

// Ready reports whether the ranking has been computed.
func (s *Sticky) Ready() bool { s.poll(); return s.data != nil }

// Findings are the sticky points in the order shown.
func (s *Sticky) Findings() []insight.StickyPoint {
	s.poll()
	if s.data == nil {
		return nil
	}
	return s.data.findings
}

// Cursor is the selected finding's position.
func (s *Sticky) Cursor() int { return s.cursor }

func (s *Sticky) start() tea.Cmd {
	if s.asked && s.computed.Filter == s.state.Filter && s.computed.AsOf == s.state.AsOf {
		return nil
	}
	s.asked, s.computed = true, s.state
	eng, st := s.common.Engine, s.state
	var cmd tea.Cmd
	s.job, cmd = startJob(func() stickyData { return computeStickyFor(eng, st) })
	return cmd
}

// poll adopts the result of the current job once it is done.
func (s *Sticky) poll() {
	if s.job.ready() {
		d := s.job.res
		s.data, s.job = &d, nil
		s.sortFindings()
		s.clamp()
	}
}

// computeStickyFor ranks the sticky points of the records the state's
// filter selects, as of its date, in the whole data's calendar (the
// window is the same with or without a filter).
func computeStickyFor(eng *query.Engine, st State) stickyData {
	sel, err := stateSelection(eng, st)
	if err != nil {
		return stickyData{err: err, filter: st.Filter}
	}
	d := computeSticky(sel.Data, analysisDay(eng.Data(), st))
	d.sel, d.filter = sel, st.Filter
	return d
}

func computeSticky(ds *model.Dataset, asOf int32) stickyData {
	opt := insight.StickyOptionsFor(ds, asOf)
	w, _, dated := insight.StickyWindow(ds, asOf)
	d := stickyData{opt: opt, window: w, dated: dated, res: insight.FindSticky(ds, opt)}
	for _, p := range d.res.Points {
		switch {
		case p.TooFew:
			d.tooFew++
		case p.Finding():
			d.findings = append(d.findings, p)
		case p.Significant:
			d.better++
		}
	}
	return d
}

func (s *Sticky) sortFindings() {
	if s.data == nil {
		return
	}
	f := s.data.findings
	if s.byValue {
		sort.SliceStable(f, func(a, b int) bool { return f[a].LostValue > f[b].LostValue })
		return
	}
	sort.SliceStable(f, func(a, b int) bool { return f[a].LostConversions > f[b].LostConversions })
}

func (s *Sticky) Update(msg tea.Msg) tea.Cmd {
	s.poll()
	switch msg := msg.(type) {
	case StateMsg:
		s.state = msg.State
		return s.start()
	case tea.MouseClickMsg:
		if s.data != nil {
			if k := msg.Y - stickyHeadLines + s.offset; k >= s.offset && k < min(len(s.data.findings), s.offset+s.bodyHeight()) {
				s.cursor = k
			}
		}
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *Sticky) key(km tea.KeyPressMsg) tea.Cmd {
	if s.data == nil {
		return nil
	}
	page := max(1, s.bodyHeight()-1)
	switch {
	case key.Matches(km, s.keys.Up):
		s.cursor--
	case key.Matches(km, s.keys.Down):
		s.cursor++
	case key.Matches(km, s.keys.PageUp):
		s.cursor -= page
	case key.Matches(km, s.keys.PageDown):
		s.cursor += page
	case key.Matches(km, s.keys.Top):
		s.cursor = 0
	case key.Matches(km, s.keys.Bottom):
		s.cursor = len(s.data.findings) - 1
	case key.Matches(km, s.keys.Sort):
		s.byValue = !s.byValue
		s.sortFindings()
		s.cursor = 0
	case key.Matches(km, s.keys.Drill):
		if s.cursor < len(s.data.findings) {
			p := s.data.findings[s.cursor]
			rows := s.data.sel.OriginalRows(insight.LostRecords(s.data.sel.Data, s.data.res, p))
			title := fmt.Sprintf("%s=%s not past %s", p.Dimension, p.Value, p.Stage)
			if s.data.filter != "" {
				title += " where " + s.data.filter
			}
			return Push(NewRecords(s.common, title, rows))
		}
	}
	s.clamp()
	return nil
}

func (s *Sticky) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Down, s.keys.Drill, s.keys.Sort}
}

func (s *Sticky) FullHelp() [][]key.Binding {
	k := s.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Drill, k.Sort}}
}

func (s *Sticky) clamp() {
	n := 0
	if s.data != nil {
		n = len(s.data.findings)
	}
	s.cursor = min(max(s.cursor, 0), max(0, n-1))
	h := s.bodyHeight()
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+h {
		s.offset = s.cursor - h + 1
	}
	s.offset = max(0, min(s.offset, n-h))
}
