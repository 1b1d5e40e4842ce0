package data

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/sectornet/sectornet/graph"
)

// SheetName returns the name of the workbook sheet that holds the dataset
// file name: the file name without ".csv" ("participation" for
// participation.csv).
func SheetName(file string) string { return strings.TrimSuffix(file, ".csv") }

// LoadWorkbook reads and validates a dataset kept as an Excel workbook
// (.xlsx), one sheet per dataset file named as the file without ".csv"
// (organizations, sectors, forums, participation, meetings, attendance,
// ties, quotas; matched case-insensitively; other sheets are ignored). Each
// sheet holds what the CSV file would: a header row, then one row per
// record, checked by the same rules as Load. name is the workbook's name
// in messages, which read
//
//	partners.xlsx[participation]:14:B: org "R9": unknown organization (did you mean "R09"?)
//
// naming the sheet, its row and its column letter.
//
// Cells are read as Excel shows them, with these rules: blank rows and
// rows whose first cell starts with '#' are skipped; a merged cell's value
// fills every cell of the merged range; a formula gives its computed value
// (the value Excel stored, or, for a workbook written by a program that
// stored none, the value computed here); a number formatted as a date
// gives YYYY-MM-DD; other numbers give their value to Excel's 15
// significant digits (not their display format, so 20% reads 0.2), except
// under a format of zeros only ("000"), which gives the padded text; an
// Excel error value (#N/A, #REF!, ...) is reported; cells right of the
// header row's last heading are ignored.
func LoadWorkbook(r io.Reader, name string) (*graph.Dataset, error) {
	return LoadWorkbookContext(context.Background(), r, name)
}

// LoadWorkbookContext is LoadWorkbook that stops reading once ctx is
// cancelled (it looks every 4,096 rows) and returns ctx's error.
func LoadWorkbookContext(ctx context.Context, r io.Reader, name string) (*graph.Dataset, error) {
	var errs List
	f, err := OpenWorkbook(r)
	if err != nil {
		errs.add(&Error{File: name, Err: err})
		return nil, &errs
	}
	defer f.Close()
	src := newXLSXSource(f)
	d := load(ctx, src, &errs)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sortErrors(&errs)
	src.locate(errs.Errs, name)
	src.locate(errs.Warnings, name)
	if err := errs.err(); err != nil {
		return nil, err
	}
	d.Warnings = errs.DatasetWarnings()
	return d, nil
}

// xlsxSource reads a dataset's tables from the sheets of a workbook.
type xlsxSource struct {
	f      *Workbook
	sheets map[string]string // lower-cased, trimmed name -> name as written
	names  []string          // sheet names as written
	tables map[string]*table // dataset file name -> its table, once opened
	actual map[string]string // dataset file name -> its sheet's name as written
}

func newXLSXSource(f *Workbook) *xlsxSource {
	s := &xlsxSource{f: f, sheets: map[string]string{}, tables: map[string]*table{}, actual: map[string]string{}}
	for _, n := range f.SheetNames() {
		s.sheets[strings.ToLower(strings.TrimSpace(n))] = n
		s.names = append(s.names, n)
	}
	return s
}

func (s *xlsxSource) ref(name string) string { return "sheet " + SheetName(name) }

// otherSheet returns a sheet that is probably the one of dataset file name
// under another name (Organisations, Forum, "participation (2)"), or "".
func (s *xlsxSource) otherSheet(name string) string {
	want := SheetName(name)
	var bases []string
	for _, f := range Files {
		bases = append(bases, SheetName(f.Name))
	}
	for _, n := range s.names {
		b := baseName(n)
		if b == want {
			return n
		}
		if k, ok := closest(b, bases); ok && k == want && !slices.Contains(bases, b) {
			return n
		}
	}
	return ""
}

