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
		Use:     "brokers [DIR]",
		Short:   "Who connects sectors: Gould-Fernandez brokerage roles, Burt's structural holes, the sector mix of partners",
		Long:    helpLong("brokers"),
		Example: helpExample("brokers"),
		Args:    dirArg,
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
