package out

import (
	"context"
	"fmt"
	"math"

	"github.com/sectornet/sectornet/graph"
)

// SummaryOptions choose what summary adds to its counts.
type SummaryOptions struct {
	Inference Inference
	// AllPaths finds every shortest path even when that costs more than
	// SummaryPathBudget tie scans.
	AllPaths bool
}

// SummaryPathBudget is the largest graph.AllPathsCost for which summary
// finds every shortest path without being asked (AllPaths): a few
// seconds.
const SummaryPathBudget = 2e9

// SummaryTables are the summary's tables: dataset, sectors, forums,
// meetings, waves and the network spec describes, and tie_scores when ties
// (of spec's type, when not empty) carry trust or value scores.
func SummaryTables(ctx context.Context, a *Analysis, spec graph.NetworkSpec, o SummaryOptions) (*Tables, error) {
	inf := o.Inference
	d := a.Dataset
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	st := graph.Summarize(d)
	ds := &Table{Name: "dataset", Title: "Dataset", Columns: []string{"item", "count"}}
	ds.Add("organizations", len(d.Orgs))
	ds.Add("sectors", len(d.Sectors))
	ds.Add("forums", len(d.Forums))
	ds.Add("memberships", st.Memberships)
	ds.Add("organizations in no forum", st.OrgsWithoutForum)
	ds.Add("meetings", len(d.Meetings))
	ds.Add("attendances", st.Attendances)
	ds.Add("waves", len(st.Waves))
	ds.Add("collaboration ties (all waves)", st.Ties)
	ds.Add("quotas", len(d.Quotas))
	if a.Source() == "" {
		ds.Notes = append(ds.Notes, "The embedded sample is synthetic: made-up organizations modelled on the figures of Israel's cross-sector volunteering initiative.")
	}

	sec := &Table{Name: "sectors", Title: "Sectors", Columns: []string{"sector", "label", "orgs", "share", "in_forums", "memberships", "attendances"}}
	for _, x := range st.Sectors {
		sec.Add(x.Sector.ID, x.Sector.Name(), x.Orgs, x.Share, x.InForums, x.Memberships, x.Attendances)
	}

	fo := &Table{Name: "forums", Title: "Forums", Columns: []string{"forum", "name", "kind", "capacity", "members", "meetings", "attendances"}}
	for _, x := range st.Forums {
		fo.Add(x.Forum.ID, x.Forum.Name, x.Forum.Kind, x.Forum.Capacity, x.Members, x.Meetings, x.Attendances)
	}

	me := &Table{Name: "meetings", Title: "Meetings", Columns: []string{"meeting", "forum", "date", "attendances", "sectors_present"}}
	for _, x := range st.Meetings {
		me.Add(x.Meeting.ID, x.Meeting.Forum, x.Meeting.Date.Format("2006-01-02"), x.Attendances, x.SectorsPresent)
	}

	wv := &Table{Name: "waves", Title: "Survey waves", Columns: []string{"wave", "reports", "ties", "orgs_involved", "cross_sector_ties"}}
	for _, x := range st.Waves {
		wv.Add(x.Wave, x.Reports, x.Ties, x.Orgs, x.CrossSector)
	}

	tri, err := a.Triangles(ctx, spec)
	if err != nil {
		return nil, err
	}
	_, ncomp := g.Components()
	nt := &Table{Name: "network", Title: "Network: " + a.Describe(spec), Columns: []string{"measure", "value"}}
	nt.Add("nodes", g.N())
	nt.Add("ties", g.M())
	nt.Add("isolates", graph.Isolates(g))
	nt.Add("density", g.Density())
	nt.Add("degree centralization", graph.DegreeCentralization(g))
	nt.Add("weighted degree centralization", graph.WeightedDegreeCentralization(g))
	nt.Add("average clustering", graph.AverageClusteringOf(g, tri))
	nt.Add("components", ncomp)
	nt.Add("largest component", graph.LargestComponent(g))
	nt.Add("total tie weight", g.TotalWeight())
	ct, err := a.cohesion(ctx, spec, nt, o.AllPaths)
	if err != nil {
		return nil, err
	}
	ts := []*Table{ds, sec, fo, me, wv, nt, ct}
	if graph.HasScores(d, spec.Type) {
		ts = append(ts, TieScoresTable(d, spec.Type))
	}
	it, err := a.inferenceTables(ctx, inf, graph.SectorGroups(d), []*graph.Network{g}, []string{a.networkLabel(spec)}, "")
	if err != nil {
		return nil, err
	}
	return tables(append(ts, it...)...), ctx.Err()
}

