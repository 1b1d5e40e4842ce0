package main

import (
	"context"
	"fmt"
	"math"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

// summaryPathBudget is the largest AllPathsCost for which summary finds
// every shortest path without being asked (--all-paths): a few seconds.
const summaryPathBudget = 2e9

// cohesionTables adds to summary's network table the cohesion and path
// measures of g (transitivity, weighted clustering, Freeman
// centralizations, the largest component's diameter and mean path
// length) and returns the table of components with two or more
// organizations. The path measures are left out, with a note saying how
// to get them, when they would cost more than summaryPathBudget and
// allPaths is false.
func cohesionTables(ctx context.Context, s *streams, g *graph.Network, nt *out.Table, allPaths bool) (*out.Table, error) {
	cost := graph.AllPathsCost(g)
	paths := allPaths || cost <= summaryPathBudget
	var pc graph.PathCentrality
	var ps graph.PathStats
	if paths {
		var err error
		pc, err = graph.ShortestPathCentrality(ctx, g, graph.PathOptions{Progress: progress(s, "betweenness and closeness")})
		if err != nil {
			return nil, err
		}
		if ps, err = graph.PathMeasures(ctx, g); err != nil {
			return nil, err
		}
	}
	eigC := math.NaN()
	if e, err := graph.Eigenvector(g); err == nil {
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
	nt.Add("transitivity", graph.Transitivity(g))
	nt.Add("average weighted clustering", avg)
	nt.Add("eigenvector centralization", eigC)
	ct := &out.Table{Name: "components", Title: "Components (two or more organizations)", Columns: []string{"component", "organizations", "ties", "diameter", "mean_path_length"}}
	if !paths {
		nt.Notes = append(nt.Notes, fmt.Sprintf("Left out: betweenness and closeness centralization, the diameter and mean path length need every shortest path, "+
			"about %.2g tie scans here, more than summary does unasked (%.0g); --all-paths computes them, 'sectornet centrality --approx' samples betweenness and closeness.", cost, float64(summaryPathBudget)))
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
