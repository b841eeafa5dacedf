package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/tui"
)

// Exit codes.
const (
	exitOK       = 0
	exitBadInput = 1 // the data (or a file) is wrong: the located error on stderr
	exitUsage    = 2 // the invocation is wrong: a flag, an argument, a name
)

// usageError marks errors that are the user's invocation, not the data.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// exitCode decides the exit code from the error's type, in one place.
func exitCode(err error) int {
	var ue usageError
	var oe *tui.OpenError
	var le *loaders.Error
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &le):
		return exitBadInput
	case errors.As(err, &ue), errors.As(err, &oe):
		return exitUsage
	}
	return exitBadInput
}

// usageArgs makes a cobra argument check's error a usage error.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if err := check(c, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// run executes the command line and returns the exit code.
func run(args []string, ios *IO) int {
	root := newRootCmd(ios, nil)
	root.SetArgs(args)
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.Err)
	err := root.Execute()
	if err != nil {
		fmt.Fprintln(ios.Err, "funnel:", err)
	}
	return exitCode(err)
}
