package main

import (
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

// streams are the command's standard streams, injected so tests can run
// commands in process.
type streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer

	// tables, when not nil, receives the tables a command would print,
	// instead of standard output (the report collects them this way).
	tables func([]*out.Table)

	// pseudo holds --pseudonymize and --keep-attrs; nil outside the root
	// command's flags.
	pseudo *pseudonymFlags
}

// writeTables prints ts in format f, or hands them to s.tables.
func writeTables(s *streams, f out.Format, ts ...*out.Table) error {
	if s.tables != nil {
		s.tables(ts)
		return nil
	}
	return out.WriteTables(s.Out, f, ts...)
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
)

// exitErr is an error carrying its exit status.
type exitErr struct {
	code int
	err  error
}

func (e *exitErr) Error() string { return e.err.Error() }
func (e *exitErr) Unwrap() error { return e.err }

func usageErr(err error) error { return &exitErr{code: exitUsage, err: err} }

func exitCode(err error) int {
	var e *exitErr
	if errors.As(err, &e) {
		return e.code
	}
	return exitError
}

func newRootCmd(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "sectornet",
		Short: "Map and measure cross-sector stakeholder networks",
		Long: `sectornet turns a partnership's records (organizations and their sectors,
forum memberships, meeting attendance, collaboration surveys) into networks,
measures and figures. Every command reads a dataset folder of CSV files, or
an Excel workbook (.xlsx) with one sheet per file (see 'sectornet init'); with
neither it uses the embedded sample dataset.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetIn(s.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageErr(err) })
	if s.pseudo == nil {
		s.pseudo = &pseudonymFlags{}
	}
	s.pseudo.add(root)
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
	)
	return root
}
