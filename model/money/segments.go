package money

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mapping"
	"github.com/funnel-cli/funnel/model/stats"
)

// SegmentRule puts a record in an ICP segment (model/mapping, where the
// mapping file's rules are read into).
type SegmentRule = mapping.SegmentRule

// Segment is one ICP segment's funnel.
type Segment struct {
	Segment    string  `json:"segment"`
	Records    int     `json:"records"`
	Reached    []int   `json:"reached"` // per stage, records reaching it or later
	Won        int     `json:"won"`
	WonRevenue int64   `json:"won_revenue"`
	WinRate    float64 `json:"win_rate_from_top"` // Won / Records
	// Pipeline is the value of the segment's deals (records that reached
	// the opportunity stage, PipelineDeals of them, won and lost included);
	// OpenPipeline that of the OpenDeals still open.
	Pipeline      int64 `json:"pipeline"`
	PipelineDeals int   `json:"pipeline_deals"`
	OpenPipeline  int64 `json:"open_pipeline"`
	OpenDeals     int   `json:"open_deals"`
}

// Segments is the ICP split of a dataset. The segment "(none)" holds
// records no rule matched.
type Segments struct {
	Currency string    `json:"currency"`
	Stages   []string  `json:"stages"`
	Segments []Segment `json:"segments"`
	// Of is each record's segment name ("" for none).
	Of []string `json:"-"`
}

// AssignSegments applies the rules to every record and counts each
// segment's funnel. A rule naming a column the data lacks is an error.
func AssignSegments(ds *model.Dataset, rules []SegmentRule, o Options) (Segments, error) {
	amt, cur, err := amounts(ds, o)
	if err != nil {
		return Segments{}, err
	}
	dims := make([]*model.Dim, len(rules))
	for r, rule := range rules {
		if rule.Segment == "" {
			return Segments{}, fmt.Errorf("segment rule %d has no segment name", r+1)
		}
		if dims[r] = ds.Dim(rule.Column); dims[r] == nil {
			return Segments{}, fmt.Errorf("segment rule %q: the data has no column %q (have %s)",
				rule.Segment, rule.Column, strings.Join(ds.DimNames(), ", "))
		}
		if len(rule.Values) == 0 && rule.Min == nil && rule.Max == nil {
			return Segments{}, fmt.Errorf("segment rule %q: give values or a min/max range", rule.Segment)
		}
	}
	out := Segments{Currency: cur, Stages: ds.Stages, Of: make([]string, ds.Len())}
	index := map[string]int{}
	for _, r := range rules {
		if _, ok := index[r.Segment]; !ok {
			index[r.Segment] = len(out.Segments)
			out.Segments = append(out.Segments, Segment{Segment: r.Segment, Reached: make([]int, len(ds.Stages))})
		}
	}
	last, opp := len(ds.Stages)-1, o.oppStage(ds)
	for i := 0; i < ds.Len(); i++ {
		name := "(none)"
		for r := range rules {
			if ruleMatches(rules[r], dims[r].Value(i)) {
				name = rules[r].Segment
				out.Of[i] = name
				break
			}
		}
		s, ok := index[name]
		if !ok {
			s = len(out.Segments)
			index[name] = s
			out.Segments = append(out.Segments, Segment{Segment: name, Reached: make([]int, len(ds.Stages))})
		}
		seg := &out.Segments[s]
		seg.Records++
		for k := range seg.Reached {
			if reachedAtLeast(ds, i, k) {
				seg.Reached[k]++
			}
		}
		var a int64
		if amt != nil {
			a = amt[i]
		}
		if isWon(ds, i, last) {
			seg.Won++
			seg.WonRevenue += a
		}
		if reachedAtLeast(ds, i, opp) {
			seg.Pipeline += a
			seg.PipelineDeals++
			if ds.Exit[i] == model.ExitOpen {
				seg.OpenPipeline += a
				seg.OpenDeals++
			}
		}
	}
	for s := range out.Segments {
		seg := &out.Segments[s]
		seg.WinRate = stats.Ratio(seg.Won, seg.Records)
		seg.WonRevenue, seg.Pipeline, seg.OpenPipeline = ds.Cents(seg.WonRevenue), ds.Cents(seg.Pipeline), ds.Cents(seg.OpenPipeline)
	}
	return out, nil
}

// ruleMatches says whether value v puts a record in rule r's segment.
func ruleMatches(r SegmentRule, v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	for _, want := range r.Values {
		if strings.EqualFold(strings.TrimSpace(want), v) {
			return true
		}
	}
	if r.Min == nil && r.Max == nil {
		return false
	}
	x, ok := leadingNumber(v)
	if !ok {
		return false
	}
	return (r.Min == nil || x >= *r.Min) && (r.Max == nil || x < *r.Max)
}

// leadingNumber reads the number a value starts with: "1,200" → 1200,
// "51-200" → 51, "500+" → 500.
func leadingNumber(v string) (float64, bool) {
	var b strings.Builder
	for i, c := range v {
		switch {
		case c >= '0' && c <= '9' || c == '.':
			b.WriteRune(c)
		case c == ',' || c == '_' || c == ' ' && b.Len() > 0:
		case c == '-' && i == 0:
			b.WriteRune(c)
		default:
			if b.Len() > 0 {
				return parseNum(b.String())
			}
			return 0, false
		}
	}
	return parseNum(b.String())
}

func parseNum(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f, err == nil
}
