package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

type reportOptions struct {
	dir    string
	output string
}

func newReportCmd(s *streams) *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report [DIR] [-o OUT]",
		Short: "Write every diagram, chart and table, and report.md that links them (the main job)",
		Long: `Write a report folder (default sectornet-report/):

  report.md   the headline numbers for the backbone staff (sector balance
              and its breaches, the E-I index, the top brokers, new
              cross-sector ties and the forum effect), linking every file
  figures/    every diagram and chart, in SVG and PNG
  tables/     every table of summary, balance, centrality, sectors,
              brokers, communities, change, firsts and suggest, in CSV,
              Markdown and LaTeX

Each part is what the command of the same name prints with its defaults;
parts the dataset cannot give (change without two survey waves, firsts
without meetings) are listed as skipped with the reason. Re-running replaces
the files it writes and leaves any other file in the folder alone. A
progress line goes to stderr.`,
		Example: `  sectornet report                      # the embedded sample, into sectornet-report/
  sectornet report mydata -o mydata-report`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runReport(cmd.Context(), s, o)
		},
	}
	cmd.Flags().StringVarP(&o.output, "output", "o", "sectornet-report", "the report folder (created if needed)")
	return cmd
}

func runReport(ctx context.Context, s *streams, o reportOptions) error {
	if s.pseudo != nil && s.pseudo.key != "" && keyInside(s.pseudo.key, o.output) {
		return usageErr(fmt.Errorf("--pseudonymize %s: the key file would be inside the report folder %s, which is what you publish; keep it elsewhere", s.pseudo.key, o.output))
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	if err := requireData(o.dir, d); err != nil {
		return err
	}
	// No progress bars or status lines per measure: the report draws its
	// own progress line.
	a := out.NewAnalysis(d, out.AnalysisOptions{Source: o.dir, Layout: childLayout})
	for _, sub := range []string{"", "figures", "tables"} {
		if err := os.MkdirAll(filepath.Join(o.output, sub), 0o755); err != nil {
			return fmt.Errorf("%s: cannot create the report folder: %v", o.output, errors.Unwrap(err))
		}
	}
	tty := terminal(s.Err) != nil
	r, err := out.WriteReport(ctx, a, reportFolder(o.output), func(step, total int, what string) {
		if tty {
			fmt.Fprintf(s.Err, "\rsectornet report: %d/%d %-40s", step, total, what)
		} else {
			fmt.Fprintf(s.Err, "sectornet report: %d/%d %s\n", step, total, what)
		}
	})
	if err != nil {
		return err
	}
	if tty {
		fmt.Fprint(s.Err, "\r")
	}
	fmt.Fprintf(s.Err, "sectornet report: wrote %s: %d figure files, %d table files and report.md %-20s\n", o.output, r.FigureFiles(), r.TableFiles(), "")
	return nil
}

// reportFolder writes the report's files atomically under its folder.
type reportFolder string

func (f reportFolder) WriteFile(name string, write func(io.Writer) error) error {
	return writeFileAtomic(filepath.Join(string(f), filepath.FromSlash(name)), write)
}
