package data

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on what one file may hold, so a broken file gives a clear error
// instead of unbounded memory.
const (
	MaxFieldBytes = 64 << 10 // largest field: 64 KiB
	MaxColumns    = 512      // most columns in a file
	// MaxRowBytes is the longest row: 1 MiB, counted as the row is read,
	// over all its lines when a quoted field spans several.
	MaxRowBytes = 1 << 20
)

// record is one data row of a CSV file with its line number.
type record struct {
	line   int
	fields []string
}

// table is a parsed CSV file: its header (as written and lower-cased), and
// its rows.
type table struct {
	file   string
	header []string // as written, trimmed
	col    map[string]int
	errs   *List
	next   func() ([]string, int, bool) // the next data row, its line
	badRow bool                         // the last row read had a cleaned field
	// unit and kind name a row and the table in messages: "line" and
	// "file" for CSV, "row" and "sheet" for a workbook.
	unit, kind string
	// dropped are rows skipped for their number of fields; stopped is
	// set when a syntax error ended reading before the end of the file.
	dropped []record
	stopped bool
	// counts groups the rows with a wrong number of fields by their
	// number, reported once per number when reading ends.
	counts []*fieldCount
	// delim is the field separator of a CSV file; decimalComma says
	// numbers may be written 0,3 (semicolon-separated files).
	delim        rune
	decimalComma bool
}

// fieldCount is the rows of a file that have one wrong number of fields.
type fieldCount struct {
	n          int    // their number of fields
	lines      []int  // their lines, the first few
	rows       int    // how many
	emptyExtra bool   // every field beyond the header's is blank: trailing commas
	example    string // the first row's name as it was probably meant, "Teva, Ltd"
}

// droppedIDs returns the values in the id column of dropped rows.
func (t *table) droppedIDs() map[string]bool {
	i, ok := t.col["id"]
	if !ok || len(t.dropped) == 0 {
		return nil
	}
	m := map[string]bool{}
	for _, r := range t.dropped {
		if i < len(r.fields) {
			m[strings.TrimSpace(r.fields[i])] = true
		}
	}
	return m
}

// get returns the trimmed value of column name in rec, "" when the file has
// no such column.
func (t *table) get(rec record, name string) string {
	i, ok := t.col[name]
	if !ok || i >= len(rec.fields) {
		return ""
	}
	return strings.TrimSpace(rec.fields[i])
}

func (t *table) has(name string) bool { _, ok := t.col[name]; return ok }

// colName returns the column's name as the file spells it.
func (t *table) colName(name string) string {
	if i, ok := t.col[name]; ok {
		return t.header[i]
	}
	return name
}

// extra returns the attributes of rec in columns not in known, in file
// order.
func (t *table) extraCols(known ...string) []int {
	var out []int
	for i, h := range t.header {
		isKnown := false
		for _, k := range known {
			if strings.EqualFold(h, k) {
				isKnown = true
				break
			}
		}
		if !isKnown && h != "" {
			out = append(out, i)
		}
	}
	return out
}

// rowLimiter fails a read when a row, over all its lines when a quoted
// field spans several, exceeds MaxRowBytes. It follows the quotes itself
// as the bytes go by, so an open quote is caught after MaxRowBytes, not
// after the whole file has been buffered into one field.
type rowLimiter struct {
	r       *bufio.Reader
	rowLen  int  // bytes of the current row so far
	line    int  // lines before the current byte, 0-based
	start   int  // the line the current row started on, 0-based
	inQuote bool // inside a quoted field
	atStart bool // at the start of a row (where '#' begins a comment)
	comment bool // inside a comment line
	err     error
}

var errLongRow = errors.New("row longer than the limit")

func (l *rowLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for i := 0; i < n; i++ {
		c := p[i]
		if l.atStart {
			l.atStart = false
			l.start = l.line
			l.comment = c == '#'
		}
		switch {
		case c == '\n':
			l.line++
			if !l.inQuote {
				l.rowLen, l.atStart, l.comment = 0, true, false
				continue
			}
		case c == '"' && !l.comment:
			l.inQuote = !l.inQuote
		}
		l.rowLen++
		if l.rowLen > MaxRowBytes {
			l.err = errLongRow
			return i, nil
		}
	}
	return n, err
}

