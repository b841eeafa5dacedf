package loaders

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"funnel/model"
)

// Options steer a load.
type Options struct {
	// Stages renames the stages (in the order of the stage date columns).
	Stages []string
}

// LoadFile opens path read-only and loads it.
func LoadFile(path string, opt Options) (*model.Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Load(f, filepath.Base(path), opt)
}

// column roles in a date-per-stage file
type role int

const (
	roleDim role = iota
	roleID
	roleEmail
	roleStage
	roleStatus
	roleStatusDate
	roleReason
	roleAmount
)

func classify(h string) role {
	n := strings.ToLower(strings.TrimSpace(h))
	switch {
	case n == "id" || n == "lead_id" || n == "record_id" || n == "contact_id" || n == "deal_id":
		return roleID
	case strings.Contains(n, "email"):
		return roleEmail
	case n == "status" || n == "exit" || n == "outcome":
		return roleStatus
	case n == "status_date" || n == "exit_date" || n == "closed_date" || n == "lost_date":
		return roleStatusDate
	case strings.Contains(n, "reason"):
		return roleReason
	case n == "amount" || n == "value" || n == "deal_value" || n == "deal_amount":
		return roleAmount
	case n == "created" || n == "created_at" || n == "create_date" || n == "created_date" ||
		strings.HasSuffix(n, "_date") || strings.HasSuffix(n, " date") || strings.HasSuffix(n, "_at"):
		return roleStage
	}
	return roleDim
}

// stageName turns "mql_date" into "MQL" and "opportunity_date" into "Opportunity".
func stageName(h string) string {
	n := strings.ToLower(strings.TrimSpace(h))
	for _, suf := range []string{"_date", " date", "_at"} {
		n = strings.TrimSuffix(n, suf)
	}
	switch n {
	case "created", "create", "lead":
		return "Lead"
	case "mql", "sql", "sal", "pql", "poc":
		return strings.ToUpper(n)
	}
	n = strings.ReplaceAll(n, "_", " ")
	if n == "" {
		return h
	}
	return strings.ToUpper(n[:1]) + n[1:]
}

// Load reads a CSV with one row per record and one date column per stage.
func Load(r io.Reader, name string, opt Options) (*model.Dataset, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errorf(name, 1, 0, "", "an empty file", "a header row", "no data")
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	header = append([]string(nil), header...)
	roles := make([]role, len(header))
	var stageCols []int
	ds := &model.Dataset{HasDates: true}
	dimOf := make([]*model.Dim, len(header))
	for c, h := range header {
		roles[c] = classify(h)
		switch roles[c] {
		case roleStage:
			stageCols = append(stageCols, c)
			ds.Stages = append(ds.Stages, stageName(h))
		case roleDim:
			dimOf[c] = model.NewDim(strings.TrimSpace(h), 0)
			ds.Dims = append(ds.Dims, dimOf[c])
		case roleReason:
			ds.Reason = model.NewDim("reason", 0)
			dimOf[c] = ds.Reason
		}
	}
	if len(stageCols) == 0 {
		return nil, errorf(name, 1, 0, "", strings.Join(header, ","), "at least one stage date column (created, mql_date, ...)", "no stage columns")
	}
	if len(opt.Stages) > 0 {
		if len(opt.Stages) != len(stageCols) {
			return nil, fmt.Errorf("%s: --stages names %d stages but the file has %d stage date columns (%s)",
				name, len(opt.Stages), len(stageCols), strings.Join(ds.Stages, ", "))
		}
		ds.Stages = append([]string(nil), opt.Stages...)
	}
	if len(ds.Stages) > model.MaxStages {
		return nil, errorf(name, 1, 0, "", strconv.Itoa(len(ds.Stages))+" stage columns", fmt.Sprintf("at most %d", model.MaxStages), "too many stages")
	}
	ds.Days = make([][]int32, len(stageCols))
	load := &ds.Load
	load.Files = []string{name}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				load.Read++
				load.Skipped++
				load.Problems = append(load.Problems, model.Problem{File: name, Line: pe.StartLine,
					Found: fmt.Sprintf("%d fields", len(rec)), Expected: fmt.Sprintf("%d fields as in the header", len(header)),
					Reason: "wrong number of fields"})
				continue
			}
			return nil, csvError(name, err)
		}
		load.Read++
		if p, ok := addRow(ds, rec, header, roles, dimOf, stageCols, name, line, cr); !ok {
			load.Skipped++
			load.Problems = append(load.Problems, p)
			continue
		}
		load.Used++
	}
	for _, d := range dimOf {
		if d != nil {
			d.Freeze()
		}
	}
	if ds.Reason == nil {
		ds.Reason = model.NewDim("reason", 0)
		ds.Reason.Codes = make([]uint32, ds.Len())
	}
	return ds, ds.Validate()
}

// addRow appends one record, or says why the row cannot be used.
func addRow(ds *model.Dataset, rec, header []string, roles []role, dimOf []*model.Dim, stageCols []int,
	name string, line int, cr *csv.Reader) (model.Problem, bool) {
	var mask uint16
	days := make([]int32, len(stageCols)) // small; escape analysis keeps it on the stack
	for k, c := range stageCols {
		v := strings.TrimSpace(rec[c])
		days[k] = model.NoDay
		if v == "" {
			continue
		}
		d, ok := parseISODate(v)
		if !ok {
			_, col := cr.FieldPos(c)
			return model.Problem{File: name, Line: line, Column: col, Field: header[c], Found: v,
				Expected: "a date like 2025-03-14", Reason: "unreadable date"}, false
		}
		days[k] = d
		mask |= 1 << k
	}
	if mask == 0 {
		return model.Problem{File: name, Line: line, Reason: "no stage date: the record reached no stage"}, false
	}
	exit, exitDay, amount := model.ExitOpen, model.NoDay, int64(0)
	for c, v := range rec {
		switch roles[c] {
		case roleStatus:
			exit = parseExit(v)
		case roleStatusDate:
			if d, ok := parseISODate(strings.TrimSpace(v)); ok {
				exitDay = d
			}
		case roleAmount:
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				amount = int64(f*100 + 0.5)
			}
		}
	}
	for k := range stageCols {
		ds.Days[k] = append(ds.Days[k], days[k])
	}
	ds.Reached = append(ds.Reached, mask)
	ds.Exit = append(ds.Exit, exit)
	ds.ExitDay = append(ds.ExitDay, exitDay)
	ds.Amount = append(ds.Amount, amount)
	for c, v := range rec {
		switch roles[c] {
		case roleID:
			ds.IDs.Append(v)
		case roleEmail:
			ds.Emails.Append(v)
		case roleDim, roleReason:
			dimOf[c].Append(strings.TrimSpace(v))
		}
	}
	return model.Problem{}, true
}

func parseExit(v string) model.ExitKind {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "disqualified", "dq", "unqualified", "junk":
		return model.ExitDisqualified
	case "lost", "closed lost", "closed-lost":
		return model.ExitLost
	case "churned", "churn":
		return model.ExitChurned
	case "won", "closed won", "closed-won", "customer":
		return model.ExitWon
	}
	return model.ExitOpen
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			return errorf(name, pe.StartLine, 0, "", fmt.Sprintf("a quote problem at line %d, column %d", pe.Line, pe.Column),
				"quoted fields to close their quotes (\"\" for a quote inside)", "unterminated or stray quote in the row starting here")
		}
		return errorf(name, pe.StartLine, pe.Column, "", "", "", pe.Err.Error())
	}
	return fmt.Errorf("%s: %w", name, err)
}
