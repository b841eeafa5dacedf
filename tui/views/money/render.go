package money

import (
	"fmt"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// renderMoney lays the money view out for a width, as styled lines.
func renderMoney(p *page, d result) []string {
	c, width := p.c, p.width
	st := c.Styles
	var l []string
	title := func(s string) { l = append(l, "", st.Emphasis.Render(format.Truncate(s, width))) }
	muted := func(s string) {
		for _, w := range format.Wrap(s, width) {
			l = append(l, st.Muted.Render(w))
		}
	}
	cur := d.Currency

	head := "Money"
	if cur != "" {
		head += " in " + format.Clean(cur)
	}
	if d.Deals.OpportunityStage != "" {
		head += " · a deal is a record that reached " + format.Clean(d.Deals.OpportunityStage)
	}
	if d.Econ != nil && d.Econ.AsOf != "" {
		head += " · as of " + d.Econ.AsOf
	}
	muted(head)
	if d.Mixed != nil {
		l = append(l, mixedLines(p, d.Mixed)...)
		return l
	}
	if d.DealsErr != nil {
		l = append(l, st.Error.Render(format.Truncate("! "+format.Clean(d.DealsErr.Error()), width)))
	} else {
		l = append(l, dealLines(p, d.Deals, cur)...)
	}

	title("Unit economics by channel")
	switch {
	case d.EconErr != nil:
		l = append(l, st.Error.Render(format.Truncate("! "+format.Clean(d.EconErr.Error()), width)))
	case d.Econ == nil:
		muted("No spend table: pass --spend FILE (channel or campaign, period, amount) for cost per lead, CAC, ROI and payback.")
	default:
		l = append(l, econLines(p, *d.Econ)...)
	}

	title("Accounts")
	switch {
	case d.AccErr != nil:
		l = append(l, st.Error.Render(format.Truncate("! "+format.Clean(d.AccErr.Error()), width)))
	case d.Accounts != nil:
		l = append(l, accountLines(p, *d.Accounts)...)
	default:
		muted("Rolling leads up to accounts…")
	}
	l = append(l, customerLines(p, d)...)
	return append(l, segmentLines(p, d)...)
}

// mixedLines reports the per-currency totals and how to convert them.
func mixedLines(p *page, me *money.MixedCurrencyError) []string {
	c, width := p.c, p.width
	st := c.Styles
	l := []string{"", st.Warn.Render(format.Truncate(fmt.Sprintf(
		"! Amounts are in %d currencies and are not summed. Per currency:", len(me.Totals)), width))}
	var rows [][]string
	for _, ct := range me.Totals {
		code := ct.Currency
		if code == "" {
			code = "(none)"
		}
		rows = append(rows, []string{code, format.Count(ct.Records), format.Money(ct.Amount, ct.Currency), format.Money(ct.Won, ct.Currency)})
	}
	l = append(l, p.table([]mcol{{"Currency", 0, 0}, {"Records", 9, 1}, {"Amount", 16, 1}, {"Won", 16, 2}}, rows, nil)...)
	l = append(l, "", st.Muted.Render(format.Truncate(
		`To convert, pass --currency CODE and --rates "EUR=1.08,GBP=1.27" (units of CODE per unit of each other currency).`, width)),
		st.Muted.Render(format.Truncate("Records: with a non-zero amount; Won: the won part of Amount.", width)))
	return l
}

func dealLines(p *page, dl money.Deals, cur string) []string {
	c, width := p.c, p.width
	// one format for the deal figures and the tables under them
	mon := colMoney(cur, &dl.OpenPipeline, dl.WeightedPipeline, &dl.WonRevenue, dl.ASP, dl.ACV, &dl.LostValue)
	st := c.Styles
	var l []string
	if dl.OpportunityStage == "" {
		return []string{"", st.Muted.Render("No deal stage: the funnel has a single stage.")}
	}
	l = append(l, "", st.Emphasis.Render("Deals and revenue"))
	if !dl.HasAmounts {
		l = append(l, st.Muted.Render(format.Truncate("The data has no amount column: deal counts only.", width)))
	}
	kv := func(k, v, note string) {
		row := "  " + format.PadRight(k, 19) + " " + format.PadLeft(v, 14)
		note = format.Clean(note)
		if ansi.StringWidth(row)+2+ansi.StringWidth(note) <= width {
			l = append(l, row+"  "+st.Muted.Render(note))
			return
		}
		l = append(l, format.Truncate(row, width)) // the note goes under it
		l = append(l, widgets.WrapStyled(st.Muted, "    "+note, width)...)
	}
	opp := format.Clean(dl.OpportunityStage)
	kv("Deals created", format.Count(dl.Created), fmt.Sprintf("reached %s: %s open · %s won · %s lost",
		opp, format.Count(dl.Open), format.Count(dl.Won), format.Count(dl.Lost)))
	if dl.HasAmounts {
		kv("Open pipeline", mon(dl.OpenPipeline), format.Plural(dl.Open, "open deal", "open deals"))
		if dl.WeightedPipeline != nil {
			kv("Weighted pipeline", mon(*dl.WeightedPipeline), fmt.Sprintf("amount × probability over %s of %s open deals",
				format.Count(dl.WeightedDeals), format.Count(dl.Open)))
		} else {
			kv("Weighted pipeline", "—", "no open deal has a probability")
		}
		kv("Won revenue", mon(dl.WonRevenue), format.Plural(dl.Won, "won deal", "won deals"))
		kv("ASP", optMoney(dl.ASP, mon), "won revenue / "+format.Plural(dl.WonWithAmount, "won deal", "won deals")+" with an amount")
		if dl.ACV != nil {
			kv("ACV", mon(*dl.ACV), fmt.Sprintf("amount × 12 / term months over %s won deals with a term", format.Count(dl.ACVDeals)))
		} else {
			kv("ACV", "—", "no won deal has a contract term")
		}
	}
	closed := dl.Won + dl.Lost
	note := fmt.Sprintf("%s won / %s closed (won + lost)", format.Count(dl.Won), format.Count(closed))
	if closed < stats.MinSample {
		note += "; too few closed deals to tell"
	}
	kv("Win rate, closed", format.Percent(dl.WinRateClosed), note)
	kv("Win rate, created", format.Percent(dl.WinRateCreated), fmt.Sprintf("%s won / %s created; lower while %s open",
		format.Count(dl.Won), format.Count(dl.Created), map[bool]string{true: "1 is", false: format.Count(dl.Open) + " are"}[dl.Open == 1]))
	cycle := "—"
	if dl.CycleDeals > 0 {
		cycle = fmt.Sprintf("%g days", dl.SalesCycleMedianDays)
	}
	kv("Sales cycle", cycle, fmt.Sprintf("median, %s to won, over %s with both dates", opp, format.Plural(dl.CycleDeals, "won deal", "won deals")))
	if dl.HasAmounts {
		kv("Lost value", mon(dl.LostValue), format.Plural(dl.Lost, "lost deal", "lost deals"))
		l = append(l, valueTable(p, "Open pipeline by furthest stage", "Stage", dl.PipelineByStage, dl.OpenPipeline, mon)...)
		l = append(l, valueTable(p, "Open pipeline by channel", "Channel", dl.PipelineByChannel, dl.OpenPipeline, mon)...)
		l = append(l, valueTable(p, "Lost value by reason", "Reason", dl.LostByReason, dl.LostValue, mon)...)
	}
	return l
}

// colMoney formats the amounts of one column (cents, nil unknown) in one
// format: whole units throughout when any is 1,000 or more.
func colMoney(cur string, amounts ...*int64) func(int64) string {
	if wholeMoney(amounts) {
		return func(v int64) string { return format.MoneyWhole(v, cur) }
	}
	return func(v int64) string { return format.Money(v, cur) }
}

func optMoney(v *int64, mon func(int64) string) string {
	if v == nil {
		return "—"
	}
	return mon(*v)
}

// valueTable lists deals and value per label, with each label's share of total.
func valueTable(p *page, title, head string, rows []money.ValueRow, total int64, mon func(int64) string) []string {
	c, width := p.c, p.width
	if len(rows) == 0 {
		return nil
	}
	st := c.Styles
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = []string{r.Label, format.Count(r.Deals), mon(r.Amount), format.Percent(r.Share(total))}
	}
	l := []string{"", st.Emphasis.Render(format.Truncate(title, width))}
	return append(l, p.table([]mcol{{head, 0, 0}, {"Deals", 7, 2}, {"Value", 14, 1}, {"Share", 7, 3}}, cells, nil)...)
}

