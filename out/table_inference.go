package out

import (
	"context"
	"fmt"
	"math"

	"github.com/sectornet/sectornet/graph"
)

// Inference asks for conditional uniform graph tests and vertex-bootstrap
// intervals (summary, sectors and change); zero counts for none.
type Inference struct {
	CUG, Bootstrap int
	Level          float64 // of the bootstrap's percentile intervals
	Seed           uint64
}

// inferenceTables runs the tests asked for on the networks (named by
// names, their nodes' sectors sec): a CUG table of every network, and a
// bootstrap table with each network's intervals and, for two networks, of
// their change (the second minus the first, named change).
func (a *Analysis) inferenceTables(ctx context.Context, f Inference, sec graph.Groups, nets []*graph.Network, names []string, change string) ([]*Table, error) {
	var ts []*Table
	if f.CUG > 0 {
		var res [][]graph.CUGResult
		for k, g := range nets {
			r, err := graph.CUGTest(ctx, g, graph.SectorStatistics(sec), graph.CUGOptions{Reps: f.CUG, Seed: f.Seed, Progress: a.progress("CUG test " + names[k])})
			if err != nil {
				return nil, err
			}
			res = append(res, r)
		}
		ts = append(ts, CUGTable("cug", fmt.Sprintf("Conditional uniform graph test (%d random graphs, seed %d)", f.CUG, f.Seed), names, res))
	}
	if f.Bootstrap > 0 {
		b, err := graph.VertexBootstrap(ctx, nets, sec, graph.BootstrapOptions{Reps: f.Bootstrap, Seed: f.Seed, Level: f.Level, Progress: a.progress("vertex bootstrap")})
		if err != nil {
			return nil, err
		}
		rows := append([]string{}, names...)
		ivs := b.Networks
		if b.Change != nil {
			rows = append(rows, change)
			ivs = append(ivs, b.Change)
		}
		ts = append(ts, BootstrapTable("bootstrap", fmt.Sprintf("Vertex bootstrap (%d samples, seed %d, %g%% percentile intervals)", f.Bootstrap, f.Seed, 100*f.Level), rows, ivs))
	}
	return ts, nil
}

// ForumModelTerms are the outcome and predictors of the dyadic
// forum-effect model between waves w1 and w2: a new tie on
// co-participation between the waves, same sector and the degree sum in
// the earlier wave.
func ForumModelTerms(w1, w2 string) (string, []string) {
	return "new:" + w1 + ":" + w2, []string{"coparticipation:" + w1 + ":" + w2, "same-sector", "degree-sum:" + w1}
}

// forumModel fits the dyadic forum-effect model of a comparison of waves:
// the logistic QAP regression of a new tie (pairs without a tie in the
// earlier wave) on co-participation between the waves, same sector and the
// two organizations' degrees in the earlier wave, by semi-partialling, on
// the ties sel selects (those CompareWaves compared). Pairs outside the
// comparison's universe are left out.
func (a *Analysis) forumModel(ctx context.Context, c *graph.Change, sel graph.TieSelection, o ChangeOptions) ([]*Table, error) {
	outcome, _ := ForumModelTerms(c.From, c.To)
	title := c.From + " to " + c.To + ": the forum effect as a dyadic model (logistic QAP)"
	note := func(s string) []*Table {
		t := &Table{Name: "forum_model", Title: title, Columns: []string{"note"}}
		t.Add(s)
		return []*Table{t}
	}
	perms, seed := o.QAPPermutations, o.Seed
	if pairs := ModelPairs(c); o.ModelMaxPairs > 0 && pairs > o.ModelMaxPairs {
		if o.ModelUnasked {
			return note(forumModelUnasked(c, o.ModelMaxPairs)), nil
		}
		return note(ForumModelLeftOut(c, o.ModelMaxPairs)), nil
	}
	if err := QAPTooLarge(len(a.Dataset.Orgs)); err != nil {
		return note("not fitted: " + err.Error()), nil
	}
	fit, err := a.ForumModelFit(ctx, c, sel, perms, seed)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		// Too few new ties, or a term constant among the pairs at risk:
		// say so instead of failing the whole comparison.
		t := &Table{Name: "forum_model", Title: title, Columns: []string{"note"}}
		t.Add("not fitted: " + err.Error())
		return []*Table{t}, nil
	}
	ts := QAPTables("forum_model", title, outcome, fit)
	ts[0].Notes = append(ts[0].Notes, ForumModelReading(fit, c.From, c.To))
	return ts, nil
}

