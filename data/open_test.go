package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "organizations.csv")
	if err := os.WriteFile(file, []byte("id,name,sector\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	asWorkbook := filepath.Join(dir, "folder.xlsx")
	if err := os.Mkdir(asWorkbook, 0o755); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "nothing")
	for _, tt := range []struct{ path, want string }{
		{missing, missing + ": no such folder"},
		{missing + ".xlsx", missing + ".xlsx: no such workbook"},
		{file, file + ": not a folder or an .xlsx workbook (give the folder that holds organizations.csv)"},
		{asWorkbook, asWorkbook + ": a folder, not a workbook"},
	} {
		_, err := Open(tt.path)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Open(%q) = %v, want %q", tt.path, err, tt.want)
		}
	}
	if d, err := Open(""); err != nil || len(d.Orgs) == 0 {
		t.Errorf("Open(\"\") (the sample): %v, want the sample's organizations", err)
	}
	// A folder: its files' problems are a *List naming them relative to it.
	_, err := Open(filepath.Join("testdata", "broken"))
	var list *List
	if !errors.As(err, &list) || list.Errs[0].File == "" || filepath.IsAbs(list.Errs[0].File) {
		t.Errorf("Open(testdata/broken) = %v, want a *List of the folder's files", err)
	}
	if d, err := Open(filepath.Join("testdata", "good")); err != nil || len(d.Orgs) != 5 {
		t.Errorf("Open(testdata/good): %v, want its 5 organizations", err)
	}
	if !IsWorkbook("a/B.XLSX") || IsWorkbook("a.xls") || IsWorkbook("") {
		t.Error("IsWorkbook")
	}
}

// TestListFindings: every problem and warning of a dataset that fails to
// load, in order, with its file, line and message.
func TestListFindings(t *testing.T) {
	_, err := Open(filepath.Join("testdata", "broken"))
	var list *List
	if !errors.As(err, &list) {
		t.Fatalf("testdata/broken: %v, want a *List", err)
	}
	problems, warnings := list.Findings()
	if len(problems) != len(list.Errs) || len(warnings) != len(list.Warnings) {
		t.Fatalf("%d problems and %d warnings, want %d and %d", len(problems), len(warnings), len(list.Errs), len(list.Warnings))
	}
	for i, e := range list.Errs {
		if p := problems[i]; p.File != e.File || p.Line != e.Line || p != e.Warning() {
			t.Errorf("problem %d: %+v, want %+v", i, p, e.Warning())
		}
	}
}
