package out

import (
	"fmt"
	"math"

	"github.com/sectornet/sectornet/graph"
)

// RetentionChart draws the Kaplan-Meier retention curve of each sector
// with members who came (step lines from 1 at time 0), the sector's
// colour, dashed every other sector so the lines stay apart in greyscale.
func RetentionChart(d *graph.Dataset, r graph.Retention) *Chart {
	styles := SectorStyles(d)
	c := &Chart{Title: "Retention of forum members by sector", XLabel: r.Unit.String() + " since the first attendance",
		YLabel: "share still coming", Max: 1, XCounts: r.Unit == graph.RetentionMeetings}
	for k, km := range r.Sectors {
		if km.Subjects == 0 {
			continue
		}
		l := ChartLine{Name: fmt.Sprintf("%s, n = %d", d.Sectors[k].Name(), km.Subjects), Color: styles[k].Color, Dashed: k%2 == 1,
			X: []float64{0}, Y: []float64{1}}
		for _, st := range km.Steps {
			l.X, l.Y = append(l.X, st.Time), append(l.Y, st.Survival)
		}
		c.Lines = append(c.Lines, l)
	}
	return c
}

// TrendIndicators are the indicators TrendChart draws, in order: the
// name used by --indicator and the table column, and the chart's title.
var TrendIndicators = []struct{ Name, Title string }{
	{"meetings", "Meetings per period"},
	{"attendances", "Attendances per period"},
	{"organizations", "Organizations present per period"},
	{"cross_share", "Share of pairs who met that cross sectors"},
	{"new_pairs", "Pairs meeting for the first time"},
	{"density", "Density of the co-attendance network"},
	{"ei", "E-I index of the co-attendance network"},
	{"voice_gap", "Sector voice in attendance against the key"},
}

// TrendChart draws one indicator of trends over the periods (X: the
// period's number, 1 = the first; the table names them). voice_gap draws
// one line per targeted sector: its share of attendances less its target.
func TrendChart(d *graph.Dataset, trends []graph.PeriodTrend, indicator string) (*Chart, error) {
	title := ""
	for _, t := range TrendIndicators {
		if t.Name == indicator {
			title = t.Title
		}
	}
	if title == "" {
		return nil, fmt.Errorf("unknown indicator %q", indicator)
	}
	x := make([]float64, len(trends))
	for i := range trends {
		x[i] = float64(i + 1)
	}
	xlabel := "period"
	if len(trends) > 0 {
		xlabel = fmt.Sprintf("period (1 = %s, %d = %s)", trends[0].Label, len(trends), trends[len(trends)-1].Label)
	}
	c := &Chart{Title: title, XLabel: xlabel, XCounts: true}
	one := func(name string, f func(graph.PeriodTrend) float64) {
		l := ChartLine{Name: name, Color: "#0072B2", X: x, Straight: true}
		for _, t := range trends {
			l.Y = append(l.Y, f(t))
		}
		c.Lines = append(c.Lines, l)
	}
	switch indicator {
	case "meetings":
		c.Counts = true
		one("", func(t graph.PeriodTrend) float64 { return float64(t.Meetings) })
	case "attendances":
		c.Counts = true
		one("", func(t graph.PeriodTrend) float64 { return float64(t.Attendances) })
	case "organizations":
		c.Counts = true
		one("", func(t graph.PeriodTrend) float64 { return float64(t.Orgs) })
	case "cross_share":
		c.Max = 1
		one("", func(t graph.PeriodTrend) float64 { return t.CrossShare })
	case "new_pairs":
		c.Counts = true
		one("", func(t graph.PeriodTrend) float64 { return float64(t.NewPairs) })
	case "density":
		one("", func(t graph.PeriodTrend) float64 { return t.Density })
	case "ei":
		c.Min, c.Max = -1, 1
		one("", func(t graph.PeriodTrend) float64 { return t.EI.Index })
	case "voice_gap":
		c.YLabel = "attendance share − target"
		styles := SectorStyles(d)
		for k := range d.Sectors {
			l := ChartLine{Name: d.Sectors[k].Name(), Color: styles[k].Color, Dashed: k%2 == 1, X: x, Straight: true}
			targeted := false
			for _, t := range trends {
				v := math.NaN()
				if k < len(t.Voice) {
					v = t.Voice[k].Gap
					targeted = targeted || !math.IsNaN(t.Voice[k].Target)
				}
				l.Y = append(l.Y, v)
			}
			if targeted {
				c.Lines = append(c.Lines, l)
			}
		}
		// Room below zero for the sectors under their target, in tenths.
		for _, l := range c.Lines {
			for _, v := range l.Y {
				if v < c.Min {
					c.Min = math.Floor(v*10) / 10
				}
			}
		}
	}
	return c, nil
}
