package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

// backboneFlags choose a backbone test (backbone, render, export).
type backboneFlags struct {
	method     string
	alpha      float64
	correction string
	trials     int
	seed       uint64
}

// add adds the flags; name is the flag naming the method ("method" for
// the backbone command, "backbone" elsewhere).
func (bf *backboneFlags) add(cmd *cobra.Command, name, def string) {
	f := cmd.Flags()
	f.StringVar(&bf.method, name, def, "backbone test: auto (sdsm for forums and meetings, disparity for reported ties), sdsm, fdsm or disparity")
	f.Float64Var(&bf.alpha, "alpha", out.DefaultBackboneTest.Alpha, "significance level: keep ties whose (corrected) p-value is below it")
	f.StringVar(&bf.correction, "correction", "none", "multiple-test correction over the network's ties: none (as R backbone), holm (family-wise) or bh (Benjamini-Hochberg, false discovery rate)")
	f.IntVar(&bf.trials, "trials", out.DefaultBackboneTest.Trials, "fdsm: random affiliations drawn")
	f.Uint64Var(&bf.seed, "backbone-seed", out.DefaultBackboneTest.Seed, "fdsm: random seed (same seed, same p-values)")
}

func (bf *backboneFlags) spec() (graph.BackboneSpec, error) {
	m, err := usage(graph.ParseBackboneMethod(bf.method))
	if err != nil {
		return graph.BackboneSpec{}, err
	}
	c, err := usage(graph.ParseCorrection(bf.correction))
	return graph.BackboneSpec{Method: m, Alpha: bf.alpha, Correction: c, Trials: bf.trials, Seed: bf.seed}, err
}

func newBackboneCmd(s *streams) *cobra.Command {
	var net networkFlags
	var bb backboneFlags
	var all bool
	cmd := viewCmd(s, "backbone [DIR]", "Which ties stand out: the significant ties of a projection (SDSM, FDSM) or of reported ties (disparity filter), with p-values", func(*cobra.Command, viewArgs) (view, error) {
		bs, err := bb.spec()
		if err != nil {
			return nil, err
		}
		ns, err := net.spec()
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			return out.BackboneTable(ctx, a, ns, bs, all)
		}, err
	})
	cmd.Flags().BoolVar(&all, "all", false, "list every tie, kept or not")
	net.add(cmd)
	bb.add(cmd, "method", "auto")
	return cmd
}
