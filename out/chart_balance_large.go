package out

import (
	"fmt"
	"math"
	"slices"

	"github.com/sectornet/sectornet/graph"
)

// ManyForums is the number of forums above which the balance chart shows
// the most unbalanced forums only, and the gaps chart every forum.
const ManyForums = 30

// forumGaps returns, for each forum of b and each sector, the gap of its
// share: from the key's target when there is one, else from the sector's
// share of all seats (b.Overall). reference says which.
func forumGaps(b graph.Balance, k int) (gaps [][]float64, keyed bool) {
	gaps = make([][]float64, len(b.Forums))
	for f, fb := range b.Forums {
		gaps[f] = make([]float64, k)
		for s := range k {
			gaps[f][s] = math.NaN()
			if s >= len(fb.Sectors) || math.IsNaN(fb.Sectors[s].Share) {
				continue
			}
			sb := fb.Sectors[s]
			switch {
			case !math.IsNaN(sb.Target):
				gaps[f][s] = sb.Share - sb.Target
				keyed = true
			case s < len(b.Overall.Sectors) && !math.IsNaN(b.Overall.Sectors[s].Share):
				gaps[f][s] = sb.Share - b.Overall.Sectors[s].Share
			}
		}
	}
	return gaps, keyed
}

// MostUnbalanced returns the indices (in b.Forums) of the n forums with
// the largest gap of any sector (see forumGaps), largest first; forums of
// equal gap in b's order.
func MostUnbalanced(b graph.Balance, sectors, n int) []int {
	gaps, _ := forumGaps(b, sectors)
	worst := make([]float64, len(gaps))
	for f, gs := range gaps {
		for _, g := range gs {
			if !math.IsNaN(g) {
				worst[f] = math.Max(worst[f], math.Abs(g))
			}
		}
	}
	return topIndices(worst, n)
}

// BalanceTopChart is BalanceChart for many forums: the n most unbalanced
// forums (MostUnbalanced) and all forums together, with a note saying
// how many were left out and by what they were chosen.
func BalanceTopChart(d *graph.Dataset, b graph.Balance, n int) *Chart {
	if len(b.Forums) <= n {
		return BalanceChart(d, b)
	}
	keep := MostUnbalanced(b, len(d.Sectors), n)
	_, keyed := forumGaps(b, len(d.Sectors))
	sub := graph.Balance{Overall: b.Overall}
	for _, f := range keep {
		sub.Forums = append(sub.Forums, b.Forums[f])
	}
	c := BalanceChart(d, sub)
	c.Title = fmt.Sprintf("The %d most unbalanced of %d forums", len(keep), len(b.Forums))
	by := "the share of all seats"
	if keyed {
		by = "the key's target (the share of all seats where the key has none)"
	}
	c.Note = fmt.Sprintf("Forums with the largest gap of any sector from %s, largest first; %d others not shown (the gaps chart has every forum).", by, len(b.Forums)-len(keep))
	return c
}

// BalanceGapsChart is a dot plot of every forum's gap per sector (see
// forumGaps): one row per sector, one dot per forum, jittered within the
// row so that equal gaps stay visible. It stays readable with thousands
// of forums.
func BalanceGapsChart(d *graph.Dataset, b graph.Balance) *Chart {
	styles := SectorStyles(d)
	gaps, keyed := forumGaps(b, len(d.Sectors))
	c := &Chart{Title: fmt.Sprintf("Sector gap of each of %d forums", len(b.Forums)), Horizontal: true}
	c.XLabel = "share of members minus share of all seats"
	if keyed {
		c.XLabel = "share of members minus target"
	}
	names := make([]string, len(d.Sectors))
	for k, s := range d.Sectors {
		names[k] = s.Name()
	}
	c.Categories = DistinctLabels(names, MaxLabel)
	for k := range d.Sectors {
		var xs []float64
		for f := range gaps {
			if !math.IsNaN(gaps[f][k]) {
				xs = append(xs, gaps[f][k])
			}
		}
		c.Dots = append(c.Dots, ChartDots{Color: styles[k].Color, X: xs})
	}
	lo, hi := 0.0, 0.0
	for _, ds := range c.Dots {
		if len(ds.X) > 0 {
			lo, hi = math.Min(lo, slices.Min(ds.X)), math.Max(hi, slices.Max(ds.X))
		}
	}
	c.Min, c.Max = math.Floor(lo*10)/10, math.Ceil(hi*10)/10
	if c.Max <= c.Min {
		c.Max = c.Min + 0.1
	}
	c.Note = "Each dot is a forum; 0 is a forum whose sector share is the target (or the share of all seats); dots spread up and down only to stay apart."
	return c
}
