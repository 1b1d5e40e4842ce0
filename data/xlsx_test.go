package data

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book builds workbooks for tests, one call per cell or range.
type book struct {
	t *testing.T
	f *excelize.File
}

func newBook(t *testing.T) *book { return &book{t: t, f: excelize.NewFile()} }

func (b *book) sheet(name string) {
	b.t.Helper()
	if name == "" {
		return
	}
	if _, err := b.f.NewSheet(name); err != nil {
		b.t.Fatal(err)
	}
}

// rows writes rows of text from cell A<first> down.
func (b *book) rows(sheet string, first int, rows [][]string) {
	b.t.Helper()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, first+i)
		vals := make([]any, len(r))
		for j, v := range r {
			vals[j] = v
		}
		if err := b.f.SetSheetRow(sheet, cell, &vals); err != nil {
			b.t.Fatal(err)
		}
	}
}

func (b *book) value(sheet, cell string, v any) {
	b.t.Helper()
	if err := b.f.SetCellValue(sheet, cell, v); err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) formula(sheet, cell, formula string) {
	b.t.Helper()
	if err := b.f.SetCellFormula(sheet, cell, formula); err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) style(sheet, cell string, st *excelize.Style) {
	b.t.Helper()
	id, err := b.f.NewStyle(st)
	if err != nil {
		b.t.Fatal(err)
	}
	if err := b.f.SetCellStyle(sheet, cell, cell, id); err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) merge(sheet, from, to string) {
	b.t.Helper()
	if err := b.f.MergeCell(sheet, from, to); err != nil {
		b.t.Fatal(err)
	}
}

func (b *book) bytes() []byte {
	b.t.Helper()
	b.f.DeleteSheet("Sheet1")
	var buf bytes.Buffer
	if err := b.f.Write(&buf); err != nil {
		b.t.Fatal(err)
	}
	return buf.Bytes()
}

// withCachedValue rewrites a workbook so that the formula cell of a
// worksheet part (e.g. "xl/worksheets/sheet1.xml") carries a stored value,
// as a workbook saved by Excel does (excelize stores none).
func withCachedValue(t *testing.T, xlsx []byte, part, cell, formula, value string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, e := range z.File {
		r, _ := e.Open()
		content, _ := io.ReadAll(r)
		r.Close()
		if e.Name == part {
			old := fmt.Sprintf(`<c r="%s" t="str"><f>%s</f></c>`, cell, formula)
			found = bytes.Contains(content, []byte(old))
			content = bytes.Replace(content, []byte(old), []byte(fmt.Sprintf(`<c r="%s"><f>%s</f><v>%s</v></c>`, cell, formula, value)), 1)
		}
		w, _ := zw.Create(e.Name)
		w.Write(content)
	}
	zw.Close()
	if !found {
		t.Fatalf("no formula cell %s in %s", cell, part)
	}
	return out.Bytes()
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestReadSheetCells checks each rule for reading cells on one sheet made
// here, the expected text worked out from the rule.
func TestReadSheetCells(t *testing.T) {
	b := newBook(t)
	b.sheet("S")
	b.value("S", "A1", "text")
	b.formula("S", "B1", "1/4+0.25")                // no stored value: computed, 0.5
	b.value("S", "C1", 41284)                       // serial of 2013-01-10 ...
	b.style("S", "C1", &excelize.Style{NumFmt: 14}) // ... under the built-in date format (shows 01-10-13)
	b.formula("S", "D1", "DATE(2013,2,10)")         // a computed date
	b.style("S", "D1", &excelize.Style{NumFmt: 14})
	custom := "dd/mm/yyyy"
	b.value("S", "E1", 41343.5) // 2013-03-10 12:00 under a custom date format
	b.style("S", "E1", &excelize.Style{CustomNumFmt: &custom})
	b.value("S", "F1", 0.3) // shows 30%
	b.style("S", "F1", &excelize.Style{NumFmt: 9})
	zeros := "000"
	b.value("S", "G1", 7) // shows 007
	b.style("S", "G1", &excelize.Style{CustomNumFmt: &zeros})
	b.value("S", "H1", 0.1+0.2)  // 0.30000000000000004, 0.3 at 15 digits
	b.formula("S", "I1", "I2*2") // stored value 12 (injected below) wins over 2*5
	b.value("S", "I2", 5)
	b.formula("S", "J1", "1/0")  // #DIV/0!: reported
	b.value("S", "K1", "#N/A")   // an error value typed in: reported
	b.value("S", "A3", "merged") // A3:B4 merged: every cell reads "merged"
	b.merge("S", "A3", "B4")
	b.value("S", "A6", "שלום & <b>") // Hebrew and markup, as is
	xlsx := withCachedValue(t, b.bytes(), "xl/worksheets/sheet2.xml", "I1", "I2*2", "12")
	f, err := OpenWorkbook(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	g, err := f.ReadSheet("S")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"text", "0.5", "2013-01-10", "2013-02-10", "2013-03-10 12:00:00", "0.3", "007", "0.3", "12"}, // J1 and K1 blanked
		{"", "", "", "", "", "", "", "", "5"},
		{"merged", "merged"},
		{"merged", "merged"},
		nil,
		{"שלום & <b>"},
	}
	if fmt.Sprintf("%q", g.Rows) != fmt.Sprintf("%q", want) {
		t.Errorf("rows\n got %q\nwant %q", g.Rows, want)
	}
	wantP := []string{
		`1 10 "=1/0" invalid value: the formula cannot be computed here (#DIV/0!); open and save the workbook in Excel so it stores the value`,
		`1 11 "#N/A" invalid value: an Excel error value (check the cell's formula)`,
	}
	var gotP []string
	for _, p := range g.Problems {
		gotP = append(gotP, fmt.Sprintf("%d %d %q %v", p.Row, p.Col, p.Value, p.Err))
	}
	if strings.Join(gotP, "\n") != strings.Join(wantP, "\n") {
		t.Errorf("problems\n got %s\nwant %s", strings.Join(gotP, "\n"), strings.Join(wantP, "\n"))
	}
}

