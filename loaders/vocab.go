package loaders

import (
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// vocab is a CRM's default stage list: the open stages in order, and the
// values that mean won, lost or disqualified.
type vocab struct {
	name    string   // "Salesforce opportunity stages"
	stages  []string // open stages, top first (display names)
	aliases map[string]string
	won     []string
	wonName string // the won stage's name ("Won", "Converted", "Customer")
	lost    []string
	dq      []string
}

// vocabs are the known default stage lists. Values match in any case and
// spacing (norm).
var vocabs = []vocab{
	{name: "Salesforce opportunity stages", stages: []string{"Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
		"Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review"},
		won: []string{"Closed Won"}, wonName: "Won", lost: []string{"Closed Lost"}},
	{name: "Salesforce lead statuses", stages: []string{"Open - Not Contacted", "Working - Contacted"},
		won: []string{"Closed - Converted"}, wonName: "Converted", dq: []string{"Closed - Not Converted"}},
	{name: "Salesforce Classic lead statuses", stages: []string{"Open", "Contacted", "Qualified"},
		won: []string{"Converted"}, wonName: "Converted", dq: []string{"Unqualified"}},
	{name: "HubSpot deal stages", stages: []string{"Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled",
		"Decision Maker Bought-In", "Contract Sent"}, won: []string{"Closed Won"}, wonName: "Won", lost: []string{"Closed Lost"}},
	{name: "HubSpot lifecycle stages", stages: []string{"Subscriber", "Lead", "MQL", "SQL", "Opportunity"},
		aliases: map[string]string{"marketingqualifiedlead": "MQL", "salesqualifiedlead": "SQL"},
		won:     []string{"Customer", "Evangelist"}, wonName: "Customer"},
	{name: "Pipedrive deal stages", stages: []string{"Qualified", "Contact Made", "Demo Scheduled", "Proposal Made", "Negotiations Started"},
		won: []string{"Won"}, wonName: "Won", lost: []string{"Lost"}},
	{name: "Dynamics 365 sales stages", stages: []string{"Qualify", "Develop", "Propose", "Close"},
		aliases: map[string]string{"1qualify": "Qualify", "2develop": "Develop", "3propose": "Propose", "4close": "Close"},
		won:     []string{"Won"}, wonName: "Won", lost: []string{"Lost"}},
	{name: "Dynamics 365 lead statuses", stages: []string{"New", "Contacted"},
		won: []string{"Qualified"}, wonName: "Qualified", dq: []string{"Disqualified", "Lost", "Cannot Contact", "No Longer Interested", "Canceled"}},
	{name: "Zoho deal stages", stages: []string{"Qualification", "Needs Analysis", "Value Proposition", "Identify Decision Makers",
		"Proposal/Price Quote", "Negotiation/Review"}, won: []string{"Closed Won"}, wonName: "Won",
		lost: []string{"Closed Lost", "Closed-Lost to Competition", "Closed Lost to Competition"}},
	{name: "Zoho lead statuses", stages: []string{"Not Contacted", "Attempted to Contact", "Contact in Future", "Contacted", "Pre-Qualified"},
		won: []string{"Qualified", "Converted"}, wonName: "Qualified", dq: []string{"Not Qualified", "Junk Lead", "Lost Lead"}},
	{name: "the demand waterfall (lead, MQL, SQL, opportunity)", stages: []string{"Visitor", "Lead", "MQL", "SAL", "SQL", "Opportunity", "POC"},
		aliases: map[string]string{"inquiry": "Lead", "marketingqualifiedlead": "MQL", "salesacceptedlead": "SAL",
			"salesqualifiedlead": "SQL", "salesqualified": "SQL", "marketingqualified": "MQL", "productqualifiedlead": "PQL"},
		won: []string{"Customer", "Won", "Closed Won"}, wonName: "Won", lost: []string{"Lost", "Closed Lost"}, dq: []string{"Disqualified", "Unqualified"}},
}

// stageIndex returns the open-stage index of value v in the vocabulary, or -1.
func (v *vocab) stageIndex(s string) int {
	n := norm(s)
	for k, st := range v.stages {
		if norm(st) == n {
			return k
		}
	}
	if a, ok := v.aliases[n]; ok {
		for k, st := range v.stages {
			if st == a {
				return k
			}
		}
	}
	return -1
}

// outcome kinds of a stage or status value
type outcome uint8

const (
	outNone outcome = iota // a stage, or unknown
	outOpen                // "Open", "Active", "In progress": still in play, no stage
	outWon
	outLost
	outDQ
	outChurn
	outClosed // "Closed" alone: closed, won or lost unknown
	outSide   // "On hold", "Nurturing", "Paused": open, a side state outside the stage order
)

func (o outcome) exit() model.ExitKind {
	switch o {
	case outWon:
		return model.ExitWon
	case outLost, outClosed:
		return model.ExitLost
	case outDQ:
		return model.ExitDisqualified
	case outChurn:
		return model.ExitChurned
	}
	return model.ExitOpen
}

var outcomeWords = map[string]outcome{
	"won": outWon, "win": outWon, "wins": outWon, "closedwon": outWon, "wonclosed": outWon, "success": outWon, "successful": outWon,
	"converted": outWon, "closedconverted": outWon, "signed": outWon, "booked": outWon, "purchased": outWon, "subscribed": outWon,
	"customer": outWon, "paid": outWon, "ganada": outWon, "ganado": outWon, "gewonnen": outWon, "gagne": outWon,
	"lost": outLost, "loss": outLost, "closedlost": outLost, "lostclosed": outLost, "closedlosttocompetition": outLost,
	"closedabandoned": outLost, "abandoned": outLost, "dead": outLost, "failed": outLost, "failure": outLost, "rejected": outLost,
	"declined": outLost, "cancelled": outLost, "canceled": outLost, "perdida": outLost, "perdido": outLost, "verloren": outLost, "perdu": outLost,
	"disqualified": outDQ, "dq": outDQ, "unqualified": outDQ, "notqualified": outDQ, "junk": outDQ, "junklead": outDQ,
	"closednotconverted": outDQ, "spam": outDQ, "invalid": outDQ, "lostlead": outDQ,
	"churned": outChurn, "churn": outChurn,
	"open": outOpen, "active": outOpen, "inprogress": outOpen, "pending": outOpen, "ongoing": outOpen,
	"closed": outClosed,
}

// valueOutcome classifies a stage or status value: "Closed Won" and "won"
// are won, "Closed: abandoned" lost, "Prospecting" none. A value that
// starts with "closed" reads its remainder.
func valueOutcome(s string) outcome {
	n := norm(s)
	if o, ok := outcomeWords[n]; ok {
		return o
	}
	if isSideState(n) {
		return outSide
	}
	if strings.HasPrefix(n, "closed") && len(n) > 6 {
		rest := n[6:]
		if o, ok := outcomeWords[rest]; ok && o != outOpen {
			return o
		}
		switch {
		case strings.Contains(rest, "notconverted"), strings.Contains(rest, "unqualified"), strings.Contains(rest, "disqualified"):
			return outDQ
		case strings.Contains(rest, "won"), strings.Contains(rest, "converted"):
			return outWon
		}
		return outLost
	}
	return outNone
}

// sideWords start the values of side states in any CRM: parked deals and
// leads that are still open but on no step of the way to won ("On hold /
// future opportunity", "Nurturing", "Recycled").
var sideWords = []string{"onhold", "paused", "parked", "dormant", "snoozed", "nurture", "nurturing", "recycled",
	"deferred", "postponed", "onice"}

func isSideState(n string) bool {
	for _, w := range sideWords {
		if strings.HasPrefix(n, w) {
			return true
		}
	}
	return false
}

// resultWords are yes/no values of a result column ("y", "outcome").
func boolOutcome(b bool) outcome {
	if b {
		return outWon
	}
	return outLost
}

// matchVocab finds the known vocabulary that covers the most of the open
// stage values (at least 60% of them, weighted by rows); nil if none does.
func matchVocab(values []ValueCount) (*vocab, float64) {
	var best *vocab
	bestScore := 0.0
	for i := range vocabs {
		v := &vocabs[i]
		hit, all := 0, 0
		for _, vc := range values {
			o := valueOutcome(vc.Value)
			if o != outNone && o != outOpen || v.isOutcome(vc.Value) {
				continue // outcomes are shared by most CRMs: only stages tell
			}
			all += vc.Count
			if v.stageIndex(vc.Value) >= 0 {
				hit += vc.Count
			}
		}
		if all == 0 || hit == 0 {
			continue
		}
		score := float64(hit) / float64(all)
		if score > bestScore+1e-9 {
			best, bestScore = v, score
		}
	}
	if bestScore < 0.6 {
		return nil, bestScore
	}
	return best, bestScore
}

// isOutcome says whether s is one of the vocabulary's won, lost or
// disqualified values.
func (v *vocab) isOutcome(s string) bool {
	n := norm(s)
	for _, l := range [][]string{v.won, v.lost, v.dq} {
		for _, x := range l {
			if norm(x) == n {
				return true
			}
		}
	}
	return false
}

// valuesOf lists the column's values that are the vocabulary's stage s.
func (v *vocab) valuesOf(s string, c *ColumnProfile) []string {
	var out []string
	for _, vc := range c.values() {
		if k := v.stageIndex(vc.Value); k >= 0 && v.stages[k] == s {
			out = append(out, vc.Value)
		}
	}
	return out
}
