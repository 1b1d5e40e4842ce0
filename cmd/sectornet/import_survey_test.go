package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDir copies the files of a dataset folder.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(to, 0o755)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(to, e.Name()), b, 0o644)
	}
}

// TestImportSurvey imports the hand-made Qualtrics export into a copy of
// data/testdata/good, replacing its 2014 wave (see
// data/testdata/surveys/README.md for the answers), then the questionnaire
// that init writes.
func TestImportSurvey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ds")
	copyDir(t, filepath.Join("..", "..", "data", "testdata", "good"), dir)
	surveys := filepath.Join("..", "..", "data", "testdata", "surveys")
	args := []string{"import", "survey", filepath.Join(surveys, "qualtrics.csv"), "--dataset", dir, "--mapping", filepath.Join(surveys, "mapping.csv")}
	code, _, errs := sectornet(t, args...)
	if code != exitUsage || !strings.Contains(errs, `already holds wave "2014"`) {
		t.Fatalf("code %d, stderr %s", code, errs)
	}
	code, _, errs = sectornet(t, append(args, "--force")...)
	if code != 0 || !strings.Contains(errs, "read 3 responses") || !strings.Contains(errs, "1 left out") || !strings.Contains(errs, "wrote 3 reports of wave 2014 from 3 respondents") {
		t.Fatalf("code %d, stderr %s", code, errs)
	}
	ties, _ := os.ReadFile(filepath.Join(dir, "ties.csv"))
	want := "source,target,wave,type,weight,trust,value\n" +
		"A,B,2012,information,1,3,2\nB,A,2012,information,2,,\nA,C,2012,resources,1,2,2\n" +
		"A,B,2014,,2,4,3\nA,C,2014,,1,3,2\nB,A,2014,,1,3,3\n"
	if string(ties) != want {
		t.Errorf("ties.csv:\n%s\nwant\n%s", ties, want)
	}
	resp, _ := os.ReadFile(filepath.Join(dir, "respondents.csv"))
	if !strings.HasSuffix(string(resp), "A,2014,2014-04-02,Dana\nB,2014,2014-04-03,Yossi\nD,2014,2014-04-05,\n") {
		t.Errorf("respondents.csv:\n%s", resp)
	}
	if code, _, errs := sectornet(t, "validate", dir); code != 0 {
		t.Errorf("the imported dataset does not validate: %s", errs)
	}
	// Flags instead of a mapping; an unknown organization is named with
	// its column.
	code, _, errs = sectornet(t, "import", "survey", filepath.Join(surveys, "kobo.csv"), "--dataset", dir, "--wave", "2016",
		"--question", "שיתוף פעולה=tie", "--respondent", "הארגון שלך")
	if code != exitInvalid || !strings.Contains(errs, `kobo.csv:1: שיתוף פעולה/משרד אלפא "משרד אלפא": unknown organization in the header of question "שיתוף פעולה" (name its id in the mapping: org,משרד אלפא,ID)`) {
		t.Errorf("code %d, stderr %s", code, errs)
	}
	if code, _, errs := sectornet(t, "import", "survey", filepath.Join(surveys, "kobo.csv"), "--dataset", dir); code != exitUsage || !strings.Contains(errs, "needs the wave") {
		t.Errorf("no wave: code %d, %s", code, errs)
	}

	// init --questionnaire writes a questionnaire and its mapping.
	q := filepath.Join(t.TempDir(), "q")
	if code, _, errs := sectornet(t, "init", "--questionnaire", q, "--from", dir, "--wave", "2016", "--lang", "he"); code != 0 {
		t.Fatal(errs)
	}
	text, _ := os.ReadFile(filepath.Join(q, "questionnaire.txt"))
	mapping, _ := os.ReadFile(filepath.Join(q, "survey-mapping.csv"))
	if !strings.Contains(string(text), "\nEpsilon University\n") || !strings.Contains(string(text), "לעתים קרובות") ||
		!strings.Contains(string(mapping), "setting,wave,2016") {
		t.Errorf("questionnaire:\n%s\nmapping:\n%s", text, mapping)
	}
}
