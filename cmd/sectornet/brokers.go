package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

type brokersOptions struct {
	dir    string
	format string
	table  string // --table: print only this table
	net    networkFlags
	z      bool
}

func newBrokersCmd(s *streams) *cobra.Command {
	var o brokersOptions
	cmd := &cobra.Command{
		Use:   "brokers [DIR]",
		Short: "Who connects sectors: Gould-Fernandez brokerage roles, Burt's structural holes, the sector mix of partners",
		Long: `Print one row per organization with the brokerage roles it plays between
sectors (Gould and Fernandez 1989) and its structural holes (Burt 1992) in the
one-mode network (--basis, --weight, --wave).

An organization brokers every pair of its partners that have no tie of their
own, once in each direction (i -> broker -> k and k -> broker -> i):

  coordinator     all three in one sector
  itinerant       the two partners in one sector, the broker in another
  gatekeeper      the broker in the receiving partner's sector
  representative  the broker in the sending partner's sector
  liaison         all three in different sectors
  total           all of these

The counts are exactly those of R sna brokerage()$raw.nli on the symmetric
adjacency matrix (ties' weights ignored), so gatekeeper equals
representative. Then each organization's ego network:

  constraint      Burt's constraint on the weighted network (NetworkX
                  constraint): high when its ties all lead to the same few,
                  interconnected partners
  effective_size  Burt's effective size (NetworkX effective_size): its
                  partners less their redundancy
  efficiency      effective size per partner (UCINET's Efficie)
  hierarchy       Burt's hierarchy: how much of the constraint one partner
                  holds (0 spread evenly; empty with one partner)
  partner_blau    Blau's heterogeneity of the partners' sectors, 1 - Σ p²
  partner_iqv     the same over its maximum, 1 - 1/K for K sectors

All are empty for organizations without ties.`,
		Example: `  sectornet brokers mydata --format csv > brokers.csv
  sectornet brokers mydata --basis ties --wave 2014`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runBrokers(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	o.net.add(cmd)
	cmd.Flags().BoolVar(&o.z, "z", false, "add each role's expected count and z-score against a random network of the same density, per organization and for the network (R sna brokerage exp.nli, z.nli, exp.gli, z.gli)")
	return cmd
}

func runBrokers(ctx context.Context, s *streams, o brokersOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
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
	v, err := out.BrokersTable(ctx, a, spec, o.z)
	return writeView(s, f, o.table, v, err)
}
