package out

import (
	"fmt"
	"math"
	"slices"

	"github.com/sectornet/sectornet/graph"
)

// Chart kinds, for flag help.
var ChartKinds = []string{"balance", "balance-gaps", "centrality", "degree", "change", "firsts", "retention", "trends"}

// BalanceChart shows each forum's sector shares as a stacked bar, the
// forums in the order of b, all forums together last, with the key's
// target share of each sector marked where that sector's part of the bar
// should end.
func BalanceChart(d *graph.Dataset, b graph.Balance) *Chart {
	styles := SectorStyles(d)
	c := &Chart{Title: "Sector shares of forum members", XLabel: "share of members", Horizontal: true, Stacked: true, Max: 1,
		MarkName: "target (cumulative)"}
	rows := append(slices.Clone(b.Forums), b.Overall)
	c.Series = make([]ChartSeries, len(d.Sectors))
	for k, s := range d.Sectors {
		c.Series[k] = ChartSeries{Name: s.Name(), Color: styles[k].Color}
	}
	names := make([]string, len(rows))
	for r, fb := range rows {
		names[r] = "All forums"
		if fb.Forum >= 0 {
			names[r] = d.Forums[fb.Forum].Name
		}
	}
	names = DistinctLabels(names, MaxLabel)
	for r, fb := range rows {
		c.Categories = append(c.Categories, names[r])
		var marks []float64
		cum, cumT, hasT := 0.0, 0.0, false
		for k := range d.Sectors {
			sh := math.NaN()
			t := math.NaN()
			if k < len(fb.Sectors) {
				sh, t = fb.Sectors[k].Share, fb.Sectors[k].Target
			}
			if math.IsNaN(sh) {
				sh = 0
			}
			c.Series[k].Values = append(c.Series[k].Values, sh)
			cum += sh
			if !math.IsNaN(t) {
				hasT = true
				cumT += t
			}
			if hasT && !math.IsNaN(t) && k < len(d.Sectors)-1 && cumT < 1-1e-9 {
				marks = append(marks, cumT)
			}
		}
		c.Marks = append(c.Marks, marks)
	}
	hasMark := false
	for _, m := range c.Marks {
		hasMark = hasMark || len(m) > 0
	}
	if len(b.Forums) == 0 || !hasMark {
		c.Marks = nil
	}
	return c
}

// CentralityChart shows the top n organizations by a measure (ties by
// dataset order), coloured by sector.
func CentralityChart(d *graph.Dataset, values []float64, measure string, n int) *Chart {
	styles := SectorStyles(d)
	sec := d.OrgSectors()
	idx := topK(values, nil, n)
	// A zero-length bar says nothing: the chart stops at the last
	// organization with a positive value (the title says how many).
	shown := 0
	for _, i := range idx {
		if values[i] > 0 {
			shown++
		}
	}
	left := len(idx) - shown
	idx = idx[:shown]
	c := &Chart{Title: "Top organizations by " + measure, XLabel: measure, Horizontal: true, Stacked: true}
	c.Series = make([]ChartSeries, len(d.Sectors))
	for k, s := range d.Sectors {
		c.Series[k] = ChartSeries{Name: s.Name(), Color: styles[k].Color, Values: make([]float64, len(idx))}
	}
	names := make([]string, len(idx))
	for r, i := range idx {
		names[r] = d.Orgs[i].Name
	}
	names = DistinctLabels(names, MaxLabel)
	if left > 0 {
		c.Note = fmt.Sprintf("%d of the top %d have %s 0 and are not shown.", left, len(idx)+left, measure)
	}
	for r, i := range idx {
		c.Categories = append(c.Categories, names[r])
		if k := sec[i]; k >= 0 {
			c.Series[k].Values[r] = values[i]
		}
	}
	// Sectors with no bar stay out of the legend.
	var keep []ChartSeries
	for _, s := range c.Series {
		if slices.ContainsFunc(s.Values, func(v float64) bool { return v != 0 }) {
			keep = append(keep, s)
		}
	}
	c.Series = keep
	return c
}

// DegreeChart shows the degree distribution of g: for each degree k from
// 0 to the largest, the number of organizations with k partners.
func DegreeChart(g *graph.Network) *Chart {
	mx := 0
	for i := 0; i < g.N(); i++ {
		mx = max(mx, g.Degree(i))
	}
	counts := make([]float64, mx+1)
	for i := 0; i < g.N(); i++ {
		counts[g.Degree(i)]++
	}
	return &Chart{Title: "Degree distribution", XLabel: "partners (degree)", YLabel: "organizations",
		Series: []ChartSeries{{Color: "#0072B2", Values: counts}}, Counts: true}
}

// ChangeChart shows, for each pair of sectors with a tie in either wave,
// the new, dissolved and kept ties between the waves of c.
func ChangeChart(d *graph.Dataset, c *graph.Change) *Chart {
	ch := &Chart{Title: "Tie change " + c.From + " to " + c.To + " by sector pair", XLabel: "ties", Horizontal: true, Counts: true}
	nw := ChartSeries{Name: "new", Color: colorNewCross}
	ds := ChartSeries{Name: "dissolved", Color: colorDissolved}
	kp := ChartSeries{Name: "kept", Color: "#555555"}
	for _, sp := range c.SectorPairs {
		if sp.New+sp.Dissolved+sp.Kept == 0 {
			continue
		}
		ch.Categories = append(ch.Categories, sectorID(d, sp.A)+" – "+sectorID(d, sp.B))
		nw.Values = append(nw.Values, float64(sp.New))
		ds.Values = append(ds.Values, float64(sp.Dissolved))
		kp.Values = append(kp.Values, float64(sp.Kept))
	}
	ch.Series = []ChartSeries{nw, ds, kp}
	return ch
}

func sectorID(d *graph.Dataset, k int) string {
	if k < 0 || k >= len(d.Sectors) {
		return "?"
	}
	return d.Sectors[k].ID
}

// FirstsChart shows, over meeting dates, the cumulative number of distinct
// pairs of organizations that have met at a meeting, and of those from
// different sectors.
func FirstsChart(d *graph.Dataset, f graph.Firsts) *Chart {
	all := ChartLine{Name: "pairs that have met", Color: "#0072B2"}
	cross := ChartLine{Name: "of which across sectors", Color: colorNewCross, Dashed: true}
	for _, m := range f.Meetings {
		x := dateValue(d.Meetings[m.Meeting].Date)
		all.X, all.Y = append(all.X, x), append(all.Y, float64(m.Cumulative))
		cross.X, cross.Y = append(cross.X, x), append(cross.Y, float64(m.CumulativeCross))
	}
	return &Chart{Title: "Who has met whom, cumulative", XLabel: "meeting date", YLabel: "pairs of organizations",
		Lines: []ChartLine{all, cross}, Dates: true, Counts: true}
}
