package demo

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// LeadsHeader is the column layout WriteLeadsCSV writes: one row per lead,
// one date column per stage (created is the Lead stage).
var LeadsHeader = []string{"lead_id", "created", "email", "company", "channel", "campaign", "segment", "owner",
	"mql_date", "sal_date", "sql_date", "opportunity_date", "won_date", "status", "status_date", "reason", "amount"}

// WriteLeadsCSV writes a demo dataset in the date-per-stage layout.
func WriteLeadsCSV(w io.Writer, ds *model.Dataset) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(LeadsHeader); err != nil {
		return err
	}
	rec := make([]string, len(LeadsHeader))
	for i := 0; i < ds.Len(); i++ {
		rec = rec[:0]
		rec = append(rec, ds.IDs.At(i), model.DayString(ds.Days[0][i]), ds.Emails.At(i))
		rec = append(rec, ds.Dim("company").Value(i), ds.Dim("channel").Value(i), ds.Dim("campaign").Value(i),
			ds.Dim("segment").Value(i), ds.Dim("owner").Value(i))
		for k := 1; k < len(ds.Stages); k++ {
			rec = append(rec, model.DayString(ds.Days[k][i]))
		}
		amount := ""
		if ds.Amount[i] != 0 {
			amount = strconv.FormatInt(ds.Amount[i]/100, 10) + ".00"
		}
		rec = append(rec, ds.Exit[i].String(), model.DayString(ds.ExitDay[i]), ds.Reason.Value(i), amount)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// LeadsCSV returns the dataset as CSV text (for tests and small fixtures).
func LeadsCSV(ds *model.Dataset) string {
	var b strings.Builder
	_ = WriteLeadsCSV(&b, ds)
	return b.String()
}
