package main

import (
	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

// inferenceFlags add conditional uniform graph tests and vertex-bootstrap
// intervals to summary, sectors and change.
type inferenceFlags struct {
	cug, bootstrap int
	level          float64
	seed           *uint64
	ownSeed        uint64
}

// add registers --cug, --bootstrap and --level; seed is the command's
// --seed, or nil to add one.
func (f *inferenceFlags) add(cmd *cobra.Command, seed *uint64) {
	fl := cmd.Flags()
	fl.IntVar(&f.cug, "cug", 0, "conditional uniform graph test: random graphs with the same organizations and number of ties (R sna cug.test, cmode edges) for density, E-I, assortativity, clustering and centralization (0: none; 1000 is usual)")
	fl.IntVar(&f.bootstrap, "bootstrap", 0, "vertex-bootstrap samples (Snijders and Borgatti 1999) for intervals of density, mean degree, E-I, assortativity and Blau's heterogeneity of the tie ends' sectors (0: none; 1000 is usual)")
	fl.Float64Var(&f.level, "level", 0.95, "level of the bootstrap's percentile intervals")
	f.seed = seed
	if seed == nil {
		fl.Uint64Var(&f.ownSeed, "seed", 1, "random seed of --cug and --bootstrap")
		f.seed = &f.ownSeed
	}
}

// options returns the tests the flags ask for.
func (f *inferenceFlags) options() out.Inference {
	return out.Inference{CUG: f.cug, Bootstrap: f.bootstrap, Level: f.level, Seed: *f.seed}
}
