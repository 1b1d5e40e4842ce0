package main

import (
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

func newImportMatrixCmd(s *streams) *cobra.Command {
	var mo data.MatrixOptions
	var as, output string
	var force bool
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
			if err := noPseudonyms(s, "import matrix"); err != nil {
				return err
			}
			var what, group string
			switch as {
			case "participation":
				mo.As, what, group = data.FileParticipation, "memberships", "forums"
			case "attendance":
				mo.As, what, group = data.FileAttendance, "attendances", "meetings"
				if mo.Roles {
					return usageErr(errors.New("--roles applies to --as participation"))
				}
			case "":
				return usageErr(errors.New("import matrix needs --as participation or --as attendance"))
			default:
				return usageErr(fmt.Errorf("unknown --as %q (want participation or attendance)", as))
			}
			file := args[0]
			if output != "" {
				if err := outfile.Check(output, force, file); err != nil {
					return usageErr(err)
				}
			}
			f, err := openInput(file, "file")
			if err != nil {
				return err
			}
			defer f.Close()
			d, err := data.ReadMatrix(f, file, mo)
			if err != nil {
				return reportProblems(s, file, "", err, "written")
			}
			if err := cmd.Context().Err(); err != nil {
				return err
			}
			if err := writeOutput(cmd.Context(), s, output, func(w io.Writer) error { return data.WriteFile(w, mo.As, d) }); err != nil {
				return err
			}
			orgs, groups := data.MatrixSize(d)
			fmt.Fprintf(s.Err, "sectornet: %d %s of %d organizations in %d %s\n", len(d.Memberships)+len(d.Attendance), what, orgs, groups, group)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&as, "as", "", "what the columns are: participation (forums) or attendance (meetings)")
	f.StringVar(&mo.Sheet, "sheet", "", "the workbook sheet to read (default: the first)")
	f.StringVar(&mo.OrgColumn, "org-column", "", "heading of the column of organization ids (default: org, organization or id, else the first column)")
	f.StringSliceVar(&mo.Skip, "skip", []string{"name", "sector"}, "headings of columns that are not forums or meetings, comma-separated")
	f.BoolVar(&mo.Roles, "roles", false, "participation: take a cell's text (chair, member, ...) as the role")
	f.StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	f.BoolVar(&force, "force", false, "overwrite the -o file when it exists")
	return cmd
}
