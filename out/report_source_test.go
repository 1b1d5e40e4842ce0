package out

import (
	"context"
	"testing"

	"github.com/sectornet/sectornet/data"
)

// TestReportSource: the report names a dataset folder once by its name
// and gives its path in brackets, not the path twice.
func TestReportSource(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnalysis(d, AnalysisOptions{Source: "/work/data/ds5000/"})
	doc, err := BuildReport(context.Background(), a, ReportOptions{Made: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source != "the dataset ds5000" || doc.Path != "/work/data/ds5000/" {
		t.Errorf("Source %q, Path %q", doc.Source, doc.Path)
	}
}
