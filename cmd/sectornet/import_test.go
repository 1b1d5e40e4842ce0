package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sectornet/sectornet/data"
)

// TestImportMatrixCSV converts a semicolon-separated wide sheet with a
// byte-order mark, a comment, a blank row, skipped columns and several
// kinds of marks; the expected rows are read off the sheet by hand, forum
// by forum.
func TestImportMatrixCSV(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "members.csv")
	os.WriteFile(in, []byte("\xef\xbb\xbfid;name;sector;F1;F2;BOARD\n"+
		"A;Alpha;gov;x;;✓\n"+
		"B;Beta;bus;;1;\n"+
		"# a comment\n"+
		"C;Gamma;npo;YES;כן;0\n"+
		"\n"+
		"D;Delta;npo;;;no\n"), 0o644)
	code, out, errs := sectornet(t, "import", "matrix", in, "--as", "participation")
	want := "org,forum,role,person\nA,F1,,\nC,F1,,\nB,F2,,\nC,F2,,\nA,BOARD,,\n"
	if code != 0 || out != want || errs != "sectornet: 5 memberships of 3 organizations in 3 forums\n" {
		t.Errorf("code %d\n got %q\nwant %q\nstderr %q", code, out, want, errs)
	}

	// Roles, to a file.
	os.WriteFile(in, []byte("org,F1,F2\nA,chair,x\nB,Member,\n"), 0o644)
	path := filepath.Join(dir, "participation.csv")
	if code, _, errs := sectornet(t, "import", "matrix", in, "--as", "participation", "--roles", "-o", path); code != 0 {
		t.Fatal(errs)
	}
	if b, _ := os.ReadFile(path); string(b) != "org,forum,role,person\nA,F1,chair,\nB,F1,member,\nA,F2,,\n" {
		t.Errorf("roles: %q", b)
	}

	// Every problem, by line and column.
	os.WriteFile(in, []byte("org,F1,F2\nA,x,maybe\nB,,x\nA,x,\n,x,\n"), 0o644)
	code, out, errs = sectornet(t, "import", "matrix", in, "--as", "participation")
	wantErr := in + `:2: F2 "maybe": invalid value: not a mark (want x, 1, yes or ✓ where the organization took part; blank, 0 or no where it did not)` + "\n" +
		in + `:4: org "A": duplicate organization, first on line 2` + "\n" +
		in + `:5: org "": empty value: a row with marks needs an organization id` + "\n" +
		"sectornet: " + in + ": 3 problems found; nothing was written\n"
	if code != exitInvalid || out != "" || errs != wantErr {
		t.Errorf("code %d, out %q, stderr:\n%s\nwant:\n%s", code, out, errs, wantErr)
	}

	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"import", "matrix", in}, exitUsage, "sectornet: import matrix needs --as participation or --as attendance\n"},
		{[]string{"import", "matrix", in, "--as", "ties"}, exitUsage, "sectornet: unknown --as \"ties\" (want participation or attendance)\n"},
		{[]string{"import", "matrix", in, "--as", "attendance", "--roles"}, exitUsage, "sectornet: --roles applies to --as participation\n"},
		{[]string{"import", "matrix", filepath.Join(dir, "nope.csv"), "--as", "attendance"}, exitError, "sectornet: " + filepath.Join(dir, "nope.csv") + ": no such file\n"},
		{[]string{"import", "matrix", in, "--as", "attendance", "--org-column", "orgs"}, exitInvalid,
			in + ":1: missing required column \"orgs\" (the header is org,F1,F2) (did you mean \"org\"?)\n" +
				"sectornet: " + in + ": 1 problem found; nothing was written\n"},
	} {
		code, _, errs := sectornet(t, tt.args...)
		if code != tt.code || errs != tt.msg {
			t.Errorf("%v: code %d, stderr %q; want %d, %q", tt.args, code, errs, tt.code, tt.msg)
		}
	}
}

// TestImportMatrixWorkbook converts an attendance sheet kept in Excel: the
// second sheet, a mark merged down over three rows, a mark from a formula,
// and a bad cell named by its letter.
func TestImportMatrixWorkbook(t *testing.T) {
	f := excelize.NewFile()
	f.NewSheet("2014")
	f.SetSheetRow("2014", "A1", &[]any{"Organization", "Notes", "M1", "M2"})
	f.SetSheetRow("2014", "A2", &[]any{"A", "", "x", ""})
	f.SetSheetRow("2014", "A3", &[]any{"B", "late", nil, 1})
	f.SetSheetRow("2014", "A4", &[]any{"C", "", nil, nil})
	f.MergeCell("2014", "C2", "C4") // M1: A, B and C
	f.SetCellFormula("2014", "D4", `IF(1>0,"x","")`)
	path := filepath.Join(t.TempDir(), "attendance.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	code, out, errs := sectornet(t, "import", "matrix", path, "--as", "attendance", "--sheet", "2014", "--skip", "notes")
	want := "meeting,org,person\nM1,A,\nM1,B,\nM1,C,\nM2,B,\nM2,C,\n"
	if code != 0 || out != want {
		t.Errorf("code %d\n got %q\nwant %q\nstderr %s", code, out, want, errs)
	}
	// Without --skip notes, "late" is not a mark.
	code, _, errs = sectornet(t, "import", "matrix", path, "--as", "attendance", "--sheet", "2014")
	wantErr := path + `[2014]:3:B: Notes "late": invalid value: not a mark (want x, 1, yes or ✓ where the organization took part; blank, 0 or no where it did not)` + "\n"
	if code != exitInvalid || !strings.HasPrefix(errs, wantErr) {
		t.Errorf("code %d, stderr:\n%s\nwant prefix:\n%s", code, errs, wantErr)
	}
	code, _, errs = sectornet(t, "import", "matrix", path, "--as", "attendance", "--sheet", "2015")
	if code != exitInvalid || !strings.HasPrefix(errs, path+`: missing sheet: no sheet named "2015" (the sheets are Sheet1, 2014)`) {
		t.Errorf("no sheet: %d %s", code, errs)
	}
}

// TestImportMatrixSample pivots the sample's participation into a wide
// workbook here (independently of the importer) and checks that the
// importer gives back exactly the sample's organization-forum pairs.
func TestImportMatrixSample(t *testing.T) {
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	in := map[[2]string]bool{}
	for _, m := range d.Memberships {
		in[[2]string{m.Org, m.Forum}] = true
	}
	f := excelize.NewFile()
	header := []any{"id", "name", "sector"}
	for _, fo := range d.Forums {
		header = append(header, fo.ID)
	}
	f.SetSheetRow("Sheet1", "A1", &header)
	var want []string
	for _, fo := range d.Forums {
		for _, o := range d.Orgs {
			if in[[2]string{o.ID, fo.ID}] {
				want = append(want, o.ID+","+fo.ID)
			}
		}
	}
	for i, o := range d.Orgs {
		row := []any{o.ID, o.Name, o.Sector}
		for _, fo := range d.Forums {
			mark := ""
			if in[[2]string{o.ID, fo.ID}] {
				mark = "x"
			}
			row = append(row, mark)
		}
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &row)
	}
	path := filepath.Join(t.TempDir(), "sample-matrix.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	code, out, errs := sectornet(t, "import", "matrix", path, "--as", "participation")
	if code != 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		p := strings.Split(line, ",")
		got = append(got, p[0]+","+p[1])
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %d pairs, want %d:\n%v\n%v", len(got), len(want), got, want)
	}
}