// TieScoresTable lists the mean trust and value of each wave's ties (of
// type typ when not empty), overall and per sector pair.
func TieScoresTable(d *graph.Dataset, typ string) *Table {
	t := &Table{Name: "tie_scores", Title: "Trust and value of the ties per wave",
		Columns: []string{"wave", "sector_a", "sector_b", "ties", "trust_n", "trust_mean", "value_n", "value_mean"}}
	add := func(wave, a, b string, m graph.ScoreMean) {
		t.Add(wave, a, b, m.Ties, m.TrustN, m.Trust, m.ValueN, m.Value)
	}
	for _, w := range graph.ScoresByWave(d, typ) {
		add(w.Wave, "all", "all", w.All)
		for _, sp := range w.SectorPairs {
			add(w.Wave, sectorID(d, sp.A), sectorID(d, sp.B), sp.ScoreMean)
		}
	}
	what := "Ties of every type."
	if typ != "" {
		what = "Ties of type " + typ + "."
		t.Title += " (type " + typ + ")"
	}
	t.Notes = append(t.Notes, what+" A tie's score is the mean of its reports' scores (A about B and B about A); each tie counts once; trust_n and value_n count the ties with a score.")
	return t
}

// cohesion adds to summary's network table the cohesion and path measures
// of the network (transitivity, weighted clustering, Freeman
// centralizations, the largest component's diameter and mean path length)
// and returns the table of components with two or more organizations.
func (a *Analysis) cohesion(ctx context.Context, spec graph.NetworkSpec, nt *Table, allPaths bool) (*Table, error) {
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	cost := graph.AllPathsCost(g)
	paths := allPaths || cost <= SummaryPathBudget
	var pc graph.PathCentrality
	var ps graph.PathStats
	if paths {
		if pc, err = a.Paths(ctx, spec, graph.PathsHops); err != nil {
			return nil, err
		}
		if ps, err = a.PathStats(ctx, spec); err != nil {
			return nil, err
		}
	}
	eigC := math.NaN()
	if e, err := a.Eigenvector(spec); err == nil {
		eigC = graph.EigenvectorCentralization(e)
	}
	wc := graph.WeightedClustering(g)
	avg := math.NaN()
	if len(wc) > 0 {
		avg = 0
		for _, x := range wc {
			avg += x
		}
		avg /= float64(len(wc))
	}
	tri, err := a.Triangles(ctx, spec)
	if err != nil {
		return nil, err
	}
	nt.Add("transitivity", graph.TransitivityOf(g, tri))
	nt.Add("average weighted clustering", avg)
	nt.Add("eigenvector centralization", eigC)
	ct := &Table{Name: "components", Title: "Components (two or more organizations)", Columns: []string{"component", "organizations", "ties", "diameter", "mean_path_length"}}
	if !paths {
		nt.Notes = append(nt.Notes, fmt.Sprintf("Left out: betweenness and closeness centralization, the diameter and mean path length need every shortest path, "+
			"about %.2g tie scans here, more than summary does unasked (%.0g); --all-paths computes them, 'sectornet centrality --approx' samples betweenness and closeness.", cost, float64(SummaryPathBudget)))
		ct.Notes = append(ct.Notes, "Left out (see the network table's note); --all-paths lists the components.")
		return ct, nil
	}
	nt.Add("betweenness centralization", graph.BetweennessCentralization(pc.Betweenness))
	nt.Add("closeness centralization", graph.ClosenessCentralization(pc.Closeness))
	big := -1
	for k, c := range ps.Components {
		if big < 0 || c.Nodes > ps.Components[big].Nodes {
			big = k
		}
	}
	if big >= 0 {
		nt.Add("largest component diameter", ps.Components[big].Diameter)
		nt.Add("largest component mean path length", ps.Components[big].MeanPath)
	}
	nt.Notes = append(nt.Notes,
		"transitivity: share of two-paths that are closed (NetworkX transitivity); weighted clustering: Onnela et al.'s geometric mean (NetworkX clustering(weight)).",
		"centralizations: Freeman's, relative to a star (R sna centralization); paths in hops.")

	isolates := 0
	for k, c := range ps.Components {
		if c.Nodes < 2 {
			isolates++
			continue
		}
		ct.Add(k, c.Nodes, c.Ties, c.Diameter, c.MeanPath)
	}
	ct.Notes = append(ct.Notes, "Components numbered by their first organization in organizations.csv; "+
		plural(isolates, "one organization without ties is left out", fmt.Sprintf("%d organizations without ties are left out", isolates))+
		". Path lengths in hops (NetworkX diameter, average_shortest_path_length).")
	return ct, nil
}
