package data

import (
	"errors"
	"slices"
	"testing"
)

// TestListReport: the lines a command prints for a dataset with
// problems: the folder's own problem after the folder, each file's after
// the prefix, the counts of those left out, the warnings last.
func TestListReport(t *testing.T) {
	l := &List{
		Errs: []*Error{
			{Err: errors.New("no organizations.csv"), Hint: "give the folder"},
			{File: "participation.csv", Line: 14, Column: "org", Value: "R9", Err: ErrUnknown, Hint: `did you mean "R09"?`},
		},
		Dropped:         3,
		Warnings:        []*Error{{File: "forums.csv", Line: 2, Column: "id", Value: "F1", Err: errors.New("no members"), Hint: "add members"}},
		DroppedWarnings: 1,
	}
	want := []string{
		`mydata: no organizations.csv (give the folder)`,
		`mydata/participation.csv:14: org "R9": unknown (did you mean "R09"?)`,
		`... and 3 more problems`,
		`mydata/forums.csv:2: warning: id "F1": no members (add members)`,
		`... and 1 more warnings`,
	}
	if got := l.Report("mydata", "mydata/"); !slices.Equal(got, want) {
		t.Errorf("Report:\n%q\nwant\n%q", got, want)
	}
}

// TestOpenEmptyFolder: the hint of an empty folder names the folder in
// the command that fills it.
func TestOpenEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir)
	var l *List
	if !errors.As(err, &l) || len(l.Errs) != 1 {
		t.Fatalf("Open(an empty folder) = %v, want one problem", err)
	}
	want := "run `sectornet init " + dir + "` to write the dataset's files with their headers, or `sectornet init --sample " + dir + "` for an example"
	if h := l.Errs[0].Hint; h != want {
		t.Errorf("hint %q, want %q", h, want)
	}
}