// readTable starts parsing one CSV file: it reads the header row and
// returns a table whose records method streams the data rows, so a large
// file is never held in memory whole. Column names match
// case-insensitively; a UTF-8 byte-order mark and CRLF line endings are
// accepted; lines starting with '#' are comments. Rows with the wrong
// number of fields are reported to errs and skipped; fields with invalid
// UTF-8, a NUL byte or over the size limit are reported and cleaned. It
// returns nil when the file has no usable header or lacks a required
// column.
func readTable(r io.Reader, file string, sp FileSpec, errs *List) *table {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	head, _ := br.Peek(br.Size())
	delim := guessDelimiter(head)
	ll := &rowLimiter{r: br, atStart: true}
	cr := csv.NewReader(ll)
	cr.Comma = delim
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	t := &table{file: file, col: map[string]int{}, errs: errs, unit: "line", kind: "file", delim: delim, decimalComma: delim == ';'}
	t.next = func() ([]string, int, bool) { return t.readRow(cr, ll) }
	t = t.readHeader(sp)
	if t != nil && delim != ',' {
		if delim == ';' {
			errs.warnf(file, 0, "", "", "decimal commas such as 0,3 are read as 0.3", "separated by semicolons, not commas, as Excel saves CSV in many countries: read that way")
		} else {
			errs.warnf(file, 0, "", "", "", "separated by tabs, not commas, as Excel saves Unicode Text and as cells pasted from a sheet are: read that way")
		}
	}
	return t
}

// guessDelimiter returns the field separator of a CSV file from the first
// line of head that is not blank or a comment: a semicolon or a tab when
// that line has more of them, outside quotes, than commas; else a comma.
func guessDelimiter(head []byte) rune {
	for len(head) > 0 {
		line, rest, _ := bytes.Cut(head, []byte("\n"))
		head = rest
		if t := bytes.TrimSpace(line); len(t) == 0 || t[0] == '#' {
			continue
		}
		counts := map[byte]int{}
		inQuote := false
		for _, c := range line {
			switch {
			case c == '"':
				inQuote = !inQuote
			case !inQuote && (c == ',' || c == ';' || c == '\t'):
				counts[c]++
			}
		}
		switch {
		case counts[';'] > counts[','] && counts[';'] >= counts['\t']:
			return ';'
		case counts['\t'] > counts[',']:
			return '\t'
		}
		return ','
	}
	return ','
}

