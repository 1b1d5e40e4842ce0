package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
	"github.com/sectornet/sectornet/out/outfile"
)

func newReportCmd(s *streams) *cobra.Command {
	var output, title, kind string
	var net networkFlags
	cmd := &cobra.Command{
		Use:     "report [DIR] [-o OUT]",
		Short:   "Write report.html (one file: the story, the map, profiles, methods), report.md and every figure and table (the main job)",
		Long:    helpLong("report"),
		Example: helpExample("report"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			ro := out.ReportOptions{Title: title, Auto: !cmd.Flags().Changed("basis"), Kind: kind, Made: reportDate()}
			return runReport(cmd.Context(), s, datasetDir(args), output, net, ro)
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "sectornet-report", "the report folder (created if needed)")
	cmd.Flags().StringVar(&title, "title", "", `the report's title (default "Cross-sector network report")`)
	cmd.Flags().StringVar(&kind, "kind", "", "the sector balance covers only forums of this kind (forum, board, ... as in forums.csv)")
	net.add(cmd)
	return cmd
}

// runReport writes the report of the dataset in dir into the folder
// output; ro is the report's options but for its network (net).
func runReport(ctx context.Context, s *streams, dir, output string, net networkFlags, ro out.ReportOptions) error {
	if s.pseudo != nil && s.pseudo.key != "" && keyInside(s.pseudo.key, output) {
		return usageErr(fmt.Errorf("--pseudonymize %s: the key file would be inside the report folder %s, which is what you publish; keep it elsewhere", s.pseudo.key, output))
	}
	d, err := loadDataset(ctx, s, dir)
	if err != nil {
		return err
	}
	if err := requireData(dir, d); err != nil {
		return err
	}
	// No progress bars or status lines per measure: the report draws its
	// own progress line.
	a := out.NewAnalysis(d, out.AnalysisOptions{Source: dir, Layout: childLayout, LiteralCSV: s.raw, Context: ctx})
	// Built beside the folder and moved in only when whole: an interrupt
	// or an error leaves the previous report as it was.
	folder, err := outfile.Stage(ctx, output)
	if err != nil {
		return err
	}
	defer folder.Discard()
	tty := terminal(s.Err) // status lines go to the terminal itself, not through plainWriter
	if ro.Network, err = net.spec(); err != nil {
		return err
	}
	r, err := out.WriteReport(ctx, a, ro, folder, func(step, total int, what string) {
		n := fmt.Sprintf("%d/%d", step, total)
		if total == 0 {
			n = "building:"
		}
		if tty != nil {
			s.line.Draw(tty, "sectornet report: "+n+" "+out.PlainText(what))
		} else {
			fmt.Fprintf(s.Err, "sectornet report: %s %s\n", n, what)
		}
	})
	if errors.Is(err, out.ErrNothingToReport) {
		// A dataset with nothing to draw is a problem of the data, as an
		// empty one is for every command (loadDataset).
		return &exitErr{code: exitInvalid, err: err}
	}
	if err == nil {
		err = folder.Commit()
	}
	if err != nil {
		return err
	}
	if tty != nil {
		s.line.Clear(tty)
	}
	fmt.Fprintf(s.Err, "sectornet report: wrote %s: report.html, report.md, references.bib, %d figure files and %d table files\n", output, r.FigureFiles(), r.TableFiles())
	return nil
}

// reportDate is the date a report says it was made: today, or the day of
// SOURCE_DATE_EPOCH (seconds since 1970) for reproducible builds.
func reportDate() string {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC().Format("2006-01-02")
		}
	}
	return time.Now().Format("2006-01-02")
}
