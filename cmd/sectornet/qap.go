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
		Use:   "qap [DIR]",
		Short: "QAP and MRQAP regression of a dyadic outcome (a tie, a new tie, a weight or a score) on dyadic predictors, as R sna netlm and netlogit",
		Long: `Regress one dyadic outcome on several dyadic predictors over every pair of
organizations, and test each coefficient by permutation: R sna's netlm
(--model lm, least squares) and netlogit (--model logit, logistic), with
the classical Y-permutation (--null qapy: the outcome's rows and columns
relabelled by a random permutation of the organizations; Krackhardt 1988)
or Dekker, Krackhardt and Snijders' semi-partialling (--null qapspp, the
default: each predictor's residual on the others permuted; 2007). sna's
nullhyp="qap" is the semi-partialling scheme; to avoid confusion with
classical QAP, name qapy or qapspp.

Outcomes (--outcome):
  tie:W              1 when the pair is tied in wave W
  new:W1:W2          1 for a tie in W2 but not in W1, 0 for no tie in either;
                     pairs tied in W1 are left out (not at risk of a new tie)
  weight:W           the tie's weight in W, 0 without a tie
  trust:W, value:W   the tie's mean score; pairs without one are left out

Predictors (--predict, comma-separated; each also works as an outcome):
  forums                      number of forums shared
  meetings[:W1:W2]            meetings attended together (between the waves)
  newman                      Newman's weight of the shared forums
  coparticipation[:W1:W2]     1 when sharing a forum or a meeting
  same-sector                 1 for two organizations of one sector
  sector-pairs                one 0/1 term per pair of sectors (the first
                              sector with itself is the reference)
  tie:W, weight:W             the tie in an earlier wave
  degree-sum:W, degree-diff:W sum, absolute difference of the two degrees in W
  same:COLUMN                 same non-empty value of an organizations.csv column
  diff:COLUMN                 absolute difference of a numeric column

With no --outcome and --predict, the forum effect of the last two waves:
new:W1:W2 on coparticipation:W1:W2, same-sector and degree-sum:W1.

Output: each coefficient with its standard error, t (lm) or z (logit) value
and the three permutation p-values sna prints (p_le, p_ge, p_two_sided: the
shares of permuted statistics <=, >= and at least as large in absolute value
as the observed one); the fit (R² for lm; deviance, AIC, BIC and pseudo-R²
for logit); the statistics' permutation distributions. Same --seed, same
numbers on any number of cores.`,
		Example: `  sectornet qap                                   # the forum effect, sample data
  sectornet qap mydata --outcome new:2012:2014 --predict coparticipation:2012:2014,same-sector,tie:2010,degree-sum:2012
  sectornet qap mydata --outcome tie:2014 --predict tie:2012,forums,same:region --null qapy
  sectornet qap mydata --outcome trust:2014 --predict forums,diff:staff --format csv`,
		Args: dirArg,
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
	if o.permutations < 0 {
		return usageErr(errors.New("--permutations must be 0 or more"))
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
	y, err := graph.QAPOutcome(d, m.outcome, m.sel)
	if err != nil {
		return nil, usageErr(fmt.Errorf("--outcome: %w", err))
	}
	var terms []graph.QAPTerm
	for _, p := range m.predict {
		ts, err := graph.QAPPredictors(d, p, m.sel)
		if err != nil {
			return nil, usageErr(fmt.Errorf("--predict: %w", err))
		}
		terms = append(terms, ts...)
	}
	opts := m.opts
	opts.Model = m.model
	fit, err := graph.QAP(ctx, y.X, terms, opts)
	if errors.Is(err, graph.ErrCollinear) || errors.Is(err, graph.ErrNotBinary) || errors.Is(err, graph.ErrTooFew) {
		return nil, usageErr(err)
	}
	return fit, err
}