func (s *xlsxSource) open(name string, errs *List) (*table, bool, func()) {
	sheet, ok := s.sheets[SheetName(name)]
	if !ok {
		other := s.otherSheet(name)
		switch {
		case spec(name).Needed:
			hint := ""
			if other != "" {
				hint = fmt.Sprintf("the workbook has a sheet %q: did you mean %q?", other, SheetName(name))
			}
			errs.add(&Error{File: name, Err: fmt.Errorf("%w: the workbook needs a sheet named %s (%s)", ErrMissingSheet, SheetName(name), spec(name).Meaning), Hint: hint})
		case other != "":
			errs.add(&Error{File: name, Err: fmt.Errorf("%w: the workbook has a sheet %q, which is not read", ErrMissingSheet, other), Hint: fmt.Sprintf("did you mean %q? rename the sheet %s", SheetName(name), SheetName(name))})
			return nil, false, nil
		}
		return nil, true, nil
	}
	s.actual[name] = sheet
	rows, err := s.f.Rows(sheet)
	if err != nil {
		errs.add(&Error{File: name, Err: err})
		return nil, false, nil
	}
	t := &table{file: name, col: map[string]int{}, errs: errs, unit: "row", kind: "sheet"}
	s.tables[name] = t
	var g Sheet
	problems := func() {
		for _, p := range rows.Problems() {
			errs.add(&Error{File: name, Line: p.Row, Letter: columnLetter(p.Col), Column: t.headerAt(p.Col - 1), Value: p.Value, Err: p.Err})
		}
	}
	t.next = func() ([]string, int, bool) {
		for rows.Next() {
			cells, line := rows.Cells(), rows.Line()
			if t.header != nil {
				problems()
			}
			if g.skip(cells) {
				continue
			}
			t.badRow = false
			if t.header == nil {
				cells = trimRight(cells)
				if len(cells) > MaxColumns {
					errs.add(&Error{File: name, Line: line, Err: fmt.Errorf("%w: %d columns, at most %d allowed", ErrLimit, len(cells), MaxColumns)})
					t.badRow = true
				}
			} else {
				// Cells right of the header are notes; short rows are
				// padded with blanks.
				row := make([]string, len(t.header))
				copy(row, cells)
				cells = row
			}
			t.clean(cells, line)
			return cells, line, true
		}
		problems()
		if err := rows.Err(); err != nil {
			t.stopped = true
			errs.add(&Error{File: name, Err: err})
		}
		return nil, 0, false
	}
	if t.readHeader(spec(name)) == nil {
		rows.Close()
		return nil, false, nil
	}
	problems()
	return t, false, func() { rows.Close() }
}

// headerAt returns the heading of column i (0-based), or "" beyond the
// header.
func (t *table) headerAt(i int) string {
	if i < len(t.header) {
		return t.header[i]
	}
	return ""
}

// locate rewrites the errors of a workbook load, which name dataset files,
// to name the workbook, the sheet and the column letter.
func (s *xlsxSource) locate(errs []*Error, book string) {
	for _, e := range errs {
		file := e.File
		e.File = book
		e.Sheet = SheetName(file)
		if sh, ok := s.actual[file]; ok {
			e.Sheet = sh
		}
		t := s.tables[file]
		if e.Letter != "" || e.Line == 0 || e.Column == "" || t == nil {
			continue
		}
		if e.Column == "header" { // a repeated heading: its last occurrence
			for i := len(t.header) - 1; i >= 0; i-- {
				if strings.EqualFold(t.header[i], e.Value) {
					e.Letter = columnLetter(i + 1)
					break
				}
			}
			continue
		}
		if i, ok := t.col[strings.ToLower(e.Column)]; ok {
			e.Letter = columnLetter(i + 1)
		}
	}
}

// columnLetter returns the letters of 1-based column col ("A", "AB").
func columnLetter(col int) string {
	s, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return ""
	}
	return s
}

func trimRight(cells []string) []string {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	return cells[:n]
}

// Sheet is the text of a sheet's cells, as LoadWorkbook reads them (see
// there): Rows[r][c] is the cell in row r+1, column c+1.
type Sheet struct {
	Rows     [][]string
	Problems []CellProblem // cells that could not be read
}

// CellProblem is a cell whose value could not be read.
type CellProblem struct {
	Row, Col int    // 1-based
	Value    string // the formula or error value
	Err      error
}

// skip reports whether a row is blank or a comment (its first non-blank
// cell starts with '#' and is not an Excel error value).
func (g *Sheet) skip(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		return strings.HasPrefix(c, "#") && !excelErrors[c]
	}
	return true
}

// excelErrors are the error values a cell can hold.
var excelErrors = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true, "#NUM!": true, "#N/A": true,
	"#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true, "#FIELD!": true, "#BLOCKED!": true, "#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true,
}

// maxSheetColumns is the number of columns a sheet is read to: one more than
// a dataset file may have, so that a wider header is still reported.
const maxSheetColumns = MaxColumns + 1

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// excelNumber formats v as Excel's General format shows it, to 15
// significant digits, without an exponent: 0.1+0.2 gives "0.3".
func excelNumber(v float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// isDateFormat reports whether a number format shows a date or time: the
// built-in formats 14-22, 27-36, 45-47, 50-58 and 71-81 (ECMA-376 Part 1,
// 18.8.30, with the East Asian and Thai ones), or a custom code with a
// day, month, year, hour or second outside quotes, escapes and brackets.
func isDateFormat(id int, code string) bool {
	if code == "" {
		return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58 || id >= 71 && id <= 81
	}
	section, _, _ := strings.Cut(code, ";")
	inQuote, inBracket := false, false
	for i := 0; i < len(section); i++ {
		c := section[i]
		switch {
		case inQuote:
			inQuote = c != '"'
		case inBracket:
			inBracket = c != ']'
		case c == '"':
			inQuote = true
		case c == '[':
			inBracket = true
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal or padding
		default:
			switch c | 0x20 {
			case 'd', 'm', 'y', 'h', 's':
				return true
			}
		}
	}
	return false
}
