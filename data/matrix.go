package data

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sectornet/sectornet/graph"
)

// MatrixOptions say how to read a wide sheet with ReadMatrix.
type MatrixOptions struct {
	// As is FileParticipation (columns are forums) or FileAttendance
	// (columns are meetings).
	As string
	// Sheet is the workbook sheet to read; the first when empty. Ignored
	// for CSV.
	Sheet string
	// OrgColumn is the heading of the column of organization ids; when
	// empty, the first column headed org, organization, organisation or
	// id, else the first column.
	OrgColumn string
	// Skip are headings of columns that are neither ids nor forums or
	// meetings (names, sectors, notes), matched case-insensitively.
	Skip []string
	// Roles, for participation, takes a cell's text that is not a mark
	// (chair, member, ...) as the membership's role instead of an error.
	Roles bool
}

// Marks that say an organization took part, and cells that say it did
// not, compared after trimming and lower-casing.
var (
	yesMarks = map[string]bool{"x": true, "1": true, "yes": true, "y": true, "true": true, "v": true, "✓": true, "✔": true, "☑": true, "✅": true, "כן": true}
	noMarks  = map[string]bool{"": true, "0": true, "no": true, "n": true, "false": true, "-": true, "לא": true}
)

// ReadMatrix converts a wide sheet, as people keep attendance, into the
// dataset's long form: one row per organization, one column per forum
// (o.As participation.csv) or meeting (attendance.csv), and a mark (x, 1,
// yes, y, true, v, ✓, ✔, ☑, כן) where the organization took part; blank,
// 0, no, n, false, - or לא where it did not. name is the file's name; a
// name ending in .xlsx is read as a workbook (cells read as LoadWorkbook
// reads them: merged ranges filled, formulas computed), anything else as
// CSV (comma, semicolon or tab separated, guessed from the header line).
// Blank rows and rows starting with '#' are skipped. The result holds
// d.Memberships or d.Attendance, forum by forum (meeting by meeting) in
// column order, organizations in row order. On bad input it returns a
// *List naming every problem by file, row (line) and column.
func ReadMatrix(r io.Reader, name string, o MatrixOptions) (*graph.Dataset, error) {
	if o.As != FileParticipation && o.As != FileAttendance {
		panic("data: ReadMatrix of " + o.As)
	}
	var errs List
	var rows []gridRow
	var problems []CellProblem
	sheet := ""
	if strings.EqualFold(pathExt(name), ".xlsx") {
		f, err := OpenWorkbook(r)
		if err != nil {
			errs.add(&Error{File: name, Err: err})
			return nil, &errs
		}
		defer f.Close()
		list := f.GetSheetList()
		sheet = o.Sheet
		if sheet == "" {
			sheet = list[0]
		} else if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
			errs.add(&Error{File: name, Err: fmt.Errorf("%w: no sheet named %q (the sheets are %s)", ErrMissingSheet, sheet, strings.Join(list, ", ")), Hint: suggest(sheet, list)})
			return nil, &errs
		}
		g, err := ReadSheet(f, sheet)
		if err != nil {
			errs.add(&Error{File: name, Sheet: sheet, Err: err})
			return nil, &errs
		}
		for i, cells := range g.Rows {
			rows = append(rows, gridRow{line: i + 1, cells: cells})
		}
		problems = g.Problems
	} else {
		var err error
		rows, err = readCSVGrid(r)
		if err != nil {
			errs.add(&Error{File: name, Err: err})
			return nil, &errs
		}
	}
	m := &matrix{name: name, sheet: sheet, o: o, errs: &errs, workbook: sheet != ""}
	d := m.convert(rows, problems)
	slices.SortStableFunc(errs.Errs, func(a, b *Error) int { return a.Line - b.Line })
	if err := errs.err(); err != nil {
		return nil, err
	}
	return d, nil
}

// gridRow is one row of cells with its line (row) number.
type gridRow struct {
	line  int
	cells []string
}

func pathExt(name string) string {
	if i := strings.LastIndexAny(name, "./\\"); i >= 0 && name[i] == '.' {
		return name[i:]
	}
	return ""
}

// readCSVGrid reads a CSV file whole, guessing its separator (comma,
// semicolon or tab) from the first line.
func readCSVGrid(r io.Reader) ([]gridRow, error) {
	b, err := io.ReadAll(io.LimitReader(r, 256<<20))
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%w (save the file as UTF-8)", ErrEncoding)
	}
	first, _, _ := bytes.Cut(b, []byte("\n"))
	sep := ','
	for _, c := range []rune{';', '\t'} {
		if bytes.Count(first, []byte(string(c))) > bytes.Count(first, []byte(string(sep))) {
			sep = c
		}
	}
	cr := csv.NewReader(bufio.NewReader(bytes.NewReader(b)))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = false
	var rows []gridRow
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("line %d: %w: %v", pe.StartLine, ErrSyntax, pe.Err)
			}
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		rows = append(rows, gridRow{line: line, cells: fields})
	}
}

type matrix struct {
	name, sheet string
	workbook    bool
	o           MatrixOptions
	errs        *List
	header      []string
}

// at returns an Error located at a row and 0-based column.
func (m *matrix) at(line, col int, value string, err error) *Error {
	e := &Error{File: m.name, Sheet: m.sheet, Line: line, Value: value, Err: err}
	if col >= 0 {
		if col < len(m.header) && m.header[col] != "" {
			e.Column = m.header[col]
		} else {
			e.Column = "column " + strconv.Itoa(col+1)
		}
		if m.workbook {
			e.Letter = columnLetter(col + 1)
		}
	}
	return e
}