// readHeader reads t's header row from t.next and indexes its columns. It
// returns nil, with the problems reported, when the table is empty, its
// header row is unusable or a required column is missing. A heading close
// to a known column it is not (capasity) is a warning: the column would
// silently become an attribute.
func (t *table) readHeader(sp FileSpec) *table {
	file, errs, required := t.file, t.errs, sp.Required
	fields, line, ok := t.next()
	if !ok {
		if !t.stopped {
			errs.add(&Error{File: file, Line: 0, Err: fmt.Errorf("%w: the %s is empty; it needs a header row (%s)", ErrMissingColumn, t.kind, strings.Join(required, ","))})
		}
		return nil
	}
	if t.badRow {
		return nil
	}
	for i, h := range fields {
		h = strings.TrimSpace(h)
		t.header = append(t.header, h)
		key := strings.ToLower(h)
		if key == "" {
			continue
		}
		if _, dup := t.col[key]; dup {
			errs.add(&Error{File: file, Line: line, Column: "header", Value: h, Err: fmt.Errorf("%w column", ErrDuplicate)})
			continue
		}
		t.col[key] = i
	}
	known := append(append([]string{}, sp.Required...), sp.Optional...)
	if looksLikeData(t.header, known) {
		want := strings.Join(required, ",")
		if len(sp.Optional) > 0 {
			want += " (and any of " + strings.Join(sp.Optional, ",") + ")"
		}
		errs.add(&Error{File: file, Line: line, Err: fmt.Errorf("%w: the first %s looks like data, not a header: the header should be %s", ErrNoHeader, t.unit, want)})
		return nil
	}
	missing := false
	var absent []string // known columns the header lacks
	for _, k := range known {
		if !t.has(k) {
			absent = append(absent, k)
		}
	}
	var unknown []string // headings that are no known column
	for _, h := range t.header {
		if h != "" && !slices.ContainsFunc(known, func(k string) bool { return strings.EqualFold(k, h) }) {
			unknown = append(unknown, h)
		}
	}
	claimed := map[string]bool{}
	for _, req := range required {
		if t.has(req) {
			continue
		}
		missing = true
		h, ok := closest(req, unknown)
		if !ok {
			h, ok = synonym(req, slices.DeleteFunc(slices.Clone(unknown), func(u string) bool { return claimed[u] }))
		}
		if ok {
			claimed[h] = true
			errs.add(&Error{File: file, Line: line, Err: fmt.Errorf("%w %q", ErrMissingColumn, req), Hint: fmt.Sprintf("the header has %q: did you mean %q?", h, req)})
			continue
		}
		errs.add(&Error{File: file, Line: line, Err: fmt.Errorf("%w %q (the header is %s)", ErrMissingColumn, req, strings.Join(t.header, ","))})
	}
	for _, h := range unknown {
		if claimed[h] {
			continue
		}
		if k, ok := closest(h, absent); ok {
			what := "ignored"
			if sp.Name == FileOrganizations || sp.Name == FileForums {
				what = "kept as an attribute"
			}
			of := sp.Name
			if t.kind == "sheet" {
				of = "sheet " + SheetName(sp.Name)
			}
			errs.warn(&Error{File: file, Line: line, Column: "header", Value: h, Err: fmt.Errorf("not a column of %s, so %s", of, what), Hint: fmt.Sprintf("did you mean %q?", k)})
		}
	}
	if missing {
		return nil
	}
	return t
}

// looksLikeData reports whether a header row is more likely a data row:
// none of its headings is, or is close to, a column of the file.
func looksLikeData(header, known []string) bool {
	for _, h := range header {
		if h == "" {
			continue
		}
		for _, k := range known {
			if strings.EqualFold(h, k) {
				return false
			}
		}
		if _, ok := closest(h, known); ok {
			return false
		}
		for _, k := range known {
			if _, ok := synonym(k, []string{h}); ok {
				return false
			}
		}
	}
	return true
}

// readRow reads the next CSV record, reporting problems to t.errs. It
// returns false at the end of the file or after a syntax error (which sets
// t.stopped); t.badRow says the record had a cleaned field. Blank rows
// (only separators and spaces, as Excel writes below a table) are
// skipped.
func (t *table) readRow(cr *csv.Reader, ll *rowLimiter) ([]string, int, bool) {
	file := t.file
	for {
		t.badRow = false
		fields, err := cr.Read()
		if err == io.EOF {
			t.reportFieldCounts()
			return nil, 0, false
		}
		if err != nil {
			t.stopped = true
			t.reportFieldCounts()
			if errors.Is(err, errLongRow) {
				t.errs.add(&Error{File: file, Line: ll.start + 1, Err: fmt.Errorf("%w: a row is longer than %d bytes (is a quote left open?)", ErrLimit, MaxRowBytes)})
				return nil, 0, false
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				t.errs.add(&Error{File: file, Line: pe.StartLine, Err: fmt.Errorf("%w: %v", ErrSyntax, pe.Err)})
			} else {
				t.errs.add(&Error{File: file, Err: err})
			}
			return nil, 0, false
		}
		line, _ := cr.FieldPos(0)
		if blank(fields) {
			continue
		}
		if len(fields) > MaxColumns {
			t.errs.add(&Error{File: file, Line: line, Err: fmt.Errorf("%w: %d fields, at most %d allowed", ErrLimit, len(fields), MaxColumns)})
			if t.header == nil {
				t.badRow = true
				return fields, line, true
			}
			continue
		}
		t.clean(fields, line)
		if t.header != nil && len(fields) != len(t.header) {
			t.countFields(fields, line)
			t.dropped = append(t.dropped, record{line: line, fields: fields})
			continue
		}
		return fields, line, true
	}
}

