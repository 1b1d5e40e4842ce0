package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/out/outfile"
)

func newImportCmd(s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Convert data kept in other shapes into dataset files",
		Args:  cobra.ArbitraryArgs,
		RunE:  parentRunE,
	}
	cmd.AddCommand(newImportMatrixCmd(s))
	cmd.AddCommand(newImportSurveyCmd(s))
	return cmd
}

type importMatrixOptions struct {
	file      string
	as        string
	sheet     string
	orgColumn string
	skip      []string
	roles     bool
	output    string
	force     bool
}

func newImportMatrixCmd(s *streams) *cobra.Command {
	var o importMatrixOptions
	cmd := &cobra.Command{
		Use:     "matrix FILE --as participation|attendance",
		Short:   "Convert a wide sheet (organizations x forums or meetings, a mark where they took part) into participation.csv or attendance.csv",
		Long:    helpLong("import-matrix"),
		Example: helpExample("import-matrix"),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr(errors.New("import matrix needs one argument, the file to convert"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runImportMatrix(cmd.Context(), s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.as, "as", "", "what the columns are: participation (forums) or attendance (meetings)")
	f.StringVar(&o.sheet, "sheet", "", "the workbook sheet to read (default: the first)")
	f.StringVar(&o.orgColumn, "org-column", "", "heading of the column of organization ids (default: org, organization or id, else the first column)")
	f.StringSliceVar(&o.skip, "skip", []string{"name", "sector"}, "headings of columns that are not forums or meetings, comma-separated")
	f.BoolVar(&o.roles, "roles", false, "participation: take a cell's text (chair, member, ...) as the role")
	f.StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	f.BoolVar(&o.force, "force", false, "overwrite the -o file when it exists")
	return cmd
}

func runImportMatrix(ctx context.Context, s *streams, o importMatrixOptions) error {
	if err := noPseudonyms(s, "import matrix"); err != nil {
		return err
	}
	var as, what, group string
	switch o.as {
	case "participation":
		as, what, group = data.FileParticipation, "memberships", "forums"
	case "attendance":
		as, what, group = data.FileAttendance, "attendances", "meetings"
		if o.roles {
			return usageErr(errors.New("--roles applies to --as participation"))
		}
	case "":
		return usageErr(errors.New("import matrix needs --as participation or --as attendance"))
	default:
		return usageErr(fmt.Errorf("unknown --as %q (want participation or attendance)", o.as))
	}
	if o.output != "" {
		if err := outfile.Check(o.output, o.force, o.file); err != nil {
			return usageErr(err)
		}
	}
	f, err := openInput(o.file, "file")
	if err != nil {
		return err
	}
	defer f.Close()
	d, err := data.ReadMatrix(f, o.file, data.MatrixOptions{As: as, Sheet: o.sheet, OrgColumn: o.orgColumn, Skip: o.skip, Roles: o.roles})
	if err != nil {
		return reportProblems(s, o.file, "", err, "written")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	write := func(w io.Writer) error { return data.WriteFile(w, as, d) }
	if o.output == "" {
		err = write(s.Out)
	} else {
		err = outfile.Write(ctx, o.output, write)
	}
	if err != nil {
		return err
	}
	orgs, groups := data.MatrixSize(d)
	fmt.Fprintf(s.Err, "sectornet: %d %s of %d organizations in %d %s\n", len(d.Memberships)+len(d.Attendance), what, orgs, groups, group)
	return nil
}
