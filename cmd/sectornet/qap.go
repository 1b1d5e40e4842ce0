package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

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
		if model != "auto" {
			if _, err := graph.ParseQAPModel(model); err != nil {
				return nil, usageErr(fmt.Errorf("--model: %w", err))
			}
		}
		if (outcome == "") != (len(predict) == 0) {
			return nil, usageErr(errors.New("give both --outcome and --predict, or neither for the forum effect of the last two waves"))
		}
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			d := a.Dataset
			if err := graph.CheckTieType(d, "", sel.Type); err != nil {
				return nil, usageErr(err)
			}
			outcome, predict := outcome, predict
			if outcome == "" {
				ws := d.Waves()
				if len(ws) < 2 {
					return nil, usageErr(fmt.Errorf("the default model, a new tie between the last two waves, needs ties in two waves; ties.csv has %d: give --outcome and --predict", len(ws)))
				}
				outcome, predict = out.ForumModelTerms(ws[len(ws)-2], ws[len(ws)-1])
			}
			o := qo
			o.Model = qapAutoModel(outcome)
			if model != "auto" {
				o.Model, _ = graph.ParseQAPModel(model)
			}
			o.Progress = progress(s, "QAP permutations")
			fit, err := fitQAP(ctx, d, outcome, predict, sel, o)
			if err != nil {
				return nil, err
			}
			return &out.Tables{Tables: out.QAPTables("qap", "QAP regression of "+outcome, outcome, fit)}, nil
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

// qapAutoModel is logit for binary outcomes (tie:, new:), lm otherwise.
func qapAutoModel(outcome string) graph.QAPModel {
	if strings.HasPrefix(outcome, "tie:") || strings.HasPrefix(outcome, "new:") {
		return graph.QAPLogistic
	}
	return graph.QAPLinear
}

// fitQAP builds the model's dyadic terms from d and fits it.
func fitQAP(ctx context.Context, d *graph.Dataset, outcome string, predict []string, sel graph.TieSelection, o graph.QAPOptions) (*graph.QAPFit, error) {
	if err := out.QAPTooLarge(len(d.Orgs)); err != nil {
		return nil, err
	}
	y, terms, err := graph.QAPDesign(d, outcome, predict, sel)
	var te *graph.TermError
	if errors.As(err, &te) {
		flag := "--predict"
		if te.Outcome {
			flag = "--outcome"
		}
		return nil, usageErr(fmt.Errorf("%s: %w", flag, te.Err))
	}
	fit, err := graph.QAP(ctx, y.X, terms, o)
	if errors.Is(err, graph.ErrCollinear) || errors.Is(err, graph.ErrNotBinary) || errors.Is(err, graph.ErrTooFew) {
		return nil, usageErr(err)
	}
	return fit, err
}
