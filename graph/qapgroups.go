package graph

import (
	"encoding/binary"
	"math"
)

// logitGroups speeds up the permutation fits of a logistic QAP model
// whose design has few distinct rows, as designs of counts and dummies
// have (sharing 0-4 forums, same sector or not, a degree sum): the
// likelihood of the dyads of one row of predictors depends only on their
// number and their successes, so each fit runs on the distinct rows as
// binomial trials, which gives the same estimates and standard errors.
type logitGroups struct {
	k     int
	pat   Dyads     // each dyad's pattern (distinct design row), as a number
	rows  []float64 // the distinct rows, row-major G×k
	first []int     // a dyad of each pattern

	// Semi-partialling, per coefficient i: the pattern of each dyad's row
	// without column i, those rows (column i left 0), and the value of
	// predictor i's residual for each full pattern.
	zpat   [][]int32
	zrows  [][]float64
	resVal [][]float64
}

// newLogitGroups returns the patterns of the row-major design xall (k
// columns, one row per dyad of an n-node network), or nil when the
// distinct rows are more than a third of the dyads and grouping would
// not pay. resid, when not nil, holds each predictor's residual on the
// others (semi-partialling).
func newLogitGroups(xall []float64, k, n int, resid []Dyads) *logitGroups {
	m := len(xall) / k
	ids, first := rowPatterns(xall, k, -1, m/3)
	if ids == nil {
		return nil
	}
	g := &logitGroups{k: k, pat: Dyads{N: n, V: make([]float64, m)}, first: first}
	for r, id := range ids {
		g.pat.V[r] = float64(id)
	}
	for _, r := range first {
		g.rows = append(g.rows, xall[r*k:(r+1)*k]...)
	}
	if resid != nil {
		for i := range k {
			zid, zfirst := rowPatterns(xall, k, i, m)
			zr := make([]float64, 0, len(zfirst)*k)
			for _, r := range zfirst {
				row := xall[r*k : (r+1)*k]
				for j, v := range row {
					if j == i {
						v = 0
					}
					zr = append(zr, v)
				}
			}
			rv := make([]float64, len(first))
			for p, r := range first {
				rv[p] = resid[i].V[r]
			}
			g.zpat, g.zrows, g.resVal = append(g.zpat, zid), append(g.zrows, zr), append(g.resVal, rv)
		}
	}
	return g
}

func (g *logitGroups) patterns() Dyads { return g.pat }

// rowPatterns numbers the distinct rows of the row-major design x (k
// columns), column skip left out (-1 for none), in order of first
// appearance: the number of each row and the first row of each number.
// It returns nil when there are more than limit of them.
func rowPatterns(x []float64, k, skip, limit int) ([]int32, []int) {
	m := len(x) / k
	ids := make([]int32, m)
	seen := map[string]int32{}
	var first []int
	key := make([]byte, 8*k)
	for r := range m {
		key = key[:0]
		for j, v := range x[r*k : (r+1)*k] {
			if j != skip {
				key = binary.LittleEndian.AppendUint64(key, math.Float64bits(v))
			}
		}
		id, ok := seen[string(key)]
		if !ok {
			if len(first) >= limit {
				return nil, nil
			}
			id = int32(len(first))
			seen[string(key)] = id
			first = append(first, r)
		}
		ids[r] = id
	}
	return ids, first
}

// groupScratch is one goroutine's working memory for grouped fits.
type groupScratch struct {
	cnt, suc []float64 // trials and successes of each group
	x, y     []float64 // the groups' design and proportions
	idx      []int32   // combination -> group, -1 when unused (dense)
	touched  []int32
	sparse   map[int64]int32
}

// fitY fits the permuted outcome yp (NaN where missing) on the design's
// patterns.
func (g *logitGroups) fitY(yp []float64, s *groupScratch, ls *logitScratch) logitResult {
	np := len(g.first)
	if len(s.cnt) < np {
		s.cnt, s.suc = make([]float64, np), make([]float64, np)
	}
	cnt, suc := s.cnt[:np], s.suc[:np]
	clear(cnt)
	clear(suc)
	for r, v := range yp {
		if !math.IsNaN(v) {
			p := int(g.pat.V[r])
			cnt[p]++
			suc[p] += v
		}
	}
	s.x, s.y = s.x[:0], s.y[:0]
	var w []float64
	for p := range np {
		if cnt[p] > 0 {
			s.x = append(s.x, g.rows[p*g.k:(p+1)*g.k]...)
			s.y = append(s.y, suc[p]/cnt[p])
			w = append(w, cnt[p])
		}
	}
	return ls.fit(s.x, g.k, s.y, w)
}

// fitSPP fits the outcome y (NaN where missing) on the other predictors
// and, in column i, predictor i's residual permuted: src holds each
// dyad's source pattern under the permutation (the permuted patterns).
func (g *logitGroups) fitSPP(i int, src, y []float64, s *groupScratch, ls *logitScratch) logitResult {
	k := g.k
	np := len(g.first)
	nz := len(g.zrows[i]) / k
	dense := nz*np <= 1<<20
	if dense && len(s.idx) < nz*np {
		s.idx = make([]int32, nz*np)
		for x := range s.idx {
			s.idx[x] = -1
		}
	}
	if !dense && s.sparse == nil {
		s.sparse = map[int64]int32{}
	}
	s.cnt, s.suc, s.x = s.cnt[:0], s.suc[:0], s.x[:0]
	zpat, zrows, rv := g.zpat[i], g.zrows[i], g.resVal[i]
	for r, v := range y {
		if math.IsNaN(v) {
			continue
		}
		z, p := int(zpat[r]), int(src[r])
		key := int64(z)*int64(np) + int64(p)
		var c int32
		var ok bool
		if dense {
			c = s.idx[key]
			ok = c >= 0
		} else {
			c, ok = s.sparse[key]
		}
		if !ok {
			c = int32(len(s.cnt))
			if dense {
				s.idx[key] = c
				s.touched = append(s.touched, int32(key))
			} else {
				s.sparse[key] = c
			}
			s.cnt, s.suc = append(s.cnt, 0), append(s.suc, 0)
			s.x = append(s.x, zrows[z*k:(z+1)*k]...)
			s.x[int(c)*k+i] = rv[p]
		}
		s.cnt[c]++
		s.suc[c] += v
	}
	if dense {
		for _, key := range s.touched {
			s.idx[key] = -1
		}
		s.touched = s.touched[:0]
	} else {
		clear(s.sparse)
	}
	s.y = s.y[:0]
	for c, n := range s.cnt {
		s.y = append(s.y, s.suc[c]/n)
	}
	return ls.fit(s.x, k, s.y, s.cnt)
}