// TestLoadWorkbookMatchesCSV builds a workbook holding testdata/good the
// way people keep spreadsheets (sheet names in another case, blank rows,
// a comment row, merged cells for repeated values, formulas, dates as date
// cells, shares as percentages, notes right of the table, an extra sheet)
// and checks it loads to exactly the dataset the CSV folder loads to.
func TestLoadWorkbookMatchesCSV(t *testing.T) {
	want, err := Load(os.DirFS("testdata/good"))
	if err != nil {
		t.Fatal(err)
	}
	b := newBook(t)
	for _, spec := range Files {
		name := SheetName(spec.Name)
		if name == "organizations" {
			name = "Organizations"
		}
		b.sheet(name)
		recs := readCSV(t, filepath.Join("testdata/good", spec.Name))
		switch spec.Name {
		case FileOrganizations:
			b.rows(name, 1, recs[:1])
			b.rows(name, 3, recs[1:]) // row 2 blank
			b.value(name, "F3", "note: right of the table, ignored")
		case FileForums:
			b.rows(name, 1, recs[:2])
			b.rows(name, 3, [][]string{{"# a comment row"}})
			b.rows(name, 4, recs[2:])
			b.value(name, "D2", nil)
			b.formula(name, "D2", "10*2") // 20
		case FileParticipation:
			// org,forum,role,person; forum F1 on rows 2-4, F2 on 5-7:
			// written once and merged down.
			b.rows(name, 1, recs)
			for _, r := range []string{"B3", "B4", "B6", "B7"} {
				b.value(name, r, nil)
			}
			b.merge(name, "B2", "B4")
			b.merge(name, "B5", "B7")
		case FileMeetings:
			b.rows(name, 1, recs)
			b.value(name, "C2", 41284) // 2013-01-10
			b.style(name, "C2", &excelize.Style{NumFmt: 14})
			b.value(name, "C3", nil)
			b.formula(name, "C3", "DATE(2013,2,10)")
			b.style(name, "C3", &excelize.Style{NumFmt: 14})
		case FileTies:
			b.rows(name, 1, recs)
			b.value(name, "E3", nil)
			b.formula(name, "E3", "1+1") // B,A,2012 weight 2
			b.value(name, "F2", 3)       // trust as a number cell
		case FileQuotas:
			b.rows(name, 1, recs)
			b.value(name, "C2", 0.3) // shows 30%
			b.style(name, "C2", &excelize.Style{NumFmt: 9})
			b.value(name, "C5", nil)
			b.formula(name, "C5", "1/10")
		default:
			b.rows(name, 1, recs)
		}
	}
	b.sheet("Notes")
	b.rows("Notes", 1, [][]string{{"anything", "here"}})
	got, err := LoadWorkbook(bytes.NewReader(b.bytes()), "good.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if g, w := fmt.Sprintf("%+v", *got), fmt.Sprintf("%+v", *want); g != w {
		t.Errorf("workbook dataset differs from the CSV one:\n got %s\nwant %s", g, w)
	}
}

