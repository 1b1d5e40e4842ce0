package graph

import (
	"math"
	"slices"
)

// TieScore is one tie's partnership-survey scores in one wave: the mean of
// the trust (and of the value) scores given in the wave's reports of the
// tie, so that when A reports B with trust 3 and B reports A with trust 2
// the tie's trust is 2.5. A score no report gave is NaN.
type TieScore struct {
	Trust, Value float64
}

// pairKey is an unordered pair of organization indices, U < V.
type pairKey struct{ U, V int32 }

func newPairKey(u, v int) pairKey {
	if u > v {
		u, v = v, u
	}
	return pairKey{int32(u), int32(v)}
}

// tieScores returns the score of every tie reported in wave (of type typ
// when typ is not empty), keyed by pair. Ties naming unknown organizations
// are skipped, as in TieNetwork.
func tieScores(d *Dataset, wave, typ string) map[pairKey]TieScore {
	type acc struct {
		t, v   float64
		nt, nv int
	}
	oi := d.OrgIndex()
	sums := map[pairKey]*acc{}
	for _, t := range d.Ties {
		if t.Wave != wave || (typ != "" && t.Type != typ) {
			continue
		}
		u, ok1 := oi[t.Source]
		v, ok2 := oi[t.Target]
		if !ok1 || !ok2 || u == v {
			continue
		}
		k := newPairKey(u, v)
		a := sums[k]
		if a == nil {
			a = &acc{}
			sums[k] = a
		}
		if !math.IsNaN(t.Trust) {
			a.t += t.Trust
			a.nt++
		}
		if !math.IsNaN(t.Value) {
			a.v += t.Value
			a.nv++
		}
	}
	out := make(map[pairKey]TieScore, len(sums))
	for k, a := range sums {
		s := TieScore{Trust: math.NaN(), Value: math.NaN()}
		if a.nt > 0 {
			s.Trust = a.t / float64(a.nt)
		}
		if a.nv > 0 {
			s.Value = a.v / float64(a.nv)
		}
		out[k] = s
	}
	return out
}

// ScoreMean is the mean trust and value of a group of ties. Each tie
// counts once (its score is the mean of its reports, see TieScore); ties
// without a score are left out of that score's mean.
type ScoreMean struct {
	Ties   int     // ties in the group
	TrustN int     // ties with a trust score
	Trust  float64 // mean trust; NaN when TrustN is 0
	ValueN int     // ties with a value score
	Value  float64 // mean value; NaN when ValueN is 0
}

// scoreAcc accumulates a ScoreMean.
type scoreAcc struct {
	ties, nt, nv int
	t, v         float64
}

func (a *scoreAcc) add(s TieScore) {
	a.ties++
	if !math.IsNaN(s.Trust) {
		a.t += s.Trust
		a.nt++
	}
	if !math.IsNaN(s.Value) {
		a.v += s.Value
		a.nv++
	}
}

func (a *scoreAcc) mean() ScoreMean {
	m := ScoreMean{Ties: a.ties, TrustN: a.nt, ValueN: a.nv, Trust: math.NaN(), Value: math.NaN()}
	if a.nt > 0 {
		m.Trust = a.t / float64(a.nt)
	}
	if a.nv > 0 {
		m.Value = a.v / float64(a.nv)
	}
	return m
}

// SectorPairScore is the ScoreMean of the ties between sectors A and B
// (indices into Dataset.Sectors, A <= B; A == B for ties within a sector).
type SectorPairScore struct {
	A, B int
	ScoreMean
}

// WaveScores is the trust and value of one wave's ties, overall and per
// sector pair.
type WaveScores struct {
	Wave        string
	All         ScoreMean
	SectorPairs []SectorPairScore // only pairs with ties, ordered by A then B
}

// HasScores reports whether any tie of d (of type typ when not empty)
// carries a trust or value score.
func HasScores(d *Dataset, typ string) bool {
	for _, t := range d.Ties {
		if (typ == "" || t.Type == typ) && (!math.IsNaN(t.Trust) || !math.IsNaN(t.Value)) {
			return true
		}
	}
	return false
}

// ScoresByWave returns, for every wave in order, the mean trust and value
// of its ties (of type typ when not empty), overall and per sector pair.
// A tie's score is the mean of its reports' scores (TieScore); each tie
// then counts once in the means.
func ScoresByWave(d *Dataset, typ string) []WaveScores {
	sec := d.OrgSectors()
	var out []WaveScores
	for _, w := range d.Waves() {
		sc := tieScores(d, w, typ)
		keys := sortedPairKeys(sc)
		var all scoreAcc
		bySP := map[[2]int]*scoreAcc{}
		for _, k := range keys {
			s := sc[k]
			all.add(s)
			sp := sectorPair(sec[k.U], sec[k.V])
			a := bySP[sp]
			if a == nil {
				a = &scoreAcc{}
				bySP[sp] = a
			}
			a.add(s)
		}
		ws := WaveScores{Wave: w, All: all.mean()}
		sps := make([][2]int, 0, len(bySP))
		for sp := range bySP {
			sps = append(sps, sp)
		}
		slices.SortFunc(sps, cmpSectorPair)
		for _, sp := range sps {
			ws.SectorPairs = append(ws.SectorPairs, SectorPairScore{A: sp[0], B: sp[1], ScoreMean: bySP[sp].mean()})
		}
		out = append(out, ws)
	}
	return out
}

func sortedPairKeys[V any](m map[pairKey]V) []pairKey {
	keys := make([]pairKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b pairKey) int {
		if a.U != b.U {
			return int(a.U) - int(b.U)
		}
		return int(a.V) - int(b.V)
	})
	return keys
}

// sectorPair orders two sector indices.
func sectorPair(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

func cmpSectorPair(a, b [2]int) int {
	if a[0] != b[0] {
		return a[0] - b[0]
	}
	return a[1] - b[1]
}
