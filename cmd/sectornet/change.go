package main

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type changeOptions struct {
	survey       surveyFlags
	dir          string
	format       string
	table        string // --table: print only this table
	from, to     string
	tieType      string
	universe     string
	permutations int
	seed         uint64
	top          int
	qapPerms     int
	qapPermsSet  bool // --qap-permutations given: fit the model at any size
	inf          inferenceFlags
}

func newChangeCmd(s *streams) *cobra.Command {
	var o changeOptions
	cmd := &cobra.Command{
		Use:   "change [DIR]",
		Short: "What changed in the collaboration ties between survey waves, and how much of it the forums can claim",
		Long: `Compare the collaboration ties (ties.csv) of two survey waves:

  tie change     pairs with no tie in either wave (N00), new ties (N01),
                 dissolved (N10), kept (N11), the Hamming distance N01+N10
                 and the Jaccard index N11/(N01+N10+N11), as RSiena reports
                 them (0.3 or more good, under 0.2 questionable); over all
                 pairs, cross-sector pairs, within-sector pairs and each
                 pair of sectors
  attribution    of the new ties, the share between co-participants
                 (organizations that share a forum, or attended a meeting
                 together dated after the first wave and up to the second)
                 against the share of co-participants among the pairs that
                 had no tie, which random new ties would have; the ratio is
                 the forum effect; the p-value is the share of --permutations
                 random sets of as many pairs (seeded with --seed) with at
                 least as many co-participant pairs, (k+1)/(R+1)
  waves          ties, density, mean degree and E-I index by sector in each
                 wave and their change
  organizations  new, dissolved and kept partners and new cross-sector
                 partners of each organization, and the top gainers
  scores         mean trust and value, when ties.csv has them

The pairs counted are those of every organization in organizations.csv
(--universe all): one with no tie in the earlier wave, e.g. one that joined
later, is a newcomer and its ties are new. --universe present counts only
organizations named in both waves. With no --from and --to, every
consecutive pair of waves is compared.`,
		Example: `  sectornet change                          # the embedded sample
  sectornet change mydata --from 2012 --to 2014
  sectornet change mydata --type "joint project" --format json
  sectornet change mydata --seed 7 --permutations 99999`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			o.qapPermsSet = cmd.Flags().Changed("qap-permutations")
			return runChange(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	f := cmd.Flags()
	f.StringVar(&o.from, "from", "", "the earlier wave (default: each wave but the last)")
	f.StringVar(&o.to, "to", "", "the later wave (default: the wave after --from)")
	f.StringVar(&o.tieType, "type", "", "compare only ties of this type")
	f.StringVar(&o.universe, "universe", "all", "whose pairs count: all (every organization) or present (organizations named in both waves)")
	f.IntVar(&o.permutations, "permutations", out.DefaultChangePermutations, "random sets of new ties for the attribution p-value (0 to skip)")
	f.Uint64Var(&o.seed, "seed", out.DefaultSeed, "random seed of the permutation test")
	f.IntVar(&o.top, "top", out.DefaultChangeTop, "top gainers to list (0 for all)")
	o.survey.add(cmd)
	f.IntVar(&o.qapPerms, "qap-permutations", out.DefaultQAPPermutations, "permutations per coefficient of the forum-effect model (logistic QAP, semi-partialling; 0 to fit it without the test)")
	o.inf.add(cmd, &o.seed)
	return cmd
}

func runChange(ctx context.Context, s *streams, o changeOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	u, err := graph.ParseUniverse(o.universe)
	if err != nil {
		return usageErr(err)
	}
	if o.permutations < 0 {
		return usageErr(errors.New("--permutations must be 0 or more"))
	}
	if o.top < 0 {
		return usageErr(errors.New("--top must be 0 or more"))
	}
	rule, missing, err := o.survey.parse()
	if err != nil {
		return err
	}
	if o.qapPerms < 0 {
		return usageErr(errors.New("--qap-permutations must be 0 or more"))
	}
	if err := o.inf.check(); err != nil {
		return err
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	co := out.ChangeOptions{From: o.from, To: o.to, Type: o.tieType, Universe: u, Permutations: o.permutations, Seed: o.seed, Top: o.top, Rule: rule, Missing: missing,
		QAPPermutations: o.qapPerms, Inference: o.inf.options()}
	if !o.qapPermsSet {
		// The default 1000 permutations per coefficient take hours on
		// millions of pairs: above the report's bound the model waits
		// for --qap-permutations.
		co.ModelMaxPairs, co.ModelUnasked = out.ReportModelMaxPairs, true
	}
	v, err := out.ChangeTables(ctx, a, co)
	return writeView(s, f, o.table, v, flagWaves(err))
}
