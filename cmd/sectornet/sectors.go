package main

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

type sectorsOptions struct {
	dir          string
	format       string
	table        string // --table: print only this table
	net          networkFlags
	permutations int
	seed         uint64
	inf          inferenceFlags
}

func newSectorsCmd(s *streams) *cobra.Command {
	var o sectorsOptions
	cmd := &cobra.Command{
		Use:   "sectors [DIR]",
		Short: "How sectors mix: E-I index with a permutation test, assortativity, modularity, mixing matrix",
		Long: `Measure how the sectors mix in the one-mode network (--basis, --weight, --wave):

  ei_index           Krackhardt and Stern's (E - I)/(E + I) over ties, weights
                     ignored: -1 all ties within sectors, +1 all across
  permutation test   the share of random reassignments of sectors to
                     organizations (keeping sector sizes) whose E-I index is
                     >= / <= the observed one, and as far from its expected
                     value (UCINET's test); --permutations, --seed
  assortativity      Newman's nominal assortativity by sector (NetworkX
                     attribute_assortativity_coefficient, igraph
                     assortativity_nominal)
  sector_modularity  weighted modularity of the partition by sector (NetworkX
                     community.modularity with weight)
  mixing             the sector x sector matrix of tie counts

and per sector and per organization its internal and external ties and E-I
index (empty when it has no ties). Then segregation and homophily indices,
for the network and for each sector (its ties and the pairs that involve it),
each with one sentence on how to read it:

  coleman       Coleman's homophily index (R netseg coleman)
  freeman       Freeman's segregation index (netseg freeman)
  orwg          odds ratio of within-sector ties (netseg orwg)
  yule_q        Yule's Q of the same 2x2 table of pairs
  ei_weighted   E-I over tie weights
  ei_min/max    the E-I range the sector sizes and number of ties allow
  ei_rescaled   E-I rescaled to that range (UCINET)
  ssi           Echenique and Fryer's spectral segregation index (netseg
                ssi), per organization in the organizations table`,
		Example: `  sectornet sectors mydata
  sectornet sectors mydata --basis ties --wave 2014 --format json
  sectornet sectors mydata --permutations 10000 --seed 7`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runSectors(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	o.net.add(cmd)
	cmd.Flags().IntVar(&o.permutations, "permutations", out.DefaultEIPermutations, "random reassignments for the E-I permutation test (0 to skip)")
	cmd.Flags().Uint64Var(&o.seed, "seed", out.DefaultSeed, "random seed of the permutation test, --cug and --bootstrap")
	o.inf.add(cmd, &o.seed)
	return cmd
}

func runSectors(ctx context.Context, s *streams, o sectorsOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	if o.permutations < 0 {
		return usageErr(errors.New("--permutations must be 0 or more"))
	}
	if err := o.inf.check(); err != nil {
		return err
	}
	spec, err := o.net.spec()
	if err != nil {
		return err
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	v, err := out.SectorsTables(ctx, a, spec, o.permutations, o.seed, o.inf.options())
	return writeView(s, f, o.table, v, err)
}