func (m *matrix) unit() string {
	if m.workbook {
		return "row"
	}
	return "line"
}

func (m *matrix) convert(rows []gridRow, problems []CellProblem) *graph.Dataset {
	what := "forum"
	if m.o.As == FileAttendance {
		what = "meeting"
	}
	// The header: the first row that is not blank or a comment.
	var g Sheet
	hi := -1
	for i, r := range rows {
		if !g.skip(r.cells) {
			hi = i
			break
		}
	}
	if hi < 0 {
		m.errs.add(&Error{File: m.name, Sheet: m.sheet, Err: fmt.Errorf("%w: the sheet is empty; it needs a header row naming the %ss", ErrMissingColumn, what)})
		return nil
	}
	headerLine := rows[hi].line
	m.header = make([]string, len(trimRight(rows[hi].cells)))
	seen := map[string]int{}
	for i := range m.header {
		h := strings.TrimSpace(rows[hi].cells[i])
		m.header[i] = h
		if h == "" {
			continue
		}
		if j, dup := seen[strings.ToLower(h)]; dup {
			m.errs.add(m.at(headerLine, i, h, fmt.Errorf("%w column, first in column %d", ErrDuplicate, j+1)))
			continue
		}
		seen[strings.ToLower(h)] = i
	}
	for _, p := range problems {
		m.errs.add(m.at(p.Row, p.Col-1, p.Value, p.Err))
	}
	orgCol := -1
	if m.o.OrgColumn != "" {
		j, ok := seen[strings.ToLower(strings.TrimSpace(m.o.OrgColumn))]
		if !ok {
			m.errs.add(&Error{File: m.name, Sheet: m.sheet, Line: headerLine, Err: fmt.Errorf("%w %q (the header is %s)", ErrMissingColumn, m.o.OrgColumn, strings.Join(m.header, ",")), Hint: suggest(m.o.OrgColumn, m.header)})
			return nil
		}
		orgCol = j
	} else {
		for _, h := range []string{"org", "organization", "organisation", "id"} {
			if j, ok := seen[h]; ok {
				orgCol = j
				break
			}
		}
		if orgCol < 0 {
			orgCol = 0
		}
	}
	skip := map[string]bool{}
	for _, s := range m.o.Skip {
		skip[strings.ToLower(strings.TrimSpace(s))] = true
	}
	var cols []int // the forum or meeting columns
	for i, h := range m.header {
		if i != orgCol && h != "" && !skip[strings.ToLower(h)] && seen[strings.ToLower(h)] == i {
			cols = append(cols, i)
		}
	}
	if len(cols) == 0 {
		m.errs.add(&Error{File: m.name, Sheet: m.sheet, Line: headerLine, Err: fmt.Errorf("%w: no %s columns (the header is %s)", ErrMissingColumn, what, strings.Join(m.header, ","))})
		return nil
	}
	type mark struct {
		org, role string
	}
	marks := make([][]mark, len(cols))
	firstRow := map[string]int{}
	for _, r := range rows[hi+1:] {
		if g.skip(r.cells) {
			continue
		}
		org := strings.TrimSpace(at(r.cells, orgCol))
		if org != "" {
			if l, dup := firstRow[org]; dup {
				m.errs.add(m.at(r.line, orgCol, org, fmt.Errorf("%w organization, first on %s %d", ErrDuplicate, m.unit(), l)))
				continue
			}
			firstRow[org] = r.line
		}
		for k, c := range cols {
			v := strings.TrimSpace(at(r.cells, c))
			lv := strings.ToLower(v)
			role := ""
			switch {
			case noMarks[lv]:
				continue
			case yesMarks[lv]:
			case m.o.Roles && m.o.As == FileParticipation:
				role = strings.ToLower(v)
			default:
				m.errs.add(m.at(r.line, c, v, fmt.Errorf("%w: not a mark (want x, 1, yes or ✓ where the organization took part; blank, 0 or no where it did not)", ErrInvalid)))
				continue
			}
			if org == "" {
				m.errs.add(m.at(r.line, orgCol, "", fmt.Errorf("%w: a row with marks needs an organization id", ErrEmpty)))
				break
			}
			marks[k] = append(marks[k], mark{org, role})
		}
		for c := len(m.header); c < len(r.cells); c++ {
			if v := strings.TrimSpace(r.cells[c]); v != "" && !noMarks[strings.ToLower(v)] {
				m.errs.add(m.at(r.line, c, v, fmt.Errorf("%w: a value in a column with no heading", ErrInvalid)))
				break
			}
		}
	}
	d := &graph.Dataset{}
	for k, c := range cols {
		for _, mk := range marks[k] {
			if m.o.As == FileParticipation {
				d.Memberships = append(d.Memberships, graph.Membership{Org: mk.org, Forum: m.header[c], Role: mk.role})
			} else {
				d.Attendance = append(d.Attendance, graph.Attendance{Meeting: m.header[c], Org: mk.org})
			}
		}
	}
	return d
}

// MatrixSize returns, for a dataset ReadMatrix returned, the number of
// distinct organizations and forums or meetings with at least one mark.
func MatrixSize(d *graph.Dataset) (orgs, groups int) {
	o, g := map[string]bool{}, map[string]bool{}
	for _, m := range d.Memberships {
		o[m.Org], g[m.Forum] = true, true
	}
	for _, a := range d.Attendance {
		o[a.Org], g[a.Meeting] = true, true
	}
	return len(o), len(g)
}
