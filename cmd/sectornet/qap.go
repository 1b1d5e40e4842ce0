package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

func newQAPCmd(s *streams) *cobra.Command {
	var outcome, model, null string
	var predict []string
	var qo graph.QAPOptions
	var sel graph.TieSelection
	var survey surveyFlags
	cmd := viewCmd(s, "qap [DIR]", "QAP and MRQAP regression of a dyadic outcome (a tie, a new tie, a weight or a score) on dyadic predictors, as R sna netlm and netlogit", func(*cobra.Command, viewArgs) (view, error) {
		var err error
		if qo.Null, err = graph.ParseQAPNull(null); err != nil {
			return nil, usageErr(fmt.Errorf("--null: %w", err))
		}
		if sel.Rule, sel.Missing, err = survey.parse(); err != nil {
			return nil, err
		}
		r := out.QAPRequest{Outcome: outcome, Predict: predict, AutoModel: model == "auto", Selection: sel, Options: qo}
		if !r.AutoModel {
			if r.Options.Model, err = graph.ParseQAPModel(model); err != nil {
				return nil, usageErr(fmt.Errorf("--model: %w", err))
			}
		}
		if (outcome == "") != (len(predict) == 0) {
			return nil, usageErr(errors.New("give both --outcome and --predict, or neither for the forum effect of the last two waves"))
		}
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			r.Options.Progress = progress(s, "QAP permutations")
			return out.QAPView(ctx, a, r)
		}, nil
	})
	f := cmd.Flags()
	f.StringVar(&outcome, "outcome", "", "the dyadic outcome (default: new:W1:W2 of the last two waves)")
	f.StringSliceVar(&predict, "predict", nil, "the dyadic predictors, comma-separated (default: coparticipation:W1:W2,same-sector,degree-sum:W1)")
	f.StringVar(&model, "model", "auto", "lm (least squares, sna netlm), logit (logistic, sna netlogit), or auto: logit for tie: and new: outcomes, lm otherwise")
	f.StringVar(&null, "null", "qapspp", "permutation scheme: qapy (permute the outcome) or qapspp (Dekker et al.'s semi-partialling)")
	f.IntVar(&qo.Permutations, "permutations", 1000, "permutations per coefficient (sna's reps; 0 for none)")
	f.Uint64Var(&qo.Seed, "seed", 1, "random seed of the permutations")
	f.StringVar(&sel.Type, "type", "", "tie-based terms read only ties of this type")
	survey.add(cmd)
	return cmd
}
