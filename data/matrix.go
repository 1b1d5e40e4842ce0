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
	m := &matrix{name: name, o: o, errs: &errs}
	var d *graph.Dataset
	if strings.EqualFold(pathExt(name), ".xlsx") {
		f, err := OpenWorkbook(r)
		if err != nil {
			errs.add(&Error{File: name, Err: err})
			return nil, &errs
		}
		defer f.Close()
		list := f.SheetNames()
		sheet := o.Sheet
		if sheet == "" {
			sheet = list[0]
		} else if !slices.Contains(list, sheet) {
			errs.add(&Error{File: name, Err: fmt.Errorf("%w: no sheet named %q (the sheets are %s)", ErrMissingSheet, sheet, strings.Join(list, ", ")), Hint: suggest(sheet, list)})
			return nil, &errs
		}
		rows, err := f.RowsUpTo(sheet, MaxMatrixColumns)
		if err != nil {
			errs.add(&Error{File: name, Sheet: sheet, Err: err})
			return nil, &errs
		}
		defer rows.Close()
		m.sheet, m.workbook = sheet, true
		d = m.convert(func() (gridRow, bool) {
			if !rows.Next() {
				return gridRow{}, false
			}
			return gridRow{line: rows.Line(), cells: rows.Cells()}, true
		}, rows.Problems)
		if err := rows.Err(); err != nil {
			errs.add(&Error{File: name, Sheet: sheet, Err: err})
		}
	} else {
		g := newCSVGrid(r)
		d = m.convert(g.next, func() []CellProblem { return nil })
		if g.err != nil {
			errs.add(g.err.withFile(name))
		}
	}
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
	g := newCSVGrid(r)
	var rows []gridRow
	for {
		row, ok := g.next()
		if !ok {
			break
		}
		rows = append(rows, row)
	}
	if g.err != nil {
		return nil, g.err
	}
	return rows, nil
}

// csvGrid streams the rows of a CSV file of any width, its separator
// (comma, semicolon or tab) guessed from its first line, each row's bytes
// counted as it is read (MaxRowBytes).
type csvGrid struct {
	cr  *csv.Reader
	ll  *rowLimiter
	err *gridError
}

// gridError is a problem that ended the reading of a grid, at a line.
type gridError struct {
	line int
	err  error
}

func (e *gridError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("line %d: %v", e.line, e.err)
	}
	return e.err.Error()
}

func (e *gridError) Unwrap() error { return e.err }

func (e *gridError) withFile(name string) *Error {
	return &Error{File: name, Line: e.line, Err: e.err}
}

func newCSVGrid(r io.Reader) *csvGrid {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	head, _ := br.Peek(br.Size())
	ll := &rowLimiter{r: br, atStart: true}
	cr := csv.NewReader(ll)
	cr.Comma = guessDelimiter(head)
	cr.FieldsPerRecord = -1
	return &csvGrid{cr: cr, ll: ll}
}

func (g *csvGrid) next() (gridRow, bool) {
	if g.err != nil {
		return gridRow{}, false
	}
	fields, err := g.cr.Read()
	if err == io.EOF {
		return gridRow{}, false
	}
	if err != nil {
		var pe *csv.ParseError
		switch {
		case errors.Is(err, errLongRow):
			g.err = &gridError{g.ll.start + 1, fmt.Errorf("%w: a row is longer than %d bytes (is a quote left open?)", ErrLimit, MaxRowBytes)}
		case errors.As(err, &pe):
			g.err = &gridError{pe.StartLine, fmt.Errorf("%w: %v", ErrSyntax, pe.Err)}
		default:
			g.err = &gridError{0, err}
		}
		return gridRow{}, false
	}
	line, _ := g.cr.FieldPos(0)
	for _, f := range fields {
		if !utf8.ValidString(f) {
			g.err = &gridError{line, fmt.Errorf("%w (save the file as UTF-8)", ErrEncoding)}
			return gridRow{}, false
		}
	}
	if len(fields) > MaxMatrixColumns {
		g.err = &gridError{line, fmt.Errorf("%w: %d fields, at most %d allowed", ErrLimit, len(fields), MaxMatrixColumns)}
		return gridRow{}, false
	}
	return gridRow{line: line, cells: fields}, true
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

func (m *matrix) convert(next func() (gridRow, bool), problems func() []CellProblem) *graph.Dataset {
	what := "forum"
	if m.o.As == FileAttendance {
		what = "meeting"
	}
	// The header: the first row that is not blank or a comment.
	var g Sheet
	var hr gridRow
	found := false
	for r, ok := next(); ok; r, ok = next() {
		if !g.skip(r.cells) {
			hr, found = r, true
			break
		}
	}
	if !found {
		m.errs.add(&Error{File: m.name, Sheet: m.sheet, Err: fmt.Errorf("%w: the sheet is empty; it needs a header row naming the %ss", ErrMissingColumn, what)})
		return nil
	}
	headerLine := hr.line
	m.header = make([]string, len(trimRight(hr.cells)))
	seen := map[string]int{}
	for i := range m.header {
		h := strings.TrimSpace(hr.cells[i])
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
	report := func() {
		for _, p := range problems() {
			m.errs.add(m.at(p.Row, p.Col-1, p.Value, p.Err))
		}
	}
	report()
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
	for r, ok := next(); ok; r, ok = next() {
		report()
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
				e := m.at(r.line, c, v, fmt.Errorf("%w: not a mark (want x, 1, yes or ✓ where the organization took part; blank, 0 or no where it did not)", ErrInvalid))
				if m.o.As == FileParticipation && looksLikeRole(v) {
					e.Hint = "use --roles to read roles"
				}
				m.errs.add(e)
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
	report()
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

// roleWords are words of the roles people write in a membership sheet.
var roleWords = []string{"chair", "member", "secretary", "treasurer", "observer", "coordinator", "facilitator", "lead", "head", "director", "manager", "representative", "deputy", "guest", "advisor", "adviser", "founder",
	"יו\"ר", "יושב ראש", "יושבת ראש", "חבר", "משקיף", "משקיפה", "רכז", "רכזת", "נציג", "נציגה"}

// looksLikeRole reports whether a cell's text is probably a role (chair,
// vice-chair, member).
func looksLikeRole(v string) bool {
	lv := strings.ToLower(v)
	for _, w := range roleWords {
		if strings.Contains(lv, w) {
			return true
		}
	}
	return false
}

// MaxMatrixColumns is the most columns a wide sheet may have: Excel's
// limit.
const MaxMatrixColumns = 16384

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
