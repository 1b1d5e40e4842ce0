package graph

import "math"

// BrokerageColumns names the six columns of a BrokerageTest's arrays, in
// R sna's order: the five Gould-Fernandez roles and their total.
var BrokerageColumns = [6]string{"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}

// BrokerageScores are the observed, expected and standardized counts of
// the brokerage roles, indexed as BrokerageColumns (w_I, w_O, b_IO, b_OI,
// b_O, t).
type BrokerageScores struct {
	Observed, Expected, SD, Z [6]float64
}

// BrokerageTest is the significance of the brokerage roles against a
// random network of the same density, per node and for the whole network.
type BrokerageTest struct {
	Density float64 // 2M / (N(N-1)), the tie probability of the null model
	Nodes   []BrokerageScores
	Network BrokerageScores
}

// BrokerageSignificance returns, for every node and for the network, the
// brokerage role counts of BrokerageRoles with their expected values and
// standard deviations under Gould and Fernandez's null model, in which
// every ordered pair is tied independently with probability d, the
// network's density, and the z-scores (observed - expected) / SD: R sna
// brokerage(g, cl)'s raw.nli, exp.nli, sd.nli and z.nli (per node) and
// raw.gli, exp.gli, sd.gli and z.gli (network), on the symmetric adjacency
// matrix, so that d = 2M / (N(N-1)) (R. V. Gould and R. M. Fernandez,
// Sociol. Methodol. 19, 89-126 (1989), doi:10.2307/270949; the variances
// are sna's). A node's expectations depend only on its group's size n_i
// and N: coordinator d²(1-d)(n_i-1)(n_i-2), itinerant d²(1-d) Σ_{j≠i}
// n_j(n_j-1), representative and gatekeeper d²(1-d)(N-n_i)(n_i-1),
// liaison d²(1-d) Σ_{j≠k, both ≠ i} n_j n_k, total d²(1-d)(N-1)(N-2). A
// zero SD (a density of 0 or 1, or a group too small for the role) gives
// a z-score of NaN or ±Inf, as in R.
func BrokerageSignificance(g *Network, p Groups) BrokerageTest {
	return BrokerageSignificanceOf(g, p, BrokerageRoles(g, p))
}

// BrokerageSignificanceOf is BrokerageSignificance from the roles raw =
// BrokerageRoles(g, p), for a caller that has them already.
func BrokerageSignificanceOf(g *Network, p Groups, raw []Brokerage) BrokerageTest {
	p.check(g.N())
	N := float64(g.N())
	t := BrokerageTest{Nodes: make([]BrokerageScores, g.N())}
	if g.N() > 1 {
		t.Density = 2 * float64(g.M()) / (N * (N - 1))
	}
	d := t.Density
	a := d * d * (1 - d)       // d²(1-d)
	b := 1 - a                 // 1 - d²(1-d)
	c3 := math.Pow(d*(1-d), 3) // d³(1-d)³
	c4 := math.Pow(d, 4) * (1 - d) * (1 - d)
	c5 := math.Pow(d, 5) * (1 - d)
	choose2 := func(x float64) float64 { return x * (x - 1) / 2 }
	sizes := p.Sizes()
	n := make([]float64, len(sizes))
	for i, s := range sizes {
		n[i] = float64(s)
	}

	// Per group (sna's exp.grp and sd.grp).
	var ebr, vbr [][6]float64
	for i := range n {
		var e, v [6]float64
		ni := n[i]
		e[0] = a * (ni - 1) * (ni - 2)
		v[0] = e[0]*b + 2*(ni-1)*(ni-2)*(ni-3)*c3
		var s2, s3, sq, sum, s5 float64
		for j, nj := range n {
			if j == i {
				continue
			}
			s2 += nj * (nj - 1)
			s3 += nj * (nj - 1) * (nj - 2)
			sum += nj
			sq += nj * nj
			s5 += nj * choose2(N-nj-ni)
		}
		e[1] = a * s2
		v[1] = e[1]*b + 2*s3*c3
		e[2] = a * (N - ni) * (ni - 1)
		v[2] = e[2]*b + 2*((ni-1)*choose2(N-ni)+(N-ni)*choose2(ni-1))*c3
		e[3], v[3] = e[2], v[2]
		e[4] = a * (sum*sum - sq)
		v[4] = e[4]*b + 4*s5*c3
		e[5] = a * (N - 1) * (N - 2)
		v[5] = e[5]*b + 2*(N-1)*(N-2)*(N-3)*c3
		ebr, vbr = append(ebr, e), append(vbr, v)
	}
	var total [6]float64
	for x, r := range raw {
		s := &t.Nodes[x]
		s.Observed = [6]float64{float64(r.Coordinator), float64(r.Itinerant), float64(r.Representative),
			float64(r.Gatekeeper), float64(r.Liaison), float64(r.Total())}
		grp := p.Label[x]
		for j := range 6 {
			s.Expected[j] = ebr[grp][j]
			s.SD[j] = math.Sqrt(vbr[grp][j])
			s.Z[j] = (s.Observed[j] - s.Expected[j]) / s.SD[j]
			total[j] += s.Observed[j]
		}
	}

	// The network (sna's exp.gli and sd.gli).
	var e, v [6]float64
	for _, ni := range n {
		e[0] += a * ni * (ni - 1) * (ni - 2)
		v[0] += ni * (ni - 1) * (ni - 2) * ((4*ni-10)*c3 - 4*(ni-3)*c4 + (ni-3)*c5)
		e[2] += a * ni * (N - ni) * (ni - 1)
		v[2] += ni * (N - ni) * (ni - 1) * ((N-3)*c3 + (ni-2)*c5)
	}
	v[0] += e[0] * b
	e[1] = e[2]
	var outer2, outer5 float64
	for _, x := range n {
		for _, y := range n {
			outer2 += x * y * (x - 1) * ((2*x+2*y-6)*c3 + (N-x-1)*c5)
			outer5 += x * y * (N - x - y)
		}
	}
	diag2, diag5 := 0.0, 0.0
	for _, x := range n {
		diag2 += x * x * (x - 1) * ((4*x-6)*c3 + (N-x-1)*c5)
		diag5 += x * x * (N - 2*x)
	}
	v[1] = e[1]*b + outer2 - diag2
	v[2] += e[2] * b
	e[3], v[3] = e[2], v[2]
	e[4] = a * (outer5 - diag5)
	v[4] = e[4] * b
	for i, ni := range n {
		for j, nj := range n {
			for k, nk := range n {
				if i == j || j == k || i == k {
					continue
				}
				v[4] += ni * nj * nk * ((4*(N-nj)-2*(ni+nk+1))*c3 - (4*(N-nk)-2*(ni+nj+1))*c4 + (N-(ni+nk+1))*c5)
			}
		}
	}
	e[5] = a * N * (N - 1) * (N - 2)
	v[5] = e[5]*b + N*(N-1)*(N-2)*((4*N-10)*c3-4*(N-3)*c4+(N-3)*c5)
	t.Network.Observed = total
	for j := range 6 {
		t.Network.Expected[j] = e[j]
		t.Network.SD[j] = math.Sqrt(v[j])
		t.Network.Z[j] = (total[j] - e[j]) / t.Network.SD[j]
	}
	return t
}
