package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// newManCmd prints the manual page: the root command, every subcommand
// and the help topics, in roff (man 7), so `funnel man > funnel.1` and
// `man ./funnel.1` work.
func newManCmd(ios *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page (roff): funnel man > funnel.1 && man ./funnel.1",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(c *cobra.Command, _ []string) error {
			return writeMan(ios.Out, c.Root())
		},
	}
}

func writeMan(w io.Writer, root *cobra.Command) error {
	var b strings.Builder
	name := root.Name()
	fmt.Fprintf(&b, ".TH %s 1 \"\" %s \"User Commands\"\n", strings.ToUpper(name), roffQuote(name+" "+root.Version))
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", name, roffText(root.Short))
	b.WriteString(".SH SYNOPSIS\n")
	cmds := manCommands(root)
	for _, c := range append([]*cobra.Command{root}, cmds...) {
		fmt.Fprintf(&b, ".B %s\n%s\n.br\n", c.CommandPath(), roffText(strings.TrimPrefix(c.UseLine(), c.CommandPath()+" ")))
	}
	b.WriteString(".SH DESCRIPTION\n")
	roffBody(&b, root.Long)
	b.WriteString(".SH OPTIONS\n")
	roffFlags(&b, root.NonInheritedFlags())
	for _, c := range cmds {
		fmt.Fprintf(&b, ".SH COMMAND: %s\n", strings.ToUpper(c.Name()))
		roffBody(&b, firstNonEmpty(c.Long, c.Short))
		if c.HasAvailableFlags() {
			b.WriteString(".SS Options\n")
			roffFlags(&b, c.NonInheritedFlags())
		}
		if c.Example != "" {
			b.WriteString(".SS Examples\n")
			roffPre(&b, c.Example)
		}
	}
	for _, t := range root.Commands() {
		if t.IsAdditionalHelpTopicCommand() {
			var page strings.Builder
			t.SetOut(&page)
			t.HelpFunc()(t, nil)
			fmt.Fprintf(&b, ".SH %s\n", strings.ToUpper(t.Name()))
			roffBody(&b, page.String())
		}
	}
	b.WriteString(".SH EXAMPLES\n")
	roffPre(&b, root.Example)
	b.WriteString(".SH EXIT STATUS\n0 ok; 1 bad input (the located error on standard error); 2 bad usage.\n")
	b.WriteString(".SH SEE ALSO\nfunnel help filters, funnel help keys, funnel help mapping, funnel completion \\-\\-help\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// manCommands are the subcommands with a page section: runnable, not
// hidden, not cobra's help.
func manCommands(root *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() && c.Runnable() && c.Name() != "help" && c.Name() != "man" {
			out = append(out, c)
		}
	}
	return out
}

// roffBody writes text as paragraphs: blank lines separate them, and lines
// indented by two or more spaces are kept as they are (examples, tables).
func roffBody(b *strings.Builder, text string) {
	var para []string
	flush := func() {
		if len(para) > 0 {
			b.WriteString(".PP\n" + roffText(strings.Join(para, " ")) + "\n")
			para = nil
		}
	}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.TrimSpace(l) == "":
			flush()
		case strings.HasPrefix(l, "  "):
			flush()
			var pre []string
			for ; i < len(lines) && (strings.HasPrefix(lines[i], "  ") || strings.TrimSpace(lines[i]) == "" && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "  ")); i++ {
				pre = append(pre, lines[i])
			}
			i--
			roffPre(b, strings.Join(pre, "\n"))
		default:
			para = append(para, strings.TrimSpace(l))
		}
	}
	flush()
}

// roffPre writes lines verbatim (no filling), indented.
func roffPre(b *strings.Builder, text string) {
	b.WriteString(".PP\n.RS 2\n.nf\n")
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		b.WriteString(roffText(strings.TrimPrefix(l, "  ")) + "\n")
	}
	b.WriteString(".fi\n.RE\n")
}

func roffFlags(b *strings.Builder, fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		arg, usage := pflag.UnquoteUsage(f)
		head := "\\fB\\-\\-" + roffText(f.Name) + "\\fR"
		if f.Shorthand != "" {
			head = "\\fB\\-" + f.Shorthand + "\\fR, " + head
		}
		if arg != "" {
			head += " \\fI" + roffText(arg) + "\\fR"
		}
		fmt.Fprintf(b, ".TP\n%s\n%s\n", head, roffText(usage))
	})
}

// roffText escapes text for roff: backslashes, and a leading . or '
// that would read as a request.
func roffText(s string) string {
	var e strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			e.WriteString(`\e`)
		case r == '-':
			e.WriteString(`\-`)
		case r > 0x7e:
			fmt.Fprintf(&e, `\[u%04X]`, r) // groff and mandoc read any Unicode character this way
		default:
			e.WriteRune(r)
		}
	}
	s = e.String()
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			lines[i] = `\&` + l
		}
	}
	return strings.Join(lines, "\n")
}

func roffQuote(s string) string { return `"` + strings.ReplaceAll(roffText(s), `"`, `\(dq`) + `"` }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
