package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type surveyOptions struct {
	dir, format           string
	table                 string // --table: print only this table
	wave, tieType         string
	symmetrize, missing   string
	directed, ties, prose bool
}

func newSurveyCmd(s *streams) *cobra.Command {
	var o surveyOptions
	cmd := &cobra.Command{
		Use:     "survey [DIR]",
		Short:   "The survey waves' data quality: response rates, reciprocity of the reports, observed-cell density and E-I, sensitivity to the symmetrization rule, PARTNER trust and value",
		Long:    helpLong("survey"),
		Example: helpExample("survey"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runSurvey(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	f := cmd.Flags()
	f.StringVar(&o.wave, "wave", "", "only this wave (default: every wave; the sensitivity table shows the latest)")
	f.StringVar(&o.tieType, "type", "", "only reports of this tie type")
	f.StringVar(&o.symmetrize, "symmetrize", "max", "the rule the data-quality text and methods paragraph describe: max, min, union, reciprocated or respondent-only")
	f.StringVar(&o.missing, "missing", "reconstruct", "ties of nonrespondents: reconstruct (from their partners' reports) or drop")
	f.BoolVar(&o.directed, "directed", false, "add every organization's out-degree and in-degree per wave")
	f.BoolVar(&o.ties, "ties", false, "add every tie's PARTNER scores")
	f.BoolVar(&o.prose, "prose", false, "print the data-quality items and the methods paragraph as text")
	return cmd
}

func runSurvey(ctx context.Context, s *streams, o surveyOptions) error {
	format, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	rule, err := graph.ParseRule(o.symmetrize)
	if err != nil {
		return usageErr(err)
	}
	missing, err := graph.ParseMissing(o.missing)
	if err != nil {
		return usageErr(err)
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	if _, err := out.SurveyWaves(a.Dataset, o.wave); err != nil {
		return err
	}
	if err := graph.CheckTieType(a.Dataset, o.wave, o.tieType); err != nil {
		return usageErr(err)
	}
	if o.prose {
		if s.sample {
			fmt.Fprintln(s.Out, strings.TrimSpace(out.SampleMark))
		}
		q := a.Quality(o.tieType, missing)
		for _, it := range out.DataQuality(a.Dataset, q, rule, missing) {
			fmt.Fprintln(s.Out, "- "+it)
		}
		fmt.Fprintf(s.Out, "\n%s\n", out.MethodsParagraph(a.Dataset, q, rule, missing))
		return nil
	}
	v, err := out.SurveyView(ctx, a, out.SurveyOptions{Wave: o.wave, Type: o.tieType, Rule: rule, Missing: missing, Directed: o.directed, Ties: o.ties})
	return writeView(s, format, o.table, v, err)
}