func accountLines(p *page, a money.Accounts) []string {
	c, width := p.c, p.width
	st := c.Styles
	var l []string
	for _, w := range format.Wrap(fmt.Sprintf(
		"%s accounts (company name, else email domain); %s records have no account, %s of them a personal email domain; %s domain-only records joined a company.",
		format.Count(len(a.List)), format.Count(a.Unassigned), format.Count(a.Personal), format.Count(a.ByDomainMerged)), width) {
		l = append(l, st.Muted.Render(w))
	}
	if len(a.Funnel) == 0 || len(a.List) == 0 { // no account: a funnel of zeros says nothing
		return l
	}
	rows := make([][]string, len(a.Funnel))
	for k, s := range a.Funnel {
		step := "—"
		if k > 0 {
			step = format.Percent(s.ConversionFromPrevious)
		}
		rows[k] = []string{s.Stage, format.Count(s.Accounts), step}
	}
	l = append(l, p.table([]mcol{{"Stage", 0, 0}, {"Accounts", 9, 1}, {"Step", 7, 2}}, rows, nil)...)
	l = append(l, st.Muted.Render(format.Truncate("An account reaches a stage when any of its people does; Step: of the stage before.", width)))
	return l
}

// monthRange writes a spend window as "2025-01–2025-10".
func monthRange(from, to string) string {
	if from == to {
		return from
	}
	return from + "–" + to
}
