package out

import (
	"context"

	"github.com/sectornet/sectornet/graph"
)

// CentralityTable is one row per organization with its centralities in
// the network spec describes: degree, strength, betweenness (and with
// approx its error bound), closeness, eigenvector and PageRank. With
// approx the sentences stating how betweenness and closeness were sampled
// are among the table's notes, and in Notes for csv and json.
func CentralityTable(ctx context.Context, a *Analysis, spec graph.NetworkSpec, paths graph.Paths, stop graph.PageRankStop, approx *Approx, seed uint64) (*Tables, error) {
	d := a.Dataset
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	pm, err := a.PathMeasures(ctx, spec, paths, approx, seed, true, true)
	if err != nil {
		return nil, err
	}
	eig, err := a.Eigenvector(spec)
	if err != nil {
		return nil, err
	}
	pr, err := a.PageRank(spec, stop)
	if err != nil {
		return nil, err
	}
	cols := []string{"id", "name", "sector", "degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank"}
	if approx != nil {
		cols = []string{"id", "name", "sector", "degree", "strength", "betweenness", "betweenness_error", "closeness", "eigenvector", "pagerank"}
	}
	t := &Table{Name: "organizations", Title: "Centrality: " + a.Describe(spec), Columns: cols}
	for i, org := range d.Orgs {
		if approx != nil {
			t.Add(org.ID, org.Name, org.Sector, g.Degree(i), g.Strength(i), pm.Betweenness[i], pm.BetweennessError[i], pm.Closeness[i], eig[i], pr[i])
		} else {
			t.Add(org.ID, org.Name, org.Sector, g.Degree(i), g.Strength(i), pm.Betweenness[i], pm.Closeness[i], eig[i], pr[i])
		}
	}
	lengths := "path lengths in ties"
	if paths == graph.PathsWeighted {
		lengths = "path lengths 1/weight"
	}
	t.Notes = append(t.Notes,
		"betweenness normalized by (n-1)(n-2)/2; closeness Wasserman-Faust (0 for isolates); "+lengths+"; eigenvector unit norm; PageRank damping 0.85, "+PageRankNote(stop)+" (NetworkX conventions).")
	t.Notes = append(t.Notes, pm.Notes...)
	return &Tables{Tables: []*Table{t}, Notes: pm.Notes}, nil
}

// TwoModeTable is one row per organization and forum (or meeting, for
// graph.BasisMeetings) with its two-mode centralities.
func TwoModeTable(ctx context.Context, a *Analysis, basis graph.Basis) (*Tables, error) {
	d := a.Dataset
	kind, groupIDs := "forum", make([]string, len(d.Forums))
	for i, f := range d.Forums {
		groupIDs[i] = f.ID
	}
	if basis == graph.BasisMeetings {
		kind, groupIDs = "meeting", make([]string, len(d.Meetings))
		for i, m := range d.Meetings {
			groupIDs[i] = m.ID
		}
	}
	c, err := a.TwoMode(ctx, basis)
	if err != nil {
		return nil, err
	}
	t := &Table{Name: "nodes", Title: "Two-mode centrality: organizations and " + kind + "s",
		Columns: []string{"id", "kind", "degree", "betweenness", "closeness"}}
	for v := range c.Degree {
		id, k := "", "org"
		if v < c.Orgs {
			id = d.Orgs[v].ID
		} else {
			id, k = groupIDs[v-c.Orgs], kind
		}
		t.Add(id, k, c.Degree[v], c.Betweenness[v], c.Closeness[v])
	}
	t.Notes = append(t.Notes, "Normalized for two-mode data (Borgatti and Everett 1997; NetworkX bipartite): degree over the size of the other mode; betweenness over its two-mode maximum; closeness as the minimum distance sum over the actual one, times the share of nodes reached.")
	return tables(t), nil
}
