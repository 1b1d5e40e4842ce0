package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type brokersOptions struct {
	dir    string
	format string
	net    networkFlags
	z      bool
}

func newBrokersCmd(s *streams) *cobra.Command {
	var o brokersOptions
	cmd := &cobra.Command{
		Use:   "brokers [DIR]",
		Short: "Who connects sectors: Gould-Fernandez brokerage roles, Burt's constraint and effective size",
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
representative. constraint and effective_size are Burt's measures on the
weighted network as NetworkX computes them (empty for isolates).`,
		Example: `  sectornet brokers mydata --format csv > brokers.csv
  sectornet brokers mydata --basis ties --wave 2014`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runBrokers(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format)
	o.net.add(cmd)
	cmd.Flags().BoolVar(&o.z, "z", false, "add each role's expected count and z-score against a random network of the same density, per organization and for the network (R sna brokerage exp.nli, z.nli, exp.gli, z.gli)")
	return cmd
}

func runBrokers(ctx context.Context, s *streams, o brokersOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	d, g, desc, err := o.net.load(ctx, s, o.dir)
	if err != nil {
		return err
	}
	br := graph.BrokerageRoles(g, graph.SectorGroups(d))
	if err := ctx.Err(); err != nil {
		return err
	}
	con := graph.Constraint(g)
	eff := graph.EffectiveSize(g)
	t := &out.Table{Name: "brokers", Title: "Brokerage between sectors: " + desc,
		Columns: []string{"id", "sector", "coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total", "constraint", "effective_size"}}
	for i, org := range d.Orgs {
		b := br[i]
		t.Add(org.ID, org.Sector, b.Coordinator, b.Itinerant, b.Gatekeeper, b.Representative, b.Liaison, b.Total(), con[i], eff[i])
	}
	t.Notes = append(t.Notes, "Roles count open two-paths in both directions (R sna brokerage raw.nli); constraint and effective size weighted (NetworkX).")
	if o.z {
		return writeTables(s, f, append([]*out.Table{t}, out.BrokerageSignificanceTables(d, graph.BrokerageSignificance(g, graph.SectorGroups(d)), desc)...)...)
	}
	return writeTables(s, f, t)
}
