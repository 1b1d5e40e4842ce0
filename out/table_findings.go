package out

import (
	"fmt"

	"github.com/sectornet/sectornet/graph"
)

// FindingsTable lists a dataset's problems and warnings as records for
// other tools (validate --format json or csv): one row each, problems
// first, with its severity ("problem" or "warning"), file, sheet (for a
// workbook), line (a sheet's row; 0 for the whole file), column letter
// (for a workbook), column name, value, problem and suggestion. Problems
// come in the shape of warnings (data.Error.Warning). dropped counts the
// problems and warnings left out beyond the loader's cap, in a note.
func FindingsTable(problems, warnings []graph.Warning, droppedProblems, droppedWarnings int) *Table {
	t := &Table{Name: "findings", Title: "Problems and warnings", Columns: []string{"severity", "file", "sheet", "line", "letter", "column", "value", "problem", "suggestion"}}
	for _, set := range []struct {
		severity string
		ws       []graph.Warning
	}{{"problem", problems}, {"warning", warnings}} {
		for _, w := range set.ws {
			t.Add(set.severity, w.File, w.Sheet, w.Line, w.Letter, w.Column, w.Value, w.Problem, w.Fix)
		}
	}
	if droppedProblems > 0 {
		t.Notes = append(t.Notes, fmt.Sprintf("%d %s not listed", droppedProblems, plural(droppedProblems, "more problem", "more problems")))
	}
	if droppedWarnings > 0 {
		t.Notes = append(t.Notes, fmt.Sprintf("%d %s not listed", droppedWarnings, plural(droppedWarnings, "more warning", "more warnings")))
	}
	return t
}
