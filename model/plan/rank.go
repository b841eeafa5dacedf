package plan

import "sort"

// ChannelStat is what one channel delivered over a window.
type ChannelStat struct {
	Name      string `json:"name"`
	Leads     int    `json:"leads"`
	Customers int    `json:"customers"`
	Revenue   int64  `json:"revenue"` // cents
	// Cost (cents) over the same window; CostKnown false when not given.
	Cost      int64 `json:"cost"`
	CostKnown bool  `json:"cost_known"`
	// LeadToCustomer is Customers / Leads.
	LeadToCustomer float64 `json:"lead_to_customer"`
	// CAC is Cost / Customers (cents), ROI (Revenue − Cost) / Cost; both 0
	// when cost is unknown (and CAC when there are no customers).
	CAC float64 `json:"cac"`
	ROI float64 `json:"roi"`
	// Ranks (1 = best) by leads, customers, revenue and ROI (0 when the
	// channel has no cost).
	RankLeads     int `json:"rank_leads"`
	RankCustomers int `json:"rank_customers"`
	RankRevenue   int `json:"rank_revenue"`
	RankROI       int `json:"rank_roi"`
}

// RankChannels fills the derived numbers and ranks, and returns the channels
// ordered by customers (then revenue, then ROI, then name): judged by the
// bottom of the funnel, not by lead volume.
func RankChannels(cs []ChannelStat) []ChannelStat {
	out := append([]ChannelStat(nil), cs...)
	for i := range out {
		c := &out[i]
		c.LeadToCustomer = ratio(float64(c.Customers), float64(c.Leads))
		c.CAC, c.ROI = 0, 0
		if c.CostKnown {
			c.CAC = ratio(float64(c.Cost), float64(c.Customers))
			if c.Cost > 0 {
				c.ROI = float64(c.Revenue-c.Cost) / float64(c.Cost)
			}
		}
	}
	rank := func(less func(a, b ChannelStat) bool, set func(c *ChannelStat, r int), ok func(c ChannelStat) bool) {
		idx := make([]int, 0, len(out))
		for i := range out {
			if ok(out[i]) {
				idx = append(idx, i)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool { return less(out[idx[a]], out[idx[b]]) })
		for r, i := range idx {
			set(&out[i], r+1)
		}
	}
	all := func(ChannelStat) bool { return true }
	rank(func(a, b ChannelStat) bool { return a.Leads > b.Leads }, func(c *ChannelStat, r int) { c.RankLeads = r }, all)
	rank(func(a, b ChannelStat) bool { return a.Customers > b.Customers }, func(c *ChannelStat, r int) { c.RankCustomers = r }, all)
	rank(func(a, b ChannelStat) bool { return a.Revenue > b.Revenue }, func(c *ChannelStat, r int) { c.RankRevenue = r }, all)
	rank(func(a, b ChannelStat) bool { return a.ROI > b.ROI }, func(c *ChannelStat, r int) { c.RankROI = r },
		func(c ChannelStat) bool { return c.CostKnown && c.Cost > 0 })
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		switch {
		case x.Customers != y.Customers:
			return x.Customers > y.Customers
		case x.Revenue != y.Revenue:
			return x.Revenue > y.Revenue
		case x.ROI != y.ROI:
			return x.ROI > y.ROI
		}
		return x.Name < y.Name
	})
	return out
}
