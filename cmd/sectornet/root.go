package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/out"
	"github.com/sectornet/sectornet/out/status"
)

// streams are the command's standard streams, injected so tests can run
// commands in process.
type streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer

	// pseudo holds --pseudonymize and --keep-attrs; nil outside the root
	// command's flags.
	pseudo *pseudonymFlags

	// sample is set when the dataset read is the embedded sample: every
	// table printed then says so in its title.
	sample bool
	// inputs are the files of the dataset read, which no output may
	// replace.
	inputs []string
	// warnings are the dataset's warnings as printed, which every table
	// printed carries as notes.
	warnings []string
	// line is stderr's status line on a terminal (progress.go).
	line status.Line
	// raw is --raw: CSV, Pajek and DL text as it is, not made
	// spreadsheet-safe (see raw.go).
	raw bool
}

// Exit statuses (documented in README.md).
const (
	exitOK      = 0 // success
	exitError   = 1 // a run-time error: a file that cannot be read or written
	exitUsage   = 2 // a bad flag, argument or option value
	exitInvalid = 3 // the dataset has problems (each printed as FILE:LINE: message)
	exitCheck   = 4 // a check found breaches (balance --check)
	// exitInterrupted is the shell's status for a process ended by
	// Ctrl-C (128 + SIGINT).
	exitInterrupted = 130
	// exitTerminated is the shell's status for a process ended by SIGTERM
	// (128 + 15), as a scheduler or `timeout` sends.
	exitTerminated = 143
)

// exitErr is an error carrying its exit status.
type exitErr struct {
	code int
	err  error
}

func (e *exitErr) Error() string { return e.err.Error() }
func (e *exitErr) Unwrap() error { return e.err }

func usageErr(err error) error { return &exitErr{code: exitUsage, err: err} }

// usage returns v, and err as a usage error: what a flag's value parsed
// by graph or out (graph.ParseBasis, out.ParseFormat, ...) gives.
func usage[T any](v T, err error) (T, error) {
	if err != nil {
		return v, usageErr(err)
	}
	return v, nil
}

// exitCode is the exit status of err: its own, the usage status for a
// request the dataset cannot answer (out.RequestError), else exitError.
func exitCode(err error) int {
	var e *exitErr
	if errors.As(err, &e) {
		return e.code
	}
	var r *out.RequestError
	if errors.As(err, &r) {
		return exitUsage
	}
	return exitError
}

func newRootCmd(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:           "sectornet",
		Short:         "Map and measure cross-sector stakeholder networks",
		Long:          helpLong("sectornet"),
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
		// Runnable, so that an unknown command is an error (exit status
		// 2) with a suggestion, not the help text.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return unknownCommand(cmd, args[0])
			}
			return cmd.Help()
		},
		// Every numeric flag is checked against its documented range
		// (flagrange.go) before any command runs.
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error { return checkFlagRanges(cmd) },
	}
	root.SetVersionTemplate("sectornet {{.Version}}\n")
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetIn(s.In)
	root.SetFlagErrorFunc(flagError)
	if s.pseudo == nil {
		s.pseudo = &pseudonymFlags{}
	}
	s.pseudo.add(root)
	root.PersistentFlags().BoolVar(&s.raw, "raw", false, "write CSV tables, the edge list and Pajek and DL labels as they are, for R or pandas: by default text a spreadsheet would evaluate (starting with =, +, -, @, a tab or CR) gets a leading ' (see README, Security notes)")
	root.AddCommand(
		newInitCmd(s),
		newValidateCmd(s),
		newSummaryCmd(s),
		newExportCmd(s),
		newImportCmd(s),
		newGenerateCmd(s),
		newAnalyzeCmd(s),
		newCentralityCmd(s),
		newSectorsCmd(s),
		newBrokersCmd(s),
		newQAPCmd(s),
		newCoreCmd(s),
		newCommunitiesCmd(s),
		newChangeCmd(s), newFirstsCmd(s), newEngagementCmd(s), newSuggestCmd(s),
		newBalanceCmd(s),
		newSurveyCmd(s),
		newBackboneCmd(s),
		newRenderCmd(s), newChartCmd(s), newReportCmd(s), newCiteCmd(s),
		newVersionCmd(s),
	)
	completeFlags(root)
	return root
}

// flagError is the usage error of a bad flag, with the likeliest flag
// for an unknown one (--formt: did you mean --format?).
func flagError(c *cobra.Command, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return usageErr(err)
	}
	var names []string
	visit := func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	}
	c.Flags().VisitAll(visit)
	c.InheritedFlags().VisitAll(visit)
	if hint := data.DidYouMean(name, names); hint != "" {
		hint = strings.Replace(hint, `"`, "--", 1)
		hint = strings.Replace(hint, `"`, "", 1)
		return usageErr(fmt.Errorf("%v (%s)", err, hint))
	}
	return usageErr(err)
}

// unknownCommand is the usage error of a command name cmd does not have,
// with the likeliest one.
func unknownCommand(cmd *cobra.Command, name string) error {
	msg := fmt.Sprintf("unknown command %q for %q", name, cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	if sug := cmd.SuggestionsFor(name); len(sug) > 0 {
		msg += fmt.Sprintf(" (did you mean %q?)", sug[0])
	} else {
		msg += " (see '" + cmd.CommandPath() + " --help')"
	}
	return usageErr(errors.New(msg))
}

// parentRunE makes a command that only groups subcommands (import) an
// error when it is given an unknown subcommand or none.
func parentRunE(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return unknownCommand(cmd, args[0])
	}
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return usageErr(fmt.Errorf("%s needs a subcommand: %s", cmd.CommandPath(), strings.Join(names, ", ")))
}
