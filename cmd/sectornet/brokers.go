package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

func newBrokersCmd(s *streams) *cobra.Command {
	var net networkFlags
	var z bool
	cmd := viewCmd(s, "brokers [DIR]", "Who connects sectors: Gould-Fernandez brokerage roles, Burt's structural holes, the sector mix of partners", func(*cobra.Command, viewArgs) (view, error) {
		spec, err := net.spec()
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			return out.BrokersTable(ctx, a, spec, z)
		}, err
	})
	net.add(cmd)
	cmd.Flags().BoolVar(&z, "z", false, "add each role's expected count and z-score against a random network of the same density, per organization and for the network (R sna brokerage exp.nli, z.nli, exp.gli, z.gli)")
	return cmd
}
