package loaders

// pickDims keeps the columns worth breaking down by: categories, yes/no
// columns and short texts that repeat, the owner first; not empty
// columns, dates, measures, unique ids or free text.
func (in *inference) pickDims() {
	m := in.m
	if m.Shape == ShapeHistory {
		return
	}
	var owners, rest []string
	for _, c := range in.cols {
		// The stage column is not a dimension: breaking the funnel down by
		// it (Closed Lost) would find the outcome itself.
		if in.taken(c.Index) || c.Index == in.stage || c.Index == in.status || c.Index == in.wonFlag {
			continue
		}
		if !in.dimWorthy(c) {
			continue
		}
		if isOwner(c) {
			owners = append(owners, c.Name)
			in.set(c.Index, "owner (dimension)", 0.7)
			continue
		}
		rest = append(rest, c.Name)
		if !in.taken(c.Index) {
			in.set(c.Index, "dimension", 0.5)
		}
	}
	if len(owners) > 0 {
		m.Owner, owners = owners[0], owners[1:]
	}
	m.Dims = append(append(owners, m.Dims...), rest...)
	if len(m.Dims) > 40 {
		m.Dims = m.Dims[:40]
	}
}

func (in *inference) dimWorthy(c *ColumnProfile) bool {
	small := c.NonBlank() < 30
	if idName(c.words) && !isOwner(c) {
		return false // other objects' ids
	}
	switch c.Type {
	case TypeEmpty, TypeDate, TypeDateTime, TypeEmail:
		return false
	case TypeBool:
		return c.Distinct >= 2 || c.Blank > 0
	case TypeInt, TypeNumber, TypeMoney:
		return c.Distinct <= 12 && !small && !hasAny(c.words, wordSet("number", "count", "times", "days", "score", "age",
			"quantity", "amount", "value", "revenue", "probability", "percent", "rate", "balance", "duration",
			// parts of a date (Salesforce FiscalQuarter, FiscalYear): they
			// restate when a record closes, which periods show, not a segment
			"fiscal", "quarter", "qtr", "year", "fy", "month", "week", "period"))
	case TypeID:
		return isOwner(c)
	case TypeText:
		if c.AvgLen > 60 {
			return false
		}
		return small || c.Distinct*10 <= c.NonBlank()*9
	}
	if c.AvgLen > 60 {
		return false
	}
	return c.Distinct >= 2 || c.Blank > 0
}
