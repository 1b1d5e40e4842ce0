package out

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
)

// TestEngagementCharts checks what the retention and trend charts draw:
// one step line per sector with members who came, starting at (0, 1) and
// following the Kaplan-Meier steps; one point per period in the trend
// lines; every chart well-formed SVG in every format without error.
func TestEngagementCharts(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	e := graph.Engage(d, graph.DefaultEngagement)
	r := graph.Retain(d, e, graph.RetentionMeetings)
	c := RetentionChart(d, r)
	if len(c.Lines) != len(d.Sectors) {
		t.Fatalf("%d lines, want one per sector (%d)", len(c.Lines), len(d.Sectors))
	}
	for k, l := range c.Lines {
		km := r.Sectors[k]
		if l.X[0] != 0 || l.Y[0] != 1 || len(l.Y) != len(km.Steps)+1 || l.Y[len(l.Y)-1] != km.Steps[len(km.Steps)-1].Survival {
			t.Errorf("line %d (%s): %v %v", k, l.Name, l.X, l.Y)
		}
	}
	trends, err := graph.Trends(d, graph.PeriodQuarter)
	if err != nil {
		t.Fatal(err)
	}
	charts := []*Chart{c}
	for _, ind := range TrendIndicators {
		tc, err := TrendChart(d, trends, ind.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range tc.Lines {
			if len(l.X) != len(trends) || len(l.Y) != len(trends) {
				t.Errorf("%s: line %q has %d points for %d periods", ind.Name, l.Name, len(l.Y), len(trends))
			}
		}
		charts = append(charts, tc)
	}
	if tc, _ := TrendChart(d, trends, "meetings"); tc.Lines[0].Y[0] != float64(trends[0].Meetings) {
		t.Errorf("meetings line starts at %v, want %d", tc.Lines[0].Y[0], trends[0].Meetings)
	}
	if _, err := TrendChart(d, trends, "nope"); err == nil {
		t.Error("an unknown indicator gave no error")
	}
	for _, ch := range charts {
		for _, f := range []FigureFormat{FigureSVG, FigurePNG, FigurePDF} {
			var b bytes.Buffer
			if err := WriteChart(&b, ch, f, DefaultChartSize(ch)); err != nil {
				t.Fatalf("%s as %s: %v", ch.Title, f, err)
			}
			if f == FigureSVG {
				dec := xml.NewDecoder(&b)
				for {
					if _, err := dec.Token(); err == io.EOF {
						break
					} else if err != nil {
						t.Fatalf("%s: SVG not well-formed: %v", ch.Title, err)
					}
				}
			}
		}
	}
}

// TestEngagementSection: the sample's section says what the engagement
// tables say (330 of 456 seats filled, 11 lapsed: the sectors table of
// engagement sums to these), names business as the sector that came least
// (48%), and a dataset without meetings skips it.
func TestEngagementSection(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	e := graph.Engage(d, graph.DefaultEngagement)
	r := graph.Retain(d, e, graph.RetentionMeetings)
	s := EngagementSection(d, e, r, graph.CIIndicators{Backbone: -1}, nil, nil)
	if s.Skipped != "" || len(s.Tables) != 1 || s.Tables[0].Name != "watch" {
		t.Fatalf("section %+v", s)
	}
	if s.Measures[0].Value != "72.4%" || s.Measures[1].Value != "11" {
		t.Errorf("measures %+v", s.Measures)
	}
	if !strings.Contains(s.Lead[0], "of the 456 meetings") || !strings.HasPrefix(s.Lead[1], "Business / עסקים came least: to 47.9%") {
		t.Errorf("lead %q", s.Lead)
	}
	empty := &graph.Dataset{Sectors: d.Sectors, Orgs: d.Orgs}
	if s := EngagementSection(empty, graph.Engage(empty, graph.DefaultEngagement), graph.Retention{}, graph.CIIndicators{}, nil, nil); s.Skipped == "" {
		t.Error("no meetings: not skipped")
	}
}