// TestLoadWorkbookBroken checks every message for testdata/broken written
// as a workbook, each the CSV message located by sheet, row and column
// letter; and problems only a workbook can have.
func TestLoadWorkbookBroken(t *testing.T) {
	b := newBook(t)
	for _, spec := range Files {
		recs := readCSV(t, filepath.Join("testdata/broken", spec.Name))
		b.sheet(SheetName(spec.Name))
		b.rows(SheetName(spec.Name), 1, recs)
	}
	b.value("attendance", "A4", "#N/A")
	b.formula("ties", "D6", "1/0")
	_, err := LoadWorkbook(bytes.NewReader(b.bytes()), "partners.xlsx")
	want := []string{
		`partners.xlsx[sectors]:3:C: color "blue!": invalid value: want #RRGGBB or a colour name such as navy`,
		`partners.xlsx[organizations]:4:A: id "R02": duplicate id, first defined on row 3`,
		`partners.xlsx[organizations]:5:A: id "": empty value`,
		`partners.xlsx[organizations]:7:C: sector "goverment": unknown sector (not in sheet sectors)`,
		// Row 8 has a cell right of the header: a note, not an error.
		`partners.xlsx[forums]:2:D: capacity "twenty": not a number: want a whole number of seats from 0 to 1000000`,
		`partners.xlsx[participation]:3:A: org "R9": unknown organization (did you mean "R09"?)`,
		`partners.xlsx[participation]:4:B: forum "F7": unknown forum`,
		`partners.xlsx[participation]:5:B: forum "": empty value`,
		`partners.xlsx[meetings]:2:C: date "2013-13-01": not a date: want YYYY-MM-DD (did you mean 2013-01-13? the month comes before the day)`,
		`partners.xlsx[meetings]:3:C: date "15/01/2013": not a date: want YYYY-MM-DD (did you mean 2013-01-15?)`,
		`partners.xlsx[attendance]:3:A: meeting "M4": unknown meeting`,
		`partners.xlsx[attendance]:4:A: meeting "#N/A": invalid value: an Excel error value (check the cell's formula)`,
		`partners.xlsx[ties]:2:B: target "R01": self-tie: an organization cannot collaborate with itself`,
		`partners.xlsx[ties]:3:D: weight "-1": out of range: want a weight from 0.0001 to 10000 (rescale larger numbers)`,
		`partners.xlsx[ties]:4:E: trust "5": out of range: want a score from 1 to 4`,
		`partners.xlsx[ties]:5:C: wave "": empty value`,
		`partners.xlsx[ties]:6:D: weight "=1/0": invalid value: the formula cannot be computed here (#DIV/0!); open and save the workbook in Excel so it stores the value`,
		`partners.xlsx[quotas]:2:A: forum "*": out of range: the shares of this forum sum to 1.2, more than 1`,
		`partners.xlsx[quotas]:5:C: share "1.5": out of range: want a share from 0 to 1`,
	}
	if err == nil {
		t.Fatal("no error")
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	var e *Error
	if !errors.As(err, &e) || e.File != "partners.xlsx" || e.Sheet != "sectors" || e.Line != 3 || e.Letter != "C" || e.Column != "color" {
		t.Errorf("errors.As: %+v", e)
	}
}

// TestLoadWorkbookFileProblems checks problems with the workbook itself.
func TestLoadWorkbookFileProblems(t *testing.T) {
	minimal := func(b *book, skip string) {
		for name, recs := range map[string][][]string{
			"organizations": {{"id", "name", "sector"}, {"A", "Alpha", "gov"}},
			"forums":        {{"id", "name"}, {"F1", "One"}},
			"participation": {{"org", "forum"}, {"A", "F1"}},
		} {
			if name != skip {
				b.sheet(name)
				b.rows(name, 1, recs)
			}
		}
	}
	tests := []struct {
		name  string
		build func(*book)
		raw   []byte
		want  string
		is    error
	}{
		{"misnamed sheet", func(b *book) {
			minimal(b, "forums")
			b.sheet("Forum")
			b.rows("Forum", 1, [][]string{{"id", "name"}, {"F1", "One"}})
		}, nil, `w.xlsx[forums]: missing sheet: the workbook needs a sheet named forums (forums, committees, boards) (the workbook has a sheet "Forum": did you mean "forums"?)`, ErrMissingFile},
		{"missing column", func(b *book) {
			minimal(b, "organizations")
			b.sheet("organizations")
			b.rows("organizations", 1, [][]string{{"id", "title", "sector"}, {"A", "Alpha", "gov"}})
		}, nil, `w.xlsx[organizations]:1: missing required column "name" (the header is id,title,sector)`, ErrMissingColumn},
		{"empty sheet", func(b *book) {
			minimal(b, "forums")
			b.sheet("forums")
		}, nil, "w.xlsx[forums]: missing required column: the sheet is empty; it needs a header row (id,name)", ErrMissingColumn},
		{"duplicate heading", func(b *book) {
			minimal(b, "forums")
			b.sheet("forums")
			b.rows("forums", 1, [][]string{{"id", "name", "ID"}, {"F1", "One", "x"}})
		}, nil, `w.xlsx[forums]:1:C: header "ID": duplicate column`, ErrDuplicate},
		{"not a workbook", nil, []byte("id,name\n"), "w.xlsx: not an Excel workbook: zip: not a valid zip file (save it from Excel as .xlsx; .xls and .ods are not read)", ErrNotWorkbook},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := tt.raw
			if tt.build != nil {
				b := newBook(t)
				tt.build(b)
				raw = b.bytes()
			}
			_, err := LoadWorkbook(bytes.NewReader(raw), "w.xlsx")
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v) = false", tt.is)
			}
		})
	}
}

