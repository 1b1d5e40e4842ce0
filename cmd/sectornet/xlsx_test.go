package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/out"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookDataset checks that a command reads an .xlsx workbook as a
// dataset: the sample written by init --xlsx --sample gives the same
// summary as the embedded sample, an empty template validates, and a
// mistake is reported by sheet, row and column.
func TestWorkbookDataset(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample.xlsx")
	if code, _, errs := sectornet(t, "init", "--xlsx", sample, "--sample"); code != 0 {
		t.Fatal(errs)
	}
	_, want, _ := sectornet(t, "summary", "--format", "csv")
	want = strings.ReplaceAll(want, out.SampleMark, "") // the sample's tables say so
	code, got, errs := sectornet(t, "summary", sample, "--format", "csv")
	if code != 0 || got != want {
		t.Errorf("summary of the sample workbook differs from the sample's (code %d, %s)", code, errs)
	}

	empty := filepath.Join(dir, "partners.xlsx")
	if code, _, errs := sectornet(t, "init", "--xlsx", empty); code != 0 {
		t.Fatal(errs)
	}
	if code, out, errs := sectornet(t, "validate", empty); code != 0 || !strings.HasPrefix(out, "ok: no organizations yet: the sheets hold only their headers") {
		t.Errorf("validate template: %d %s %s", code, out, errs)
	}
	if code, _, errs := sectornet(t, "init", "--xlsx", empty); code != exitUsage || !strings.Contains(errs, "already exists") {
		t.Errorf("second init: %d %s", code, errs)
	}

	// Fill the template by hand, with one typo.
	f, err := excelize.OpenFile(empty)
	if err != nil {
		t.Fatal(err)
	}
	for sheet, rows := range map[string][][]any{
		"organizations": {{"R01", "Alpha", "gov"}, {"R09", "Beta", "bus"}},
		"forums":        {{"F1", "Education"}},
		"participation": {{"R01", "F1"}, {"R9", "F1"}},
	} {
		for i, r := range rows {
			if err := f.SetSheetRow(sheet, "A"+string(rune('2'+i)), &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(empty); err != nil {
		t.Fatal(err)
	}
	code, out, errs := sectornet(t, "validate", empty)
	wantErr := empty + `[participation]:3:A: org "R9": unknown organization (did you mean "R09"?)` + "\n" +
		"sectornet: " + empty + ": 1 problem found; nothing was computed\n"
	if code != exitInvalid || out != "" || errs != wantErr {
		t.Errorf("code %d, out %q, stderr:\n%s\nwant:\n%s", code, out, errs, wantErr)
	}

	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"summary", filepath.Join(dir, "nope.xlsx")}, "sectornet: " + filepath.Join(dir, "nope.xlsx") + ": no such workbook\n"},
		{[]string{"init", "--xlsx", filepath.Join(dir, "x.csv")}, "sectornet: " + filepath.Join(dir, "x.csv") + ": a workbook's name ends in .xlsx\n"},
	} {
		if _, _, errs := sectornet(t, tt.args...); errs != tt.msg {
			t.Errorf("%v: stderr %q, want %q", tt.args, errs, tt.msg)
		}
	}
	notBook := filepath.Join(dir, "fake.xlsx")
	os.WriteFile(notBook, []byte("id,name\n"), 0o644)
	if code, _, errs := sectornet(t, "validate", notBook); code != exitInvalid || !strings.Contains(errs, notBook+": not an Excel workbook") {
		t.Errorf("fake workbook: %d %s", code, errs)
	}
}
