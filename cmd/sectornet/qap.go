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

type qapOptions struct {
	dir          string
	format       string
	table        string // --table: print only this table
	outcome      string
	predict      []string
	model        string
	null         string
	permutations int
	seed         uint64
	tieType      string
	survey       surveyFlags
}

func newQAPCmd(s *streams) *cobra.Command {
	var o qapOptions
	cmd := &cobra.Command{
		Use:     "qap [DIR]",
		Short:   "QAP and MRQAP regression of a dyadic outcome (a tie, a new tie, a weight or a score) on dyadic predictors, as R sna netlm and netlogit",
		Long:    helpLong("qap"),
		Example: helpExample("qap"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runQAP(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	f := cmd.Flags()
	f.StringVar(&o.outcome, "outcome", "", "the dyadic outcome (default: new:W1:W2 of the last two waves)")
	f.StringSliceVar(&o.predict, "predict", nil, "the dyadic predictors, comma-separated (default: coparticipation:W1:W2,same-sector,degree-sum:W1)")
	f.StringVar(&o.model, "model", "auto", "lm (least squares, sna netlm), logit (logistic, sna netlogit), or auto: logit for tie: and new: outcomes, lm otherwise")
	f.StringVar(&o.null, "null", "qapspp", "permutation scheme: qapy (permute the outcome) or qapspp (Dekker et al.'s semi-partialling)")
	f.IntVar(&o.permutations, "permutations", 1000, "permutations per coefficient (sna's reps; 0 for none)")
	f.Uint64Var(&o.seed, "seed", 1, "random seed of the permutations")
	f.StringVar(&o.tieType, "type", "", "tie-based terms read only ties of this type")
	o.survey.add(cmd)
	return cmd
}

// qapModel is a QAP model asked for by name.
type qapModel struct {
	outcome string
	predict []string
	model   graph.QAPModel
	opts    graph.QAPOptions
	sel     graph.TieSelection
}

func runQAP(ctx context.Context, s *streams, o qapOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	null, err := graph.ParseQAPNull(o.null)
	if err != nil {
		return usageErr(fmt.Errorf("--null: %w", err))
	}
	rule, missing, err := o.survey.parse()
	if err != nil {
		return err
	}
	if o.model != "auto" {
		if _, err := graph.ParseQAPModel(o.model); err != nil {
			return usageErr(fmt.Errorf("--model: %w", err))
		}
	}
	if (o.outcome == "") != (len(o.predict) == 0) {
		return usageErr(errors.New("give both --outcome and --predict, or neither for the forum effect of the last two waves"))
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	if err := requireData(o.dir, d); err != nil {
		return err
	}
	if err := graph.CheckTieType(d, "", o.tieType); err != nil {
		return usageErr(err)
	}
	m := qapModel{outcome: o.outcome, predict: o.predict,
		opts: graph.QAPOptions{Null: null, Permutations: o.permutations, Seed: o.seed, Progress: progress(s, "QAP permutations")},
		sel:  graph.TieSelection{Type: o.tieType, Rule: rule, Missing: missing}}
	if m.outcome == "" {
		ws := d.Waves()
		if len(ws) < 2 {
			return usageErr(fmt.Errorf("the default model, a new tie between the last two waves, needs ties in two waves; ties.csv has %d: give --outcome and --predict", len(ws)))
		}
		m.outcome, m.predict = out.ForumModelTerms(ws[len(ws)-2], ws[len(ws)-1])
	}
	m.model = qapAutoModel(m.outcome)
	if o.model != "auto" {
		m.model, _ = graph.ParseQAPModel(o.model)
	}
	fit, err := fitQAP(ctx, d, m)
	if err != nil {
		return err
	}
	ts := out.QAPTables("qap", "QAP regression of "+m.outcome, m.outcome, fit)
	return writeView(s, f, o.table, &out.Tables{Tables: ts}, nil)
}

// qapAutoModel is logit for binary outcomes (tie:, new:), lm otherwise.
func qapAutoModel(outcome string) graph.QAPModel {
	if strings.HasPrefix(outcome, "tie:") || strings.HasPrefix(outcome, "new:") {
		return graph.QAPLogistic
	}
	return graph.QAPLinear
}

// fitQAP builds the model's dyadic terms from d and fits it.
func fitQAP(ctx context.Context, d *graph.Dataset, m qapModel) (*graph.QAPFit, error) {
	if err := out.QAPTooLarge(len(d.Orgs)); err != nil {
		return nil, err
	}
	y, terms, err := graph.QAPDesign(d, m.outcome, m.predict, m.sel)
	var te *graph.TermError
	if errors.As(err, &te) {
		flag := "--predict"
		if te.Outcome {
			flag = "--outcome"
		}
		return nil, usageErr(fmt.Errorf("%s: %w", flag, te.Err))
	}
	opts := m.opts
	opts.Model = m.model
	fit, err := graph.QAP(ctx, y.X, terms, opts)
	if errors.Is(err, graph.ErrCollinear) || errors.Is(err, graph.ErrNotBinary) || errors.Is(err, graph.ErrTooFew) {
		return nil, usageErr(err)
	}
	return fit, err
}