// blank reports whether every field is empty or spaces.
func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// countFields notes a row with a wrong number of fields, to be reported
// with the others of the same number when reading ends.
func (t *table) countFields(fields []string, line int) {
	var g *fieldCount
	for _, c := range t.counts {
		if c.n == len(fields) {
			g = c
		}
	}
	if g == nil {
		g = &fieldCount{n: len(fields), emptyExtra: len(fields) > len(t.header)}
		if i, ok := t.col["name"]; ok && len(fields) > len(t.header) && strings.HasPrefix(fields[i+1], " ") {
			extra := len(fields) - len(t.header)
			g.example = strings.TrimSpace(strings.Join(fields[i:i+extra+1], ","))
		}
		t.counts = append(t.counts, g)
	}
	g.rows++
	if len(g.lines) < 4 {
		g.lines = append(g.lines, line)
	}
	if g.emptyExtra && !blank(fields[min(len(t.header), len(fields)):]) {
		g.emptyExtra = false
	}
}

// reportFieldCounts reports the rows with a wrong number of fields: one
// problem per number of fields, on the first such row, counting the
// others, with the likely cause when there are more fields than headings.
func (t *table) reportFieldCounts() {
	for _, g := range t.counts {
		msg := fmt.Sprintf("%d, but the header has %d", g.n, len(t.header))
		if more := g.rows - 1; more > 0 {
			var ls []string
			for _, l := range g.lines[1:min(len(g.lines), 3)] {
				ls = append(ls, strconv.Itoa(l))
			}
			if more > 2 {
				ls = append(ls, "…")
			}
			msg += fmt.Sprintf(", here and on %d more %s: %s", more, plural(more, t.unit, t.unit+"s"), strings.Join(ls, ", "))
		}
		hint := ""
		switch {
		case g.emptyExtra && g.rows > 1:
			hint = "remove the separator at the end of each " + t.unit
		case g.emptyExtra:
			hint = "remove the separator at the end of the " + t.unit
		case g.n > len(t.header) && t.delim == ',' && g.example != "":
			hint = fmt.Sprintf("quote a name that contains a comma: %s", strconv.Quote(g.example))
		case g.n > len(t.header) && t.delim == ',':
			hint = "quote a name that contains a comma"
		case g.n > len(t.header):
			hint = "quote a value that contains the separator"
		}
		t.errs.add(&Error{File: t.file, Line: g.lines[0], Err: fmt.Errorf("%w: %s", ErrFieldCount, msg), Hint: hint})
	}
	t.counts = nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// clean reports a field with bad bytes or over the size limit, once per
// row, and replaces it by a clean value, so the row's id still resolves
// and only the first problem is reported. It sets t.badRow when it
// reports.
func (t *table) clean(fields []string, line int) {
	for i, f := range fields {
		name := ""
		if i < len(t.header) {
			name = t.header[i]
		}
		var problem error
		switch {
		case !utf8.ValidString(f):
			problem = fmt.Errorf("%w (save the file as UTF-8)", ErrEncoding)
			fields[i] = strings.ToValidUTF8(f, "\uFFFD")
		case strings.IndexByte(f, 0) >= 0:
			problem = fmt.Errorf("%w: a NUL byte", ErrEncoding)
			fields[i] = strings.ReplaceAll(f, "\x00", "")
		case len(f) > MaxFieldBytes:
			problem = fmt.Errorf("%w: a field of %d bytes, at most %d allowed", ErrLimit, len(f), MaxFieldBytes)
			fields[i] = strings.ToValidUTF8(f[:MaxFieldBytes], "")
		}
		if problem != nil && !t.badRow {
			t.errs.add(&Error{File: t.file, Line: line, Err: problem, Hint: fieldHint(name, i)})
			t.badRow = true
		}
	}
}

// records streams the data rows of t.
func (t *table) records() iter.Seq[record] {
	return func(yield func(record) bool) {
		for {
			fields, line, ok := t.next()
			if !ok || !yield(record{line: line, fields: fields}) {
				return
			}
		}
	}
}

func fieldHint(name string, i int) string {
	if name != "" {
		return "in column " + name
	}
	return fmt.Sprintf("in field %d", i+1)
}
