package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

func newSurveyCmd(s *streams) *cobra.Command {
	var so out.SurveyOptions
	var survey surveyFlags // --symmetrize and --missing, with survey's own help
	var prose bool
	cmd := viewCmd(s, "survey [DIR]", "The survey waves' data quality: response rates, reciprocity of the reports, observed-cell density and E-I, sensitivity to the symmetrization rule, PARTNER trust and value", func(*cobra.Command, viewArgs) (view, error) {
		var err error
		so.Rule, so.Missing, err = survey.parse()
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			if _, err := out.SurveyWaves(a.Dataset, so.Wave); err != nil {
				return nil, err
			}
			if err := graph.CheckTieType(a.Dataset, so.Wave, so.Type); err != nil {
				return nil, usageErr(err)
			}
			if !prose {
				return out.SurveyView(ctx, a, so)
			}
			return nil, out.WriteSurveyProse(s.Out, a, so)
		}, err
	})
	f := cmd.Flags()
	f.StringVar(&so.Wave, "wave", "", "only this wave (default: every wave; the sensitivity table shows the latest)")
	f.StringVar(&so.Type, "type", "", "only reports of this tie type")
	f.StringVar(&survey.symmetrize, "symmetrize", "max", "the rule the data-quality text and methods paragraph describe: max, min, union, reciprocated or respondent-only")
	f.StringVar(&survey.missing, "missing", "reconstruct", "ties of nonrespondents: reconstruct (from their partners' reports) or drop")
	f.BoolVar(&so.Directed, "directed", false, "add every organization's out-degree and in-degree per wave")
	f.BoolVar(&so.Ties, "ties", false, "add every tie's PARTNER scores")
	f.BoolVar(&prose, "prose", false, "print the data-quality items and the methods paragraph as text")
	return cmd
}
