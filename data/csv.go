package data

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode/utf8"
)

// Limits on what one file may hold, so a broken file gives a clear error
// instead of unbounded memory.
const (
	MaxFieldBytes = 64 << 10 // largest field: 64 KiB
	MaxColumns    = 512      // most columns in a file
	MaxLineBytes  = 1 << 20  // longest physical line: 1 MiB
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

// lineLimiter fails a read when a physical line exceeds MaxLineBytes.
type lineLimiter struct {
	r       *bufio.Reader
	lineLen int
	line    int
	err     error
}

var errLongLine = errors.New("line longer than the limit")

func (l *lineLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\n' {
			l.line++
			l.lineLen = 0
			continue
		}
		l.lineLen++
		if l.lineLen > MaxLineBytes {
			l.err = errLongLine
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
func readTable(r io.Reader, file string, required []string, errs *List) *table {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	ll := &lineLimiter{r: br}
	cr := csv.NewReader(ll)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	t := &table{file: file, col: map[string]int{}, errs: errs, unit: "line", kind: "file"}
	t.next = func() ([]string, int, bool) { return t.readRow(cr, ll) }
	return t.readHeader(required)
}

// readHeader reads t's header row from t.next and indexes its columns. It
// returns nil, with the problems reported, when the table is empty, its
// header row is unusable or a required column is missing.
func (t *table) readHeader(required []string) *table {
	file, errs := t.file, t.errs
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
	missing := false
	for _, req := range required {
		if !t.has(req) {
			errs.add(&Error{File: file, Line: line, Err: fmt.Errorf("%w %q (the header is %s)", ErrMissingColumn, req, strings.Join(t.header, ",")), Hint: headerHint(req, t.header)})
			missing = true
		}
	}
	if missing {
		return nil
	}
	return t
}

// readRow reads the next CSV record, reporting problems to t.errs. It
// returns false at the end of the file or after a syntax error (which sets
// t.stopped); t.badRow says the record had a cleaned field.
func (t *table) readRow(cr *csv.Reader, ll *lineLimiter) ([]string, int, bool) {
	file := t.file
	for {
		t.badRow = false
		fields, err := cr.Read()
		if err == io.EOF {
			return nil, 0, false
		}
		if err != nil {
			t.stopped = true
			if errors.Is(err, errLongLine) {
				t.errs.add(&Error{File: file, Line: ll.line + 1, Err: fmt.Errorf("%w: a line is longer than %d bytes (is a quote left open?)", ErrLimit, MaxLineBytes)})
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
			t.errs.add(&Error{File: file, Line: line, Err: fmt.Errorf("%w: %d, but the header has %d", ErrFieldCount, len(fields), len(t.header))})
			t.dropped = append(t.dropped, record{line: line, fields: fields})
			continue
		}
		return fields, line, true
	}
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

func headerHint(req string, header []string) string {
	return suggest(req, header)
}
