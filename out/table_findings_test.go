package out

import (
	"bytes"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// TestFindingsTable: problems and warnings as JSON records, problems
// first, every field named.
func TestFindingsTable(t *testing.T) {
	problems := []graph.Warning{{File: "participation.csv", Line: 6, Column: "org", Value: "Ministry of Education", Problem: "unknown organization", Fix: "that is the name of G02; use the id"}}
	warnings := []graph.Warning{{File: "w.xlsx", Sheet: "forums", Line: 1, Letter: "C", Column: "header", Value: "capasity", Problem: "not a column of sheet forums, so kept as an attribute", Fix: `did you mean "capacity"?`}}
	var b bytes.Buffer
	if err := FindingsTable(problems, warnings, 0, 0).Write(&b, FormatJSON); err != nil {
		t.Fatal(err)
	}
	want := `{
  "findings": [
    {
      "severity": "problem",
      "file": "participation.csv",
      "sheet": "",
      "line": 6,
      "letter": "",
      "column": "org",
      "value": "Ministry of Education",
      "problem": "unknown organization",
      "suggestion": "that is the name of G02; use the id"
    },
    {
      "severity": "warning",
      "file": "w.xlsx",
      "sheet": "forums",
      "line": 1,
      "letter": "C",
      "column": "header",
      "value": "capasity",
      "problem": "not a column of sheet forums, so kept as an attribute",
      "suggestion": "did you mean \"capacity\"?"
    }
  ]
}
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}
