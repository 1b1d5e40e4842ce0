package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sectornet runs the command line in process and returns its exit status,
// standard output and standard error.
func sectornet(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), &streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}, args)
	return code, stdout.String(), stderr.String()
}

const good = "../../data/testdata/good"

func TestValidate(t *testing.T) {
	code, out, _ := sectornet(t, "validate", good)
	if code != exitOK || !strings.HasPrefix(out, "ok: 5 organizations in 4 sectors") {
		t.Errorf("good: code %d, out %q", code, out)
	}
	code, out, errs := sectornet(t, "validate", "../../data/testdata/broken")
	if code != exitInvalid || out != "" {
		t.Errorf("broken: code %d, out %q", code, out)
	}
	for _, want := range []string{
		filepath.FromSlash("../../data/testdata/broken/participation.csv") + `:3: org "R9": unknown organization (did you mean "R09"?)`,
		"sectornet: ../../data/testdata/broken: 18 problems found; nothing was computed",
	} {
		if !strings.Contains(errs, want+"\n") {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

func TestBadArguments(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f.csv")
	os.WriteFile(file, []byte("x"), 0o644)
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"summary", filepath.Join(dir, "nope")}, exitError, "sectornet: " + filepath.Join(dir, "nope") + ": no such folder\n"},
		{[]string{"summary", file}, exitError, "sectornet: " + file + ": not a folder or an .xlsx workbook (give the folder that holds organizations.csv)\n"},
		{[]string{"summary", good, "--format", "xml"}, exitUsage, "sectornet: unknown format \"xml\" (want table, csv, json, md, tex)\n"},
		{[]string{"summary", good, "--basis", "friends"}, exitUsage, "sectornet: unknown basis \"friends\" (want forums, meetings or ties)\n"},
		{[]string{"summary", good, "--nope"}, exitUsage, "sectornet: unknown flag: --nope\n"},
		{[]string{"summary", good, good}, exitUsage, "sectornet: sectornet summary takes at most one dataset folder, got 2 arguments\n"},
		{[]string{"export", good, "--basis", "ties", "--wave", "1999"}, exitUsage, "sectornet: no ties in wave \"1999\" (waves: \"2012\", \"2014\")\n"},
		{[]string{"export", good, "-o", filepath.Join(dir, "missing", "x.csv")}, exitError, "sectornet: " + filepath.Join(dir, "missing", "x.csv") + ": the folder " + filepath.Join(dir, "missing") + " does not exist\n"},
	}
	for _, tt := range tests {
		code, _, errs := sectornet(t, tt.args...)
		if code != tt.code || errs != tt.msg {
			t.Errorf("%v: code %d, stderr %q; want %d, %q", tt.args, code, errs, tt.code, tt.msg)
		}
	}
}

// TestExportEdgeList checks the edge list of the good dataset against the
// projection worked by hand (and by NetworkX, graph/testdata/projection.txt).
func TestExportEdgeList(t *testing.T) {
	code, out, _ := sectornet(t, "export", good, "--format", "edgelist", "--weight", "newman")
	want := "source,target,weight\nA,B,0.5\nA,C,1\nA,D,0.5\nB,C,0.5\nC,D,1.5\n"
	if code != 0 || out != want {
		t.Errorf("code %d, got:\n%s\nwant:\n%s", code, out, want)
	}
	code, out, _ = sectornet(t, "export", good, "--basis", "ties", "--wave", "2012")
	want = "source,target,weight\nA,B,2\nA,C,1\n"
	if code != 0 || out != want {
		t.Errorf("ties 2012: code %d, got:\n%s\nwant:\n%s", code, out, want)
	}
	// To a file, atomically.
	path := filepath.Join(t.TempDir(), "ties.csv")
	if code, _, errs := sectornet(t, "export", good, "-o", path); code != 0 {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "source,target,weight\nA,B,1\nA,C,2\nA,D,1\nB,C,1\nC,D,2\n" {
		t.Errorf("file: %s", b)
	}
}

// TestSummary checks the summary's counts, worked out from the good
// dataset's files by hand.
func TestSummary(t *testing.T) {
	code, out, errs := sectornet(t, "summary", good, "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{
		"organizations,5\n", "organizations in no forum,1\n", "memberships,8\n", "attendances,8\n",
		"collaboration ties (all waves),5\n",
		// npo is C and D: memberships C 3 (F1 F2 F3) + D 2 (F2 F3) = 5;
		// attendances C 2 (M2 M3) + D 1 (M2) = 3.
		"npo,Nonprofits,2,0.4,2,5,3\n",
		"F1,Education,forum,20,3,2,5\n",
		"M2,F2,2013-02-10,3,2\n",
		// 2012: A-B (twice) and A-C; 2014: A-B, C-D, B-E, of which C-D is
		// within one sector.
		"2012,3,2,3,2\n", "2014,3,3,5,2\n",
		"nodes,5\n", "ties,5\n", "isolates,1\n", "density,0.5\n", "components,2\n", "largest component,4\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	if code, _, errs := sectornet(t, "init", dir); code != 0 {
		t.Fatal(errs)
	}
	if code, out, errs := sectornet(t, "validate", dir); code != 0 || !strings.HasPrefix(out, "ok: no organizations yet: the files hold only their headers") {
		t.Errorf("validate new: %d %s %s", code, out, errs)
	}
	code, _, errs := sectornet(t, "init", dir)
	if code != exitUsage || !strings.Contains(errs, "already holds sectors.csv") {
		t.Errorf("second init: %d %s", code, errs)
	}
}