// ModelPairs is the number of pairs of organizations the forum-effect
// model of c regresses over: the pairs of its universe.
func ModelPairs(c *graph.Change) int {
	n := len(c.OrgChanges)
	return n * (n - 1) / 2
}

// ForumModelLeftOut says why the report leaves the forum-effect model of
// c out (more than maxPairs pairs), and how to fit it.
func ForumModelLeftOut(c *graph.Change, maxPairs int) string {
	return fmt.Sprintf("not fitted in the report: %d organizations make %d pairs, more than the report's %d (its %d permutations per coefficient would take hours); sectornet change --from %s --to %s --qap-permutations N fits it (N = 0 for the fit alone)",
		len(c.OrgChanges), ModelPairs(c), maxPairs, DefaultQAPPermutations, c.From, c.To)
}

// forumModelUnasked says why change leaves the forum-effect model of c
// out when its permutations were not asked for (more than maxPairs
// pairs), and how to fit it.
func forumModelUnasked(c *graph.Change, maxPairs int) string {
	return fmt.Sprintf("not fitted: %d organizations make %d pairs, more than %d, and %d permutations per coefficient would take hours; give --qap-permutations N to fit it (N = 0 for the fit alone, 100 for p-values down to 0.01)",
		len(c.OrgChanges), ModelPairs(c), maxPairs, DefaultQAPPermutations)
}

// QAPMaxOrgs bounds the organizations of a QAP regression: every pair is a
// row of the outcome and of each term (5,000 organizations make 12.5
// million pairs, about 100 MB a term, and a permutation test of hours).
const QAPMaxOrgs = 4000

// QAPTooLarge is the error of a QAP regression over more than QAPMaxOrgs
// organizations (n), or nil.
func QAPTooLarge(n int) error {
	if n <= QAPMaxOrgs {
		return nil
	}
	return fmt.Errorf("QAP regression keeps every pair of organizations in memory: %d organizations make %d pairs; it is limited to %d organizations", n, graph.DyadCount(n), QAPMaxOrgs)
}

type forumFitKey struct {
	from, to string
	sel      graph.TieSelection
	perms    int
	seed     uint64
}

// ForumModelFit fits the dyadic forum-effect model of the comparison c
// (see forumModel), once per comparison, selection, permutations and seed.
func (a *Analysis) ForumModelFit(ctx context.Context, c *graph.Change, sel graph.TieSelection, perms int, seed uint64) (*graph.QAPFit, error) {
	return memo(a, forumFitKey{c.From, c.To, sel, perms, seed}, func() (*graph.QAPFit, error) {
		return a.forumModelFit(ctx, c, sel, perms, seed)
	})
}

func (a *Analysis) forumModelFit(ctx context.Context, c *graph.Change, sel graph.TieSelection, perms int, seed uint64) (*graph.QAPFit, error) {
	d := a.Dataset
	outcome, predict := ForumModelTerms(c.From, c.To)
	y, terms, err := graph.QAPDesign(d, outcome, predict, sel)
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
	return graph.QAP(ctx, y.X, terms, graph.QAPOptions{Model: graph.QAPLogistic, Null: graph.QAPSemiPartial, Permutations: perms, Seed: seed, Progress: a.progress("forum-effect model")})
}

// networkLabel is a short name of the network spec describes, for the
// rows of the CUG and bootstrap tables: forums, meetings or ties W.
func (a *Analysis) networkLabel(spec graph.NetworkSpec) string {
	switch spec.Basis {
	case graph.BasisTies:
		w := spec.Wave
		if w == "" {
			ws := a.Dataset.Waves()
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

// changeInference runs the CUG tests and the bootstrap of a comparison's
// two waves, over its universe.
func (a *Analysis) changeInference(ctx context.Context, c *graph.Change, sel graph.TieSelection, f Inference) ([]*Table, error) {
	if f.CUG == 0 && f.Bootstrap == 0 {
		return nil, nil
	}
	d := a.Dataset
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
	ts, err := a.inferenceTables(ctx, f, p, nets, []string{"ties " + c.From, "ties " + c.To}, "change "+c.From+" to "+c.To)
	for _, t := range ts {
		t.Title = c.From + " to " + c.To + ": " + t.Title
	}
	return ts, err
}

// withAfter returns ts with extra inserted after the table named name (at
// the end when there is none).
func withAfter(ts []*Table, name string, extra []*Table) []*Table {
	at := len(ts)
	for i, t := range ts {
		if t.Name == name {
			at = i + 1
			break
		}
	}
	res := append([]*Table{}, ts[:at]...)
	res = append(res, extra...)
	return append(res, ts[at:]...)
}
