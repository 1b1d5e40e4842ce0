package graph

import "context"

// TwoModeCentrality holds the two-mode centralities of the nodes of an
// affiliation network, indexed as in Affiliation.Bipartite: organizations
// 0..Orgs-1, then groups (forums) Orgs..Orgs+groups-1.
type TwoModeCentrality struct {
	Orgs        int
	Degree      []float64
	Betweenness []float64
	Closeness   []float64
}

// TwoMode computes degree, betweenness and closeness centrality on the
// two-mode network of a's organizations and groups, normalized as
// Borgatti and Everett (1997), "Network analysis of 2-mode data", Social
// Networks 19(3), 243-269, doi:10.1016/S0378-8733(96)00301-2, in the
// implementation of NetworkX's bipartite module (degree_centrality,
// betweenness_centrality, closeness_centrality with the organizations as
// the node set). With n organizations and m groups:
//
//   - degree: an organization's number of groups / m; a group's number of
//     members / n.
//   - betweenness: the unnormalized (pair-counting) betweenness on the
//     bipartite graph divided by its maximum for the node's side,
//     ½[m²(s+1)² + m(s+1)(2t-s-1) - t(2s-t+3)] with s, t = (n-1) div m,
//     (n-1) mod m for organizations, and the same with n and m swapped for
//     groups. When that maximum is 0 (one node against one) the score is 0.
//   - closeness: (m + 2(n-1)) / Σ_u d(v,u) for an organization and
//     (n + 2(m-1)) / Σ_u d(v,u) for a group, the minimum possible distance
//     sum over the actual one, times (r-1)/(n+m-1) where r is the number of
//     nodes v reaches (v included), as NetworkX normalizes for
//     disconnected networks.
//
// Nodes with no tie (an organization in no forum, a forum without
// members) get 0 on all three. When one side is empty its degree
// normalization is undefined and degrees are NaN.
func TwoMode(ctx context.Context, a *Affiliation, o PathOptions) (TwoModeCentrality, error) {
	n, m := len(a.OrgGroups), len(a.GroupMembers)
	g := a.Bipartite()
	o.Paths = PathsHops
	sums, err := shortestPathSums(ctx, g, o)
	if err != nil {
		return TwoModeCentrality{}, err
	}
	tot := n + m
	c := TwoModeCentrality{
		Orgs:        n,
		Degree:      make([]float64, tot),
		Betweenness: make([]float64, tot),
		Closeness:   make([]float64, tot),
	}
	betMaxOrg, betMaxGroup := bipartiteBetweennessMax(n, m), bipartiteBetweennessMax(m, n)
	for v := 0; v < tot; v++ {
		other, own := m, n
		betMax := betMaxOrg
		if v >= n {
			other, own = n, m
			betMax = betMaxGroup
		}
		c.Degree[v] = float64(g.Degree(v)) * (1 / float64(other))
		// sums.pairs counts each unordered pair twice; NetworkX's
		// unnormalized undirected betweenness halves it.
		if betMax > 0 {
			c.Betweenness[v] = sums.pairs[v] * 0.5 / betMax
		}
		if sums.far[v] > 0 && tot > 1 {
			cl := float64(other+2*(own-1)) / sums.far[v]
			c.Closeness[v] = cl * (float64(sums.reach[v]-1) / float64(tot-1))
		}
	}
	return c, nil
}

// bipartiteBetweennessMax is the largest possible (pair-counting)
// betweenness of a node on the side of n nodes facing m nodes (Borgatti
// and Everett 1997, as NetworkX bipartite.betweenness_centrality).
func bipartiteBetweennessMax(n, m int) float64 {
	if m == 0 {
		return 0
	}
	s, t := (n-1)/m, (n-1)%m
	return float64(m*m*(s+1)*(s+1)+m*(s+1)*(2*t-s-1)-t*(2*s-t+3)) / 2
}
