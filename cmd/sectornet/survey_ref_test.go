package main

import (
	"bufio"
	"context"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
)

// TestSurveySampleReference compares the sample's response per sector,
// reciprocity, and each rule's ties, cross-sector ties and new ties with
// testdata/survey/sample_ref.txt, counted from the CSV files by Python and
// NetworkX (sample_ref.py; rerun it when the sample changes).
func TestSurveySampleReference(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("testdata", "survey", "sample_ref.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	si := d.SectorIndex()
	rates := map[string]graph.WaveResponse{}
	for _, w := range graph.ResponseRates(d) {
		rates[w.Wave] = w
	}
	p := graph.SectorGroups(d)
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		l := strings.Fields(sc.Text())
		if len(l) == 0 || strings.HasPrefix(l[0], "#") {
			continue
		}
		n++
		num := func(i int) float64 { v, _ := strconv.ParseFloat(l[i], 64); return v }
		switch l[0] {
		case "respondents":
			if got := rates[l[1]].Sectors[si[l[2]]].Responded; got != int(num(3)) {
				t.Errorf("%v: sectornet %d", l, got)
			}
		case "reciprocity":
			if got := graph.DirectedReports(d, l[1], "").Reciprocity().Arc; math.Abs(got-num(2)) > 1e-12 {
				t.Errorf("%v: sectornet %v", l, got)
			}
		case "rule":
			rule, _ := graph.ParseRule(l[1])
			g := graph.TieNetworkRule(d, "2014", "", rule, graph.MissingReconstruct)
			ei := graph.EIIndex(g, p)
			c, err := graph.CompareWaves(context.Background(), d, graph.ChangeOptions{From: "2012", To: "2014", Rule: rule})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Edges()) != int(num(2)) || ei.External != int(num(3)) || c.All.New != int(num(4)) {
				t.Errorf("%v: sectornet %d ties, %d across, %d new", l, len(g.Edges()), ei.External, c.All.New)
			}
		}
	}
	if n != 16 {
		t.Errorf("%d reference lines, want 16", n)
	}
}
