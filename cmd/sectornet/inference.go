package main

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
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

func (f *inferenceFlags) check() error {
	if f.cug < 0 {
		return usageErr(errors.New("--cug must be 0 or more"))
	}
	if f.bootstrap < 0 {
		return usageErr(errors.New("--bootstrap must be 0 or more"))
	}
	if !(f.level > 0 && f.level < 1) {
		return usageErr(fmt.Errorf("--level must be between 0 and 1, not %v", f.level))
	}
	return nil
}

// tables runs the tests asked for on the networks (named by names, their
// nodes' sectors sec): a CUG table of every network, and a
// bootstrap table with each network's intervals and, for two networks, of
// their change (the second minus the first, named change).
func (f *inferenceFlags) tables(ctx context.Context, s *streams, sec graph.Groups, nets []*graph.Network, names []string, change string) ([]*out.Table, error) {
	var ts []*out.Table
	if f.cug > 0 {
		var res [][]graph.CUGResult
		for k, g := range nets {
			r, err := graph.CUGTest(ctx, g, graph.SectorStatistics(sec), graph.CUGOptions{Reps: f.cug, Seed: *f.seed, Progress: progress(s, "CUG test "+names[k])})
			if err != nil {
				return nil, err
			}
			res = append(res, r)
		}
		ts = append(ts, out.CUGTable("cug", fmt.Sprintf("Conditional uniform graph test (%d random graphs, seed %d)", f.cug, *f.seed), names, res))
	}
	if f.bootstrap > 0 {
		b, err := graph.VertexBootstrap(ctx, nets, sec, graph.BootstrapOptions{Reps: f.bootstrap, Seed: *f.seed, Level: f.level, Progress: progress(s, "vertex bootstrap")})
		if err != nil {
			return nil, err
		}
		rows := append([]string{}, names...)
		ivs := b.Networks
		if b.Change != nil {
			rows = append(rows, change)
			ivs = append(ivs, b.Change)
		}
		ts = append(ts, out.BootstrapTable("bootstrap", fmt.Sprintf("Vertex bootstrap (%d samples, seed %d, %g%% percentile intervals)", f.bootstrap, *f.seed, 100*f.level), rows, ivs))
	}
	return ts, nil
}

// forumModelFit fits the dyadic forum-effect model of a comparison of
// waves: the logistic QAP regression of a new tie (pairs without a tie in
// the earlier wave) on co-participation between the waves, same sector and
// the two organizations' degrees in the earlier wave, by semi-partialling,
// on the ties sel selects (those CompareWaves compared). Pairs outside the
// comparison's universe are left out.
func forumModelFit(ctx context.Context, s *streams, d *graph.Dataset, c *graph.Change, sel graph.TieSelection, perms int, seed uint64) (*graph.QAPFit, error) {
	outcome, predict := forumModelTerms(c.From, c.To)
	y, err := graph.QAPOutcome(d, outcome, sel)
	if err != nil {
		return nil, err
	}
	in := make([]bool, len(d.Orgs))
	for _, oc := range c.OrgChanges {
		in[oc.Org] = true
	}
	for i := range in {
		for j := i + 1; j < len(in); j++ {
			if !in[i] || !in[j] {
				y.X.Set(i, j, math.NaN())
			}
		}
	}
	var terms []graph.QAPTerm
	for _, p := range predict {
		t, err := graph.QAPPredictors(d, p, sel)
		if err != nil {
			return nil, err
		}
		terms = append(terms, t...)
	}
	return graph.QAP(ctx, y.X, terms, graph.QAPOptions{Model: graph.QAPLogistic, Null: graph.QAPSemiPartial, Permutations: perms, Seed: seed, Progress: progress(s, "forum-effect model")})
}

// forumModel lays out the forum-effect model of a comparison (see
// forumModelFit), or a note saying why it could not be fitted.
func forumModel(ctx context.Context, s *streams, d *graph.Dataset, c *graph.Change, sel graph.TieSelection, perms int, seed uint64) ([]*out.Table, error) {
	outcome, _ := forumModelTerms(c.From, c.To)
	title := c.From + " to " + c.To + ": the forum effect as a dyadic model (logistic QAP)"
	fit, err := forumModelFit(ctx, s, d, c, sel, perms, seed)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		// Too few new ties, or a term constant among the pairs at risk:
		// say so instead of failing the whole comparison.
		t := &out.Table{Name: "forum_model", Title: title, Columns: []string{"note"}}
		t.Add("not fitted: " + err.Error())
		return []*out.Table{t}, nil
	}
	ts := out.QAPTables("forum_model", title, outcome, fit)
	ts[0].Notes = append(ts[0].Notes, out.ForumModelReading(fit, c.From, c.To))
	return ts, nil
}

// changeInference runs the CUG tests and the bootstrap of a comparison's
// two waves, over its universe.
func changeInference(ctx context.Context, s *streams, d *graph.Dataset, c *graph.Change, sel graph.TieSelection, f *inferenceFlags) ([]*out.Table, error) {
	if f.cug == 0 && f.bootstrap == 0 {
		return nil, nil
	}
	keep := make([]bool, len(d.Orgs))
	for _, oc := range c.OrgChanges {
		keep[oc.Org] = true
	}
	sec := graph.SectorGroups(d)
	var nets []*graph.Network
	var p graph.Groups
	for _, w := range []string{c.From, c.To} {
		var g *graph.Network
		g, p = graph.Induced(graph.TieNetworkRule(d, w, sel.Type, sel.Rule, sel.Missing), sec, keep)
		nets = append(nets, g)
	}
	ts, err := f.tables(ctx, s, p, nets, []string{"ties " + c.From, "ties " + c.To}, "change "+c.From+" to "+c.To)
	for _, t := range ts {
		t.Title = c.From + " to " + c.To + ": " + t.Title
	}
	return ts, err
}

// withAfter returns ts with extra inserted after the table named name (at
// the end when there is none).
func withAfter(ts []*out.Table, name string, extra []*out.Table) []*out.Table {
	at := len(ts)
	for i, t := range ts {
		if t.Name == name {
			at = i + 1
			break
		}
	}
	res := append([]*out.Table{}, ts[:at]...)
	res = append(res, extra...)
	return append(res, ts[at:]...)
}

// networkLabel is a short name of the network nf describes, for the rows
// of the CUG and bootstrap tables: forums, meetings or ties W.
func networkLabel(d *graph.Dataset, nf *networkFlags) string {
	spec, err := nf.spec()
	if err != nil {
		return "network"
	}
	switch spec.Basis {
	case graph.BasisTies:
		w := spec.Wave
		if w == "" {
			ws := d.Waves()
			if len(ws) > 0 {
				w = ws[len(ws)-1]
			}
		}
		return "ties " + w
	case graph.BasisMeetings:
		return "meetings"
	}
	return "forums"
}
