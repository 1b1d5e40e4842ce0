package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/data"
)

func newGenerateCmd(s *streams) *cobra.Command {
	var gen data.GenerateOptions
	var output string
	var force bool
	cmd := &cobra.Command{
		Use:     "generate -o DIR",
		Short:   "Write a synthetic dataset of any size, for teaching and load testing",
		Long:    helpLong("generate"),
		Example: helpExample("generate"),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if output == "" {
				return usageErr(errors.New("generate needs -o DIR, the folder to write"))
			}
			if err := noPseudonyms(s, "generate"); err != nil {
				return err
			}
			d, err := data.Generate(gen)
			if err != nil {
				return usageErr(err)
			}
			if err := writeFolder(cmd.Context(), output, data.FilesOf(d), force, func(n string, w io.Writer) error { return data.WriteFile(w, n, d) }); err != nil {
				return err
			}
			fmt.Fprintf(s.Err, "sectornet: wrote %d organizations, %d forums, %d memberships, %d meetings, %d attendances, %d ties (seed %d) to %s\n",
				len(d.Orgs), len(d.Forums), len(d.Memberships), len(d.Meetings), len(d.Attendance), len(d.Ties), gen.Seed, output)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&gen.Orgs, "orgs", 1000, "number of organizations")
	f.Float64Var(&gen.ForumSize, "forum-size", 16, "mean members per forum")
	f.Float64Var(&gen.Memberships, "memberships", 2.5, "mean forums per organization")
	f.IntVar(&gen.MaxMemberships, "max-memberships", 12, "cap on forums per organization, minus one")
	f.Uint64Var(&gen.Seed, "seed", 1, "random seed")
	f.StringVarP(&output, "output", "o", "", "folder to write")
	f.BoolVar(&force, "force", false, "overwrite dataset files that already exist")
	return cmd
}
