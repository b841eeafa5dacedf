package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui/report"
)

// MoneyFlags are the money flags of the explorer and of `funnel report`.
type MoneyFlags struct {
	Spend    string // spend file path
	Currency string // report currency (ISO code)
	Rates    string // "EUR=1.08,GBP=1.27": units of Currency per unit of each code
}

func addMoneyFlags(cmd *cobra.Command, m *MoneyFlags) {
	fs := cmd.Flags()
	fs.StringVar(&m.Spend, "spend", "", "spend file (channel or campaign, period, amount[, currency]) for cost per lead, CAC, ROI and payback; the demo brings its own")
	fs.StringVar(&m.Currency, "currency", "", "report money in this currency (ISO code, e.g. USD); needed when amounts or spend mix currencies")
	fs.StringVar(&m.Rates, "rates", "", `conversion to --currency, e.g. "EUR=1.08,GBP=1.27" (units of --currency per unit of each)`)
}

// options checks the money flags before any file is read.
func (m MoneyFlags) options() (money.Options, error) {
	var o money.Options
	if c := strings.ToUpper(strings.TrimSpace(m.Currency)); c != "" {
		if len(c) != 3 || strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return o, usageError{fmt.Errorf("--currency %q: expected a 3-letter ISO code, like USD", m.Currency)}
		}
		o.Currency = c
	}
	if m.Rates == "" {
		return o, nil
	}
	if o.Currency == "" {
		return o, usageError{fmt.Errorf("--rates %q needs --currency, the code the rates convert to", m.Rates)}
	}
	r, err := money.ParseRates(m.Rates)
	if err != nil {
		return o, usageError{fmt.Errorf("--rates: %w", err)}
	}
	o.Rates = r
	return o, nil
}

// spend loads the spend table: the --spend file, else the demo's own spend
// when the data is the demo, else none.
func (m MoneyFlags) spend(ds *model.Dataset, isDemo bool) ([]money.SpendRow, error) {
	if m.Spend == "" {
		if isDemo {
			return demo.Spend(ds), nil
		}
		return nil, nil
	}
	rows, _, err := loaders.LoadSpendFile(m.Spend)
	if err != nil {
		var le *loaders.Error
		if errors.As(err, &le) {
			return nil, err // already names the file, line and column
		}
		return nil, fmt.Errorf("--spend %s: %w", m.Spend, err)
	}
	return rows, nil
}

// buildError classes a report.Build error: money that cannot be computed
// from the data (mixed currencies, a missing rate) is bad input (exit 1);
// anything else is about the flags (exit 2).
func buildError(err error) error {
	var me *report.MoneyError
	if errors.As(err, &me) {
		return err
	}
	return usageError{err}
}
