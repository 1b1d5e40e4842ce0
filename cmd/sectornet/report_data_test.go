package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDataset copies the dataset folder src into a new folder and empties
// (down to their header line) the files named.
func copyDataset(t *testing.T, src string, empty ...string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	for _, name := range empty {
		p := filepath.Join(dst, name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(string(b), "\n")
		if err := os.WriteFile(p, []byte(header+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// TestReportNothingToReport: a dataset with no organizations (what
// sectornet init writes), or with organizations but no membership,
// attendance or tie, is a clear error naming what is missing (exit 3, a
// problem of the data), and writes no report (issue 14: it gave ten empty figures and exit 0).
func TestReportNothingToReport(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty")
	if code, _, errs := sectornet(t, "init", empty); code != 0 {
		t.Fatal(errs)
	}
	orgsOnly := copyDataset(t, good, "participation.csv", "meetings.csv", "attendance.csv", "ties.csv", "respondents.csv")
	for _, c := range []struct{ name, dir, want string }{
		{"empty", empty, ": the dataset is empty: add rows to organizations.csv, forums.csv and participation.csv"},
		{"organizations only", orgsOnly, "sectornet: nothing to report: the dataset has 5 organizations but no forum memberships (participation.csv), attendance (attendance.csv) or survey ties (ties.csv), so no network"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep := filepath.Join(t.TempDir(), "rep")
			code, _, errs := sectornet(t, "report", c.dir, "-o", rep)
			if code != exitInvalid || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", code, errs, exitInvalid, c.want)
			}
			if _, err := os.Stat(filepath.Join(rep, "report.html")); err == nil {
				t.Error("report.html written")
			}
		})
	}
}

// TestReportSurveyOnly reports on the good dataset with its forum
// memberships, meetings and attendance emptied: the survey ties of the
// last wave are the network and the report says so; no forum network is
// drawn, no forum effect is claimed (issue 14: it drew an empty forum
// network and said "Forum effect: 0 of 7 new ties ... p = 1"), and the
// methods do not describe a projection of forums.
func TestReportSurveyOnly(t *testing.T) {
	dir := copyDataset(t, good, "participation.csv", "meetings.csv", "attendance.csv")
	rep := filepath.Join(t.TempDir(), "rep")
	code, _, errs := sectornet(t, "report", dir, "-o", rep)
	if code != 0 {
		t.Fatal(errs)
	}
	b, err := os.ReadFile(filepath.Join(rep, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, want := range []string{
		"The network of organizations is built on the collaboration ties the organizations reported in survey wave 2014.",
		"No organization sits in a forum (participation.csv is empty), so the network is the collaboration ties reported in wave 2014.",
		"3 forums with no members (participation.csv is empty)",
		"No organization sits in a forum or attended a meeting, so no new tie can be credited to the forums.",
		"## Sector balance of the forums\n\n*Not in this report:* the dataset has no forum memberships",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	for _, bad := range []string{"**Forum effect", "forum effect as a dyadic model", "figures/affiliation", "Co-membership network", "one-mode projection", "for the forum effect"} {
		if strings.Contains(md, bad) {
			t.Errorf("report.md has %q", bad)
		}
	}
	for _, f := range []string{"affiliation.svg", "affiliation.png"} {
		if _, err := os.Stat(filepath.Join(rep, "figures", f)); err == nil {
			t.Errorf("figures/%s written", f)
		}
	}
	h, err := os.ReadFile(filepath.Join(rep, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(h), "Forum membership") || strings.Contains(string(h), "Forum effect") {
		t.Error("report.html shows the forum network or a forum effect")
	}
}