// TestWorkbookRoundTrip writes the sample and testdata/good as workbooks
// and reads them back to the same datasets; and reads the empty template
// as an empty dataset.
func TestWorkbookRoundTrip(t *testing.T) {
	for name, fsys := range map[string]fs.FS{"sample": Sample(), "good": os.DirFS("testdata/good")} {
		t.Run(name, func(t *testing.T) {
			want, err := Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := WriteWorkbook(&buf, want); err != nil {
				t.Fatal(err)
			}
			got, err := LoadWorkbook(&buf, name+".xlsx")
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprintf("%+v", *got), fmt.Sprintf("%+v", *want); g != w {
				t.Errorf("round trip differs:\n got %.2000s\nwant %.2000s", g, w)
			}
		})
	}
	var buf bytes.Buffer
	if err := WriteWorkbookTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := OpenWorkbook(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var sheets []string
	for _, s := range f.SheetNames() {
		g, _ := f.ReadSheet(s)
		sheets = append(sheets, s+":"+strings.Join(g.Rows[0], ","))
	}
	wantSheets := "sectors:id,label,color organizations:id,name,sector forums:id,name,kind,capacity participation:org,forum,role,person,joined " +
		"meetings:id,forum,date attendance:meeting,org,person ties:source,target,wave,type,weight,trust,value,reliability,mission,openness,power,involvement,resources " +
		"quotas:forum,sector,share respondents:org,wave,date,person"
	if strings.Join(sheets, " ") != wantSheets {
		t.Errorf("template sheets:\n got %s\nwant %s", strings.Join(sheets, " "), wantSheets)
	}
	d, err := LoadWorkbook(&buf, "template.xlsx")
	if err != nil || len(d.Orgs)+len(d.Forums)+len(d.Memberships) != 0 {
		t.Errorf("template: %v, %+v", err, d)
	}
}

// BenchmarkLoadWorkbook loads a generated 5,000-organization dataset
// written as a workbook.
func BenchmarkLoadWorkbook(b *testing.B) {
	d, err := Generate(GenerateOptions{Orgs: 5000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, d); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := LoadWorkbook(bytes.NewReader(buf.Bytes()), "bench.xlsx"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTemplateValidations: the template's id columns are drop-down lists
// of the ids typed in their sheet, and its number columns refuse values
// out of range, so that most mistakes cannot be typed (issue 19).
func TestTemplateValidations(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteWorkbookTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sheet := range f.GetSheetList() {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			style := ""
			if dv.ErrorStyle != nil {
				style = *dv.ErrorStyle
			}
			got = append(got, fmt.Sprintf("%s %s %s %s %s %s %s", sheet, dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2, style))
		}
	}
	list := func(s string) string { return fmt.Sprintf("OFFSET(%s!$A$2,0,0,MAX(1,COUNTA(%s!$A:$A)-1),1)", s, s) }
	want := []string{
		"organizations C2:C1048576 list  " + list("sectors") + "  warning",
		"forums D2:D1048576 whole between 0 1000000 stop",
		"participation A2:A1048576 list  " + list("organizations") + "  stop",
		"participation B2:B1048576 list  " + list("forums") + "  stop",
		"meetings B2:B1048576 list  " + list("forums") + "  stop",
		"meetings C2:C1048576 date greaterThan 1  warning",
		"attendance A2:A1048576 list  " + list("meetings") + "  stop",
		"attendance B2:B1048576 list  " + list("organizations") + "  stop",
		"ties A2:A1048576 list  " + list("organizations") + "  stop",
		"ties B2:B1048576 list  " + list("organizations") + "  stop",
		"ties E2:E1048576 decimal between 0.0001 10000 stop",
		"ties F2:F1048576 decimal between 1 4 stop",
		"ties G2:G1048576 decimal between 1 4 stop",
		"quotas A2:A1048576 list  " + list("forums") + "  warning",
		"quotas B2:B1048576 list  " + list("sectors") + "  warning",
		"quotas C2:C1048576 decimal between 0 1 stop",
		"respondents A2:A1048576 list  " + list("organizations") + "  stop",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("validations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
