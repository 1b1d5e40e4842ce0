package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

func newValidateCmd(s *streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:     "validate [DIR]",
		Short:   "Check a dataset and print every problem as FILE:LINE: message",
		Long:    helpLong("validate"),
		Example: helpExample("validate"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := usage(out.ParseFormat(format))
			if err != nil {
				return err
			}
			dir := datasetDir(args)
			if f != out.FormatTable {
				return validateRecords(cmd.Context(), s, dir, f)
			}
			d, err := loadDataset(cmd.Context(), s, dir)
			if err != nil {
				return err
			}
			line := "ok: " + out.DatasetCounts(d, data.IsWorkbook(dir))
			if s.sample {
				line += out.SampleMark
			}
			_, err = fmt.Fprintln(s.Out, line)
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table (the messages, one a line), json or csv (records), md or tex")
	return cmd
}

// validateRecords writes the problems and warnings of the dataset in dir
// as records in format f; a dataset with problems still exits 3.
func validateRecords(ctx context.Context, s *streams, dir string, f out.Format) error {
	quiet := &streams{In: s.In, Out: s.Out, Err: io.Discard, pseudo: s.pseudo}
	d, loadErr := loadDataset(ctx, quiet, dir)
	var problems, warnings []graph.Warning
	droppedP, droppedW := 0, 0
	var list *data.List
	switch {
	case loadErr == nil:
		warnings = d.Warnings
	case errors.As(loadErr, &list):
		problems, warnings = list.Findings()
		droppedP, droppedW = list.Dropped, list.DroppedWarnings
	default:
		return loadErr
	}
	// Files as the text messages name them: under the dataset's folder.
	for _, ws := range [][]graph.Warning{problems, warnings} {
		for i := range ws {
			switch {
			case ws[i].File == "":
				ws[i].File = dir
			case dir != "" && !data.IsWorkbook(dir):
				ws[i].File = dir + string(os.PathSeparator) + ws[i].File
			}
		}
	}
	if err := out.FindingsTable(problems, warnings, droppedP, droppedW).Write(s.Out, s.format(f)); err != nil {
		return err
	}
	return loadErr
}
