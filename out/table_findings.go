package out

import (
	"fmt"
	"strings"

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

// DatasetCounts says what a dataset holds, rows as the files hold them and
// distinct records as the networks count them
// (validate's ok line); workbook says the dataset is a workbook.
func DatasetCounts(d *graph.Dataset, workbook bool) string {
	if len(d.Orgs) == 0 && workbook {
		return "no organizations yet: the sheets hold only their headers (add rows to the sheets organizations, forums and participation)"
	}
	if len(d.Orgs) == 0 {
		return "no organizations yet: the files hold only their headers (add rows to organizations.csv, forums.csv and participation.csv)"
	}
	st := graph.Summarize(d)
	rows := func(n, distinct int, what string) string {
		s := fmt.Sprintf("%d %s %s", n, what, plural(n, "row", "rows"))
		if n > 0 {
			s += fmt.Sprintf(" (%d distinct", distinct)
			if n > distinct {
				s += fmt.Sprintf(", %d repeated", n-distinct)
			}
			s += ")"
		}
		return s
	}
	parts := []string{
		fmt.Sprintf("%d organizations in %d sectors", len(d.Orgs), len(d.Sectors)),
		fmt.Sprintf("%d forums", len(d.Forums)),
		rows(len(d.Memberships), st.Memberships, "membership"),
		fmt.Sprintf("%d meetings", len(d.Meetings)),
		rows(len(d.Attendance), st.Attendances, "attendance"),
	}
	ties := fmt.Sprintf("%d tie %s", len(d.Ties), plural(len(d.Ties), "report", "reports"))
	if len(d.Ties) > 0 {
		ties += fmt.Sprintf(" (%d distinct ties in %d %s: A about B and B about A in one wave are one tie)", st.Ties, len(d.Waves()), plural(len(d.Waves()), "wave", "waves"))
	}
	parts = append(parts, ties, fmt.Sprintf("%d quotas", len(d.Quotas)))
	if len(d.Respondents) > 0 {
		parts = append(parts, fmt.Sprintf("%d respondents", len(d.Respondents)))
	}
	line := strings.Join(parts, ", ")
	if n := len(d.Warnings); n > 0 {
		line += fmt.Sprintf("; %d %s (above)", n, plural(n, "warning", "warnings"))
	}
	return line
}
