package main

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type surveyOptions struct {
	dir, format           string
	wave, tieType         string
	symmetrize, missing   string
	directed, ties, prose bool
}

func newSurveyCmd(s *streams) *cobra.Command {
	var o surveyOptions
	cmd := &cobra.Command{
		Use:   "survey [DIR]",
		Short: "The survey waves' data quality: response rates, reciprocity of the reports, observed-cell density and E-I, sensitivity to the symmetrization rule, PARTNER trust and value",
		Long: `What the survey waves behind ties.csv can and cannot say.

- response: respondents per wave (respondents.csv, or inferred from the
  reports when it has no rows for a wave: every table says which), per
  sector and per forum;
- reciprocity: the directed reports (A named B), their arc and dyad
  reciprocity (as NetworkX reciprocity and R sna grecip) and the share of
  ties between two respondents that both named;
- observed: density and E-I index over the dyads each rule can observe
  (at least one side answered, or both), next to the density over all
  pairs, for every --symmetrize rule;
- new_ties_nonrespondents: new ties between consecutive waves that join an
  organization that did not answer the earlier wave;
- sensitivity: the latest (or --wave) wave's ties, density, mean degree,
  E-I index and cross-sector ties under every rule;
- data_quality and methods: the data-quality items and a methods
  paragraph (--prose prints them as text);
- with --directed, every organization's out-degree and in-degree per wave;
- when ties.csv has PARTNER's six dimensions: PARTNER trust and value per
  wave, sector pair and organization (as rated by others), and with --ties
  per tie, next to the trust and value columns.`,
		Example: `  sectornet survey mydata
  sectornet survey mydata --directed --format csv > degrees.csv
  sectornet survey mydata --prose --symmetrize min`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runSurvey(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format)
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
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	waves := d.Waves()
	if len(waves) == 0 {
		return usageErr(errors.New("the dataset has no survey waves (ties.csv or respondents.csv)"))
	}
	if o.wave != "" && !slices.Contains(waves, o.wave) {
		return usageErr(fmt.Errorf("no wave %q (waves: %v)", o.wave, waves))
	}
	q := graph.Quality(d, o.tieType, missing)
	items := out.DataQuality(d, q, rule, missing)
	methods := out.MethodsParagraph(d, q, rule, missing)
	if o.prose {
		for _, it := range items {
			fmt.Fprintln(s.Out, "- "+it)
		}
		fmt.Fprintf(s.Out, "\n%s\n", methods)
		return nil
	}
	ts := out.SurveyTables(d, q, out.SurveyTableOptions{Directed: o.directed, Ties: o.ties, Wave: o.wave})
	sw := o.wave
	if sw == "" {
		sw = waves[len(waves)-1]
	}
	ts = append(ts, out.SensitivityTable(d, sw, o.tieType, missing))
	dq := &out.Table{Name: "data_quality", Title: "Data quality", Columns: []string{"item"}}
	for _, it := range items {
		dq.Add(it)
	}
	mp := &out.Table{Name: "methods", Title: "For the methods section", Columns: []string{"paragraph"}}
	mp.Add(methods)
	ts = append(ts, dq, mp)
	if err := ctx.Err(); err != nil {
		return err
	}
	return writeTables(s, format, ts...)
}
