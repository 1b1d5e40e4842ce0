package out_test

import (
	"context"
	"io"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

// BenchmarkForceLayout5000 lays out the forum projection of a generated
// 5,000-organization dataset (data.Generate, seed 1), as the map of
// report.html does, starting from its Louvain communities.
func BenchmarkForceLayout5000(b *testing.B) {
	d, err := data.Generate(data.GenerateOptions{Orgs: 5000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	g, err := graph.OneMode(d, graph.NetworkSpec{Basis: graph.BasisForums})
	if err != nil {
		b.Fatal(err)
	}
	comm := graph.Louvain(g, 1, 1)
	b.ReportMetric(float64(g.M()), "ties")
	b.ResetTimer()
	for range b.N {
		if _, _, err := out.ForceLayout(context.Background(), g, out.ForceOptions{Seed: 1, Groups: comm.Label}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportHTML5000 writes report.html for a document of 5,000
// organizations whose map has the forum projection's ties, and reports
// its size.
func BenchmarkReportHTML5000(b *testing.B) {
	d, err := data.Generate(data.GenerateOptions{Orgs: 5000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	g, err := graph.OneMode(d, graph.NetworkSpec{Basis: graph.BasisForums})
	if err != nil {
		b.Fatal(err)
	}
	x := &out.Explore{Basis: "forums"}
	for _, s := range d.Sectors {
		x.Sectors = append(x.Sectors, out.ExploreSector{ID: s.ID, Label: s.Name(), Color: "#0072B2"})
	}
	sec := d.OrgSectors()
	deg := make([]float64, g.N())
	for i, o := range d.Orgs {
		x.Orgs = append(x.Orgs, out.ExploreOrg{ID: o.ID, Name: o.Name, Sector: sec[i], Community: -1})
		x.Map.Nodes = append(x.Map.Nodes, out.MapNode{Org: i, X: float64(i % 71), Y: float64(i / 71), Size: 1, Sector: sec[i], Community: -1})
		deg[i] = float64(g.Degree(i))
	}
	for _, e := range g.Edges() {
		x.Map.Edges = append(x.Map.Edges, out.MapEdge{U: int32(e.U), V: int32(e.V), Weight: e.W})
	}
	x.Measures = []out.ExploreMeasure{{ID: "degree", Name: "Degree", Values: deg, Int: true}}
	tbl := &out.Table{Name: "organizations", Title: "Organizations", Columns: []string{"id", "name", "sector", "degree"}}
	for i, o := range d.Orgs {
		tbl.Add(o.ID, o.Name, o.Sector, g.Degree(i))
	}
	doc := &out.ReportDoc{Title: "Benchmark", Made: "2026-01-01", Tool: "sectornet report", Explore: x,
		Sections: []out.DocSection{{ID: "t", Title: "Table", Tables: []out.DocTable{{Table: tbl}}}}}
	var size countWriter
	if err := out.WriteReportHTML(&size, doc); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(size), "bytes")
	b.ResetTimer()
	for range b.N {
		if err := out.WriteReportHTML(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
