package graph_test

import (
	"math"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
)

// TestTrendsAllEqualsWholeData: with one period spanning all the data, the
// trend equals the numbers the other commands give on the whole record:
// the meetings-basis network's density and E-I index, FirstMeetings'
// cumulative pairs, the distinct attendances and organizations present.
func TestTrendsAllEqualsWholeData(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	ts, err := graph.Trends(d, graph.PeriodAll)
	if err != nil || len(ts) != 1 {
		t.Fatalf("trends %v, %v", ts, err)
	}
	p := ts[0]
	g, err := graph.OneMode(d, graph.NetworkSpec{Basis: graph.BasisMeetings})
	if err != nil {
		t.Fatal(err)
	}
	if p.Density != g.Density() || p.Pairs != g.M() {
		t.Errorf("density %v pairs %d, meetings network %v %d", p.Density, p.Pairs, g.Density(), g.M())
	}
	if ei := graph.EIIndex(g, graph.SectorGroups(d)); p.EI != ei {
		t.Errorf("E-I %+v, meetings network %+v", p.EI, ei)
	}
	f := graph.FirstMeetings(d)
	last := f.Meetings[len(f.Meetings)-1]
	if p.NewPairs != last.Cumulative || p.NewCross != last.CumulativeCross || p.Pairs != last.Cumulative || p.Cross != last.CumulativeCross {
		t.Errorf("pairs %d/%d new %d/%d, firsts %d/%d", p.Pairs, p.Cross, p.NewPairs, p.NewCross, last.Cumulative, last.CumulativeCross)
	}
	// The sample's README: 26 meetings, 335 distinct attendances.
	if p.Meetings != 26 || p.Attendances != 335 {
		t.Errorf("meetings %d attendances %d, want 26 and 335", p.Meetings, p.Attendances)
	}
	share := 0.0
	for _, v := range p.Voice {
		share += v.Share
	}
	if math.Abs(share-1) > 1e-12 {
		t.Errorf("voice shares sum to %v", share)
	}
}

// TestTrendsQuarters: quarters partition the meetings, and their counts
// add up to the whole record's.
func TestTrendsQuarters(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	for _, per := range []graph.Period{graph.PeriodQuarter, graph.PeriodHalf, graph.PeriodYear, graph.PeriodWaves} {
		ts, err := graph.Trends(d, per)
		if err != nil {
			t.Fatal(per, err)
		}
		m, a, np := 0, 0, 0
		for _, p := range ts {
			m += p.Meetings
			a += p.Attendances
			np += p.NewPairs
		}
		f := graph.FirstMeetings(d)
		if m != 26 || a != 335 || np != f.Meetings[len(f.Meetings)-1].Cumulative {
			t.Errorf("%v: %d meetings, %d attendances, %d new pairs over %d periods", per, m, a, np, len(ts))
		}
	}
}
