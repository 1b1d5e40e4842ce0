package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

type validateOptions struct {
	dir string
}

func newValidateCmd(s *streams) *cobra.Command {
	var o validateOptions
	return &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a dataset and print every problem as FILE:LINE: message",
		Example: `  sectornet validate mydata
  mydata/participation.csv:14: org "R9": unknown organization (did you mean "R09"?)`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runValidate(cmd.Context(), s, o)
		},
	}
}

func runValidate(ctx context.Context, s *streams, o validateOptions) error {
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.Out, "ok: %d organizations in %d sectors, %d forums, %d memberships, %d meetings, %d attendances, %d ties in %d waves, %d quotas\n",
		len(d.Orgs), len(d.Sectors), len(d.Forums), len(d.Memberships), len(d.Meetings), len(d.Attendance), len(d.Ties), len(d.Waves()), len(d.Quotas))
	return nil
}
