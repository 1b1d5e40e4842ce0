package data

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Limits on a workbook, so that a small hostile file (a zip bomb, a
// sheet of whitespace, a merged range over a million rows) is refused
// with a clear error in well under a second instead of exhausting memory.
// A workbook is streamed row by row: it costs about what the same rows
// cost as CSV.
const (
	// MaxWorkbookFileBytes is the largest .xlsx file read (zipped).
	MaxWorkbookFileBytes = 256 << 20
	// MaxSheetBytes is the most one sheet may unzip to.
	MaxSheetBytes = 1 << 30
	// MaxStringsBytes is the most the shared strings may unzip to.
	MaxStringsBytes = 256 << 20
	// MaxPartBytes is the most any other part read (the workbook, its
	// relationships, the styles) may unzip to.
	MaxPartBytes = 16 << 20
	// MaxInflation is the most a part of over 8 MiB may grow when
	// unzipped: spreadsheets compress 5 to 30 times; a zip bomb a
	// thousand.
	MaxInflation = 100
	// MaxMergedCells is the most cells the merged ranges of one sheet may
	// fill, counted up to the sheet's last row with data.
	MaxMergedCells = 1 << 20
	// MaxMergedRanges is the most merged ranges one sheet may have.
	MaxMergedRanges = 100_000
	// maxRun is the longest run of bytes without '<' or '>' in a part:
	// longer than any cell's text (32,767 characters), shorter than a
	// whitespace bomb.
	maxRun = 1 << 20
	// maxCalcBytes is the largest workbook whose formulas without a
	// stored value are computed here (which loads the whole workbook).
	maxCalcBytes = 16 << 20
)

// Workbook is an .xlsx workbook opened for reading: its sheets are read
// as a stream of rows, never loaded whole.
type Workbook struct {
	raw      []byte
	parts    map[string]*zip.File // by lower-cased name
	sheets   []sheetRef
	date1904 bool
	sstPath  string
	stylPath string

	sst      []string // shared strings, once read
	sstRead  bool
	styles   []cellFormat // by the cell's style index, once read
	stylErr  error
	stylRead bool

	calc    *excelize.File // opened on the first formula without a stored value
	calcErr error
}

type sheetRef struct {
	name, part string
}

// cellFormat is what reading needs of a cell style: its number format.
type cellFormat struct {
	id   int
	code string // custom format code; "" for a built-in format
}

// OpenWorkbook opens an .xlsx workbook from r, reading only the zip's
// directory and the workbook's list of sheets. A file that is not one
// gives an error wrapping ErrNotWorkbook; one over the limits (see
// MaxWorkbookFileBytes and the others) an error wrapping ErrLimit.
func OpenWorkbook(r io.Reader) (*Workbook, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxWorkbookFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxWorkbookFileBytes {
		return nil, fmt.Errorf("%w: the workbook is larger than %s", ErrLimit, sizeText(MaxWorkbookFileBytes))
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		hint := ""
		if strings.Contains(err.Error(), "zip") {
			hint = " (save it from Excel as .xlsx; .xls and .ods are not read)"
		}
		return nil, fmt.Errorf("%w: %v%s", ErrNotWorkbook, err, hint)
	}
	w := &Workbook{raw: raw, parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		w.parts[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	book := "xl/workbook.xml"
	if rels, err := w.rels("_rels/.rels"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				book = r.target
			}
		}
	}
	if w.parts[strings.ToLower(book)] == nil {
		return nil, fmt.Errorf("%w: no workbook part %s (save it from Excel as .xlsx)", ErrNotWorkbook, book)
	}
	rels, err := w.rels(path.Join(path.Dir(book), "_rels", path.Base(book)+".rels"))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	byID := map[string]string{}
	for _, r := range rels {
		target := r.target
		if !strings.HasPrefix(r.rawTarget, "/") {
			target = path.Join(path.Dir(book), r.rawTarget)
		}
		byID[r.id] = target
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			w.sstPath = target
		case strings.HasSuffix(r.typ, "/styles"):
			w.stylPath = target
		}
	}
	if err := w.readWorkbookPart(book, byID); err != nil {
		return nil, err
	}
	if len(w.sheets) == 0 {
		return nil, fmt.Errorf("%w: the workbook has no sheets", ErrNotWorkbook)
	}
	// What every sheet needs, read once: a part over its limits fails the
	// workbook once, not each sheet.
	if _, err := w.sharedStrings(); err != nil {
		return nil, err
	}
	if w.formats(); w.stylErr != nil {
		return nil, w.stylErr
	}
	return w, nil
}

// Close releases the workbook.
func (w *Workbook) Close() error {
	if w.calc != nil {
		return w.calc.Close()
	}
	return nil
}

// SheetNames returns the names of the workbook's worksheets, in order.
func (w *Workbook) SheetNames() []string {
	out := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		out[i] = s.name
	}
	return out
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<30), 'f', 1, 64) + " GiB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// open opens a part for reading after checking its size as the zip
// declares it (archive/zip fails a part that unzips to more), against
// limit and MaxInflation; what names the part in messages.
func (w *Workbook) open(name string, limit int64, what string) (io.ReadCloser, error) {
	f := w.parts[strings.ToLower(name)]
	if f == nil {
		return nil, fmt.Errorf("%w: no part %s", ErrNotWorkbook, name)
	}
	size, packed := int64(f.UncompressedSize64), int64(f.CompressedSize64)
	if f.UncompressedSize64 > math.MaxInt64/2 || size > limit {
		return nil, fmt.Errorf("%w: %s unzips to %s, more than the %s allowed", ErrLimit, what, sizeText(size), sizeText(limit))
	}
	if size > 8<<20 && size > MaxInflation*max(packed, 1) {
		return nil, fmt.Errorf("%w: %s unzips to %s from %s, %d times its size, as a zip bomb does", ErrLimit, what, sizeText(size), sizeText(packed), size/max(packed, 1))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotWorkbook, what, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&runLimiter{r: rc}, rc}, nil
}

// runLimiter fails a read when more than maxRun bytes go by without a
// '<', so no XML token (a text, an attribute, a run of whitespace) can
// grow past maxRun.
type runLimiter struct {
	r   io.Reader
	run int
	err error
}

var errLongRun = fmt.Errorf("%w: a text or run of spaces of more than %d bytes (a broken or hostile file)", ErrLimit, maxRun)

func (l *runLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '<')
		if j < 0 {
			l.run += n - i
			break
		}
		if l.run+j > maxRun {
			l.run += j
			break
		}
		l.run, i = 0, i+j+1
	}
	if l.run > maxRun {
		l.err = errLongRun
		return 0, l.err
	}
	return n, err
}

type relationship struct {
	id, typ, target, rawTarget string
}

// rels reads a relationships part; targets are made absolute (without a
// leading slash) relative to the part's folder's parent.
func (w *Workbook) rels(name string) ([]relationship, error) {
	rc, err := w.open(name, MaxPartBytes, name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []relationship
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			r := relationship{id: attr(se, "Id"), typ: attr(se, "Type"), rawTarget: attr(se, "Target")}
			r.target = strings.TrimPrefix(r.rawTarget, "/")
			if !strings.HasPrefix(r.rawTarget, "/") {
				r.target = path.Join(path.Dir(path.Dir(name)), r.rawTarget)
			}
			out = append(out, r)
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (w *Workbook) readWorkbookPart(book string, byID map[string]string) error {
	rc, err := w.open(book, MaxPartBytes, book)
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrNotWorkbook, book, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbookPr":
			v := attr(se, "date1904")
			w.date1904 = v == "1" || v == "true"
		case "sheet":
			part, ok := byID[attrNS(se, "id")]
			if !ok || !strings.Contains(strings.ToLower(part), "worksheets/") {
				continue // a chart sheet, or a broken reference
			}
			w.sheets = append(w.sheets, sheetRef{name: attr(se, "name"), part: part})
		}
	}
}

// attrNS returns the value of an attribute of a namespace other than the
// element's own (r:id), else of any namespace.
func attrNS(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space != "" {
			return a.Value
		}
	}
	return attr(se, local)
}

// sharedStrings reads the shared string table once.
func (w *Workbook) sharedStrings() ([]string, error) {
	if w.sstRead || w.sstPath == "" || w.parts[strings.ToLower(w.sstPath)] == nil {
		w.sstRead = true
		return w.sst, nil
	}
	w.sstRead = true
	rc, err := w.open(w.sstPath, MaxStringsBytes, "the shared strings ("+w.sstPath+")")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	sc := newXMLScanner(rc)
	var b strings.Builder
	in, phonetic := false, false
	for sc.next() {
		switch {
		case sc.is("si") && !sc.end:
			in = true
			b.Reset()
			if sc.self {
				in = false
				w.sst = append(w.sst, "")
			}
		case sc.is("si"):
			in = false
			w.sst = append(w.sst, unescapeXString(b.String()))
		case sc.is("rPh") && !sc.self:
			phonetic = !sc.end
		case sc.is("t") && sc.end && in && !phonetic:
			b.WriteString(sc.textValue())
		}
	}
	if sc.err != nil {
		return nil, broken("the shared strings ("+w.sstPath+")", sc.err)
	}
	return w.sst, nil
}

// xstringRE matches an escaped character of an ST_Xstring: _x000D_.
var xstringRE = regexp.MustCompile(`_x[0-9A-Fa-f]{4}_`)

// unescapeXString decodes the _xHHHH_ escapes Excel writes for control
// characters (ECMA-376 Part 1, 22.9.2.19).
func unescapeXString(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return xstringRE.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.ParseUint(m[2:6], 16, 32)
		return string(rune(n))
	})
}

// formats reads the number format of each cell style once.
func (w *Workbook) formats() []cellFormat {
	if w.stylRead {
		return w.styles
	}
	w.stylRead = true
	if w.stylPath == "" || w.parts[strings.ToLower(w.stylPath)] == nil {
		return nil
	}
	rc, err := w.open(w.stylPath, MaxPartBytes, "the styles ("+w.stylPath+")")
	if err != nil {
		w.stylErr = err
		return nil
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	codes := map[int]string{}
	inXfs := false
	for {
		tok, err := dec.Token()
		if err != nil {
			if err != io.EOF {
				w.stylErr = broken("the styles ("+w.stylPath+")", err)
			}
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				id, _ := strconv.Atoi(attr(t, "numFmtId"))
				codes[id] = attr(t, "formatCode")
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := strconv.Atoi(attr(t, "numFmtId"))
					w.styles = append(w.styles, cellFormat{id: id})
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
	for i, s := range w.styles {
		if c, ok := codes[s.id]; ok {
			w.styles[i].code = c
		}
	}
	return w.styles
}

func (w *Workbook) sheet(name string) (sheetRef, bool) {
	for _, s := range w.sheets {
		if s.name == name {
			return s, true
		}
	}
	return sheetRef{}, false
}

// merged is one merged range, as 1-based rows and columns.
type merged struct {
	r1, c1, r2, c2 int
	ref            string
	value          string // the top-left cell's text, once read
}

// mergeRefRE finds the ref attribute of a mergeCell element.
var mergeRefRE = regexp.MustCompile(`\bref\s*=\s*["']([^"']*)["']`)

// readMerges scans a sheet part for its merged ranges (which come after
// the cells) and its last row with a value, without parsing the cells:
// one pass over the bytes. It refuses merged ranges that would fill more
// than MaxMergedCells cells up to that row, counting columns up to cols.
func (w *Workbook) readMerges(s sheetRef, cols int) ([]merged, error) {
	rc, err := w.open(s.part, MaxSheetBytes, "sheet "+s.name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	if found, err := contains(rc, []byte("mergeCell")); err != nil || !found {
		if err != nil {
			err = broken("sheet "+s.name, err)
		}
		return nil, err
	}
	// Merged ranges: scan again, tag by tag, for them and the last row
	// with data.
	rc.Close()
	if rc, err = w.open(s.part, MaxSheetBytes, "sheet "+s.name); err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(rc, 64<<10)
	var out []merged
	row, lastData := 0, 0
	for {
		if _, err := br.ReadSlice('<'); err != nil {
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				break
			}
			return nil, broken("sheet "+s.name, err)
		}
		head, _ := br.Peek(32)
		name := head
		if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
			name = name[:i]
		}
		if i := bytes.IndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		switch string(name) {
		case "row":
			tag, err := br.ReadSlice('>')
			if err != nil {
				return nil, broken("sheet "+s.name, errors.New("a row tag left open"))
			}
			row++
			if m := rowRefRE.FindSubmatch(tag); m != nil {
				row, _ = strconv.Atoi(string(m[1]))
			}
			continue
		case "v", "t":
			lastData = row
			continue
		case "mergeCell":
		default:
			continue
		}
		tag, err := br.ReadSlice('>')
		if err != nil {
			return nil, broken("sheet "+s.name, errors.New("a merged range tag left open"))
		}
		m := mergeRefRE.FindSubmatch(tag)
		if m == nil {
			continue
		}
		ref := string(m[1])
		from, to, _ := strings.Cut(ref, ":")
		if to == "" {
			to = from
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			continue
		}
		if r1 > r2 {
			r1, r2 = r2, r1
		}
		if c1 > c2 {
			c1, c2 = c2, c1
		}
		if len(out) >= MaxMergedRanges {
			return nil, fmt.Errorf("%w: sheet %s has more than %d merged ranges", ErrLimit, s.name, MaxMergedRanges)
		}
		out = append(out, merged{r1: r1, c1: c1, r2: r2, c2: c2, ref: ref})
	}
	total := 0
	for _, m := range out {
		rows, width := min(m.r2, lastData)-m.r1+1, min(m.c2, cols)-m.c1+1
		if rows <= 0 || width <= 0 || rows*width == 1 {
			continue
		}
		total += rows * width
		if total > MaxMergedCells {
			return nil, fmt.Errorf("%w: the merged range %s of sheet %s would fill %d cells up to row %d, the last with data; at most %d may be filled (unmerge it, or merge only the rows with data)", ErrLimit, m.ref, s.name, total, lastData, MaxMergedCells)
		}
	}
	slices.SortStableFunc(out, func(a, b merged) int { return a.r1 - b.r1 })
	return out, nil
}

// contains reports whether r holds sub, reading it in chunks.
func contains(r io.Reader, sub []byte) (bool, error) {
	buf := make([]byte, 256<<10)
	keep := 0
	for {
		n, err := io.ReadFull(r, buf[keep:])
		if bytes.Contains(buf[:keep+n], sub) {
			return true, nil
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		keep = len(sub) - 1
		copy(buf, buf[len(buf)-keep:])
	}
}

// rowRefRE finds the row number of a row element.
var rowRefRE = regexp.MustCompile(`\br\s*=\s*["'](\d+)["']`)

// Rows streams the rows of a sheet by the rules of LoadWorkbook. Call
// Next until it returns false, then Err.
type Rows struct {
	columns int // the number of columns read; cells further right are left out
	w       *Workbook
	sheet   sheetRef
	rc      io.ReadCloser
	sc      *xmlScanner
	sst     []string
	fmts    []cellFormat
	merges  []merged
	next    int       // the next merge (by first row) not yet seen
	active  []*merged // merges with a value that may cover rows still to come
	filled  int       // cells filled from merges so far

	line     int      // the current row's number
	cells    []string // its cells
	problems []CellProblem
	err      error
	done     bool

	// a row read ahead while the gap rows before it, covered by a merge,
	// are given first
	pending      bool
	pendingLine  int
	pendingCells []string
	lastLine     int // the last row given
	xmlRow       int // the row number of the last <row> read
}

// Rows starts reading the rows of sheet name, up to column MaxColumns+1
// (one more than a dataset file may have, so a wider header is still
// reported).
func (w *Workbook) Rows(name string) (*Rows, error) { return w.RowsUpTo(name, maxSheetColumns) }

// RowsUpTo starts reading the rows of sheet name, up to column cols.
func (w *Workbook) RowsUpTo(name string, cols int) (*Rows, error) {
	s, ok := w.sheet(name)
	if !ok {
		return nil, fmt.Errorf("no sheet named %q", name)
	}
	merges, err := w.readMerges(s, cols)
	if err != nil {
		return nil, err
	}
	sst, err := w.sharedStrings()
	if err != nil {
		return nil, err
	}
	fmts := w.formats()
	if w.stylErr != nil {
		return nil, w.stylErr
	}
	rc, err := w.open(s.part, MaxSheetBytes, "sheet "+s.name)
	if err != nil {
		return nil, err
	}
	return &Rows{columns: cols, w: w, sheet: s, rc: rc, sc: newXMLScanner(rc), sst: sst, fmts: fmts, merges: merges}, nil
}

// Close stops reading.
func (r *Rows) Close() error { return r.rc.Close() }

// Line returns the number of the current row (1-based).
func (r *Rows) Line() int { return r.line }

// Cells returns the current row's cells as text: Cells()[c] is column
// c+1; cells right of the last one with a value are left out, and so are
// columns beyond those asked for (see RowsUpTo).
func (r *Rows) Cells() []string { return r.cells }

// Problems returns the cells of the rows read so far that could not be
// read, and forgets them.
func (r *Rows) Problems() []CellProblem {
	p := r.problems
	r.problems = nil
	return p
}

// Err returns the error that ended reading, if any.
func (r *Rows) Err() error { return r.err }

// Next moves to the next row that holds a value of its own, or a value
// of a merged range that a later row with a value of its own shows is
// within the sheet's data.
func (r *Rows) Next() bool {
	if r.done {
		return false
	}
	for {
		if r.pending {
			// Rows covered by a merged range between the last row given
			// and the one read ahead come first.
			if l := r.nextGap(r.pendingLine); l > 0 {
				return r.give(l, nil)
			}
			r.pending = false
			return r.give(r.pendingLine, r.pendingCells)
		}
		line, cells, ok := r.readRow()
		if !ok {
			r.done = true
			return false
		}
		if noValue(cells) {
			continue
		}
		r.pending, r.pendingLine, r.pendingCells = true, line, cells
	}
}

// nextGap returns the first row after the last given and before before
// that a merged range with a value covers, or 0.
func (r *Rows) nextGap(before int) int {
	first := 0
	for _, m := range r.active {
		l := max(m.r1, r.lastLine+1)
		if l < before && l <= m.r2 && (first == 0 || l < first) {
			first = l
		}
	}
	return first
}

// give makes row line the current one, its own cells filled with the
// values of the merged ranges covering it, and forgets the ranges that
// end above it.
func (r *Rows) give(line int, cells []string) bool {
	r.lastLine = line
	keep := r.active[:0]
	for _, m := range r.active {
		if m.r2 < line {
			continue
		}
		keep = append(keep, m)
		c2 := min(m.c2, r.columns)
		if m.r1 > line || m.c1 > c2 {
			continue
		}
		for len(cells) < c2 {
			cells = append(cells, "")
		}
		for c := m.c1; c <= c2; c++ {
			cells[c-1] = m.value
		}
		r.filled += c2 - m.c1 + 1
		if r.filled > MaxMergedCells {
			r.err = fmt.Errorf("%w: the merged range %s of sheet %s fills more than %d cells up to row %d (unmerge it, or fill only the rows with data)", ErrLimit, m.ref, r.sheet.name, MaxMergedCells, line)
			r.done = true
			return false
		}
	}
	clear(r.active[len(keep):])
	r.active = keep
	r.line, r.cells = line, cells
	return true
}

func noValue(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// readRow reads the next <row> element's cells, activating the merged
// ranges that start on it.
func (r *Rows) readRow() (int, []string, bool) {
	sc := r.sc
	for sc.next() {
		if sc.end {
			if sc.is("sheetData") {
				return 0, nil, false
			}
			continue
		}
		if !sc.is("row") {
			continue
		}
		line := r.xmlRow + 1
		if v := sc.attr("r"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > excelize.TotalRows || n <= r.xmlRow {
				r.fail(fmt.Errorf("a row numbered %q", v))
				return 0, nil, false
			}
			line = n
		}
		if line > excelize.TotalRows {
			r.fail(fmt.Errorf("more than %d rows", excelize.TotalRows))
			return 0, nil, false
		}
		r.xmlRow = line
		var cells []string
		if !sc.self {
			var ok bool
			if cells, ok = r.readCells(line); !ok {
				return 0, nil, false
			}
		}
		r.activate(line, cells)
		return line, cells, true
	}
	if sc.err != nil {
		r.fail(sc.err)
	}
	return 0, nil, false
}

func (r *Rows) fail(err error) {
	r.err = broken("sheet "+r.sheet.name, err)
}

// broken is the error of a part (what) that cannot be read to its end: a
// limit reached stays ErrLimit; anything else (XML cut short, a zip
// checksum) means the file is damaged, a problem of the workbook rather
// than of a row in it.
func broken(what string, err error) error {
	if errors.Is(err, ErrLimit) {
		return fmt.Errorf("%s: %w", what, err)
	}
	return fmt.Errorf("%w: %s is broken: %v", ErrNotWorkbook, what, err)
}

// activate records the values of the merged ranges that start on row
// line, which is being read, from its cells.
func (r *Rows) activate(line int, cells []string) {
	for r.next < len(r.merges) && r.merges[r.next].r1 <= line {
		m := &r.merges[r.next]
		if m.r1 == line {
			m.value = at(cells, m.c1-1)
		}
		if m.value != "" && (m.r2 > m.r1 || m.c2 > m.c1) {
			r.active = append(r.active, m)
		}
		r.next++
	}
}

// readCells reads the cells of a <row> up to its end.
func (r *Rows) readCells(line int) ([]string, bool) {
	sc := r.sc
	var cells []string
	col := 0
	for sc.next() {
		if sc.end {
			if sc.is("row") {
				return cells, true
			}
			continue
		}
		if !sc.is("c") {
			if !sc.skipElement() {
				break
			}
			continue
		}
		col++
		if ref := sc.attr("r"); ref != "" {
			c, _, err := excelize.CellNameToCoordinates(ref)
			if err != nil {
				r.fail(fmt.Errorf("a cell named %q", ref))
				return nil, false
			}
			col = c
		}
		v, p, ok := r.readCell(line, col)
		if !ok {
			return nil, false
		}
		if p != nil {
			r.problems = append(r.problems, *p)
		}
		if v != "" && col <= r.columns {
			for len(cells) < col {
				cells = append(cells, "")
			}
			cells[col-1] = v
		}
	}
	if sc.err != nil {
		r.fail(sc.err)
	} else {
		r.fail(errors.New("the sheet ends inside a row"))
	}
	return nil, false
}

// readCell reads one <c> element, the scanner on its start tag, and
// returns its text by the rules of LoadWorkbook.
func (r *Rows) readCell(line, col int) (string, *CellProblem, bool) {
	sc := r.sc
	typ := sc.attr("t")
	style := 0
	if v := sc.attr("s"); v != "" {
		style, _ = strconv.Atoi(v)
	}
	if sc.self {
		return "", nil, true
	}
	var v, formula string
	var inline strings.Builder
	hasV, hasF, phonetic := false, false, false
	for sc.next() {
		switch {
		case sc.is("c") && sc.end:
			return r.cellText(typ, style, line, col, hasV, v, inline.String(), hasF, formula)
		case sc.is("v"):
			if sc.end {
				v = sc.textValue()
			}
			hasV = true
		case sc.is("f"):
			if sc.end {
				formula = sc.textValue()
			}
			hasF = true
		case sc.is("rPh") && !sc.self:
			phonetic = !sc.end
		case sc.is("t") && sc.end && !phonetic:
			inline.WriteString(sc.textValue())
		}
	}
	if sc.err != nil {
		r.fail(sc.err)
	} else {
		r.fail(errors.New("the sheet ends inside a cell"))
	}
	return "", nil, false
}

func (r *Rows) cellText(typ string, style, line, col int, hasV bool, v, inline string, hasF bool, formula string) (string, *CellProblem, bool) {
	ref, _ := excelize.CoordinatesToCellName(col, line)
	var text string
	computed := false
	switch {
	case typ == "inlineStr":
		text = unescapeXString(inline)
	case !hasV && hasF:
		// A formula whose value was never stored (a workbook written by
		// a program, not saved by Excel): compute it.
		val, err := r.w.compute(r.sheet.name, ref)
		if err != nil || excelErrors[val] {
			why := val
			if err != nil {
				why = err.Error()
			}
			return "", &CellProblem{Row: line, Col: col, Value: "=" + formula,
				Err: fmt.Errorf("%w: the formula cannot be computed here (%s); open and save the workbook in Excel so it stores the value", ErrInvalid, why)}, true
		}
		text, computed = val, true
	case !hasV:
		return "", nil, true
	case typ == "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(r.sst) {
			return "", &CellProblem{Row: line, Col: col, Value: v, Err: fmt.Errorf("%w: a reference to a missing shared string", ErrInvalid)}, true
		}
		text = r.sst[i]
	case typ == "str":
		text = unescapeXString(v)
	case typ == "e":
		return "", &CellProblem{Row: line, Col: col, Value: v, Err: fmt.Errorf("%w: an Excel error value (check the cell's formula)", ErrInvalid)}, true
	case typ == "b":
		text = map[string]string{"1": "TRUE", "0": "FALSE"}[strings.TrimSpace(v)]
		if text == "" {
			text = v
		}
		return text, nil, true
	case typ == "d":
		return isoDate(v), nil, true
	default:
		text, computed = v, true // a number
	}
	if excelErrors[strings.TrimSpace(text)] {
		return "", &CellProblem{Row: line, Col: col, Value: text, Err: fmt.Errorf("%w: an Excel error value (check the cell's formula)", ErrInvalid)}, true
	}
	if !computed {
		return text, nil, true
	}
	return r.number(text, style), nil, true
}

// number formats a cell's number by its style: a date format gives
// YYYY-MM-DD (with the time when not midnight), a format of zeros only
// ("000") the padded whole number, anything else the value at Excel's 15
// significant digits. Text is given as is.
func (r *Rows) number(raw string, style int) string {
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return raw // text, such as a formula's string result
	}
	var f cellFormat
	if style >= 0 && style < len(r.fmts) {
		f = r.fmts[style]
	}
	switch {
	case isDateFormat(f.id, f.code):
		if t, err := excelize.ExcelDateToTime(v, r.w.date1904); err == nil {
			t = t.Round(time.Second)
			if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
				return t.Format("2006-01-02")
			}
			return t.Format("2006-01-02 15:04:05")
		}
		return excelNumber(v)
	case f.code != "" && strings.Trim(f.code, "0") == "":
		n := math.Round(v)
		s := strconv.FormatFloat(math.Abs(n), 'f', 0, 64)
		for len(s) < len(f.code) {
			s = "0" + s
		}
		if n < 0 {
			s = "-" + s
		}
		return s
	}
	return excelNumber(v)
}

// isoDate reads a cell of type d (an ISO 8601 date and time).
func isoDate(v string) string {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
			if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
				return t.Format("2006-01-02")
			}
			return t.Format("2006-01-02 15:04:05")
		}
	}
	return v
}

// compute computes a formula cell with excelize, which loads the
// workbook whole: only for a workbook of at most maxCalcBytes.
func (w *Workbook) compute(sheet, ref string) (string, error) {
	if w.calc == nil && w.calcErr == nil {
		if len(w.raw) > maxCalcBytes {
			w.calcErr = fmt.Errorf("the workbook is over %s", sizeText(maxCalcBytes))
		} else {
			w.calc, w.calcErr = excelize.OpenReader(bytes.NewReader(w.raw), excelize.Options{UnzipSizeLimit: 4 * maxCalcBytes, UnzipXMLSizeLimit: 4 * maxCalcBytes})
		}
	}
	if w.calcErr != nil {
		return "", w.calcErr
	}
	return w.calc.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
}

// ReadSheet reads a whole sheet into memory by the rules of LoadWorkbook:
// Rows[r] is row r+1 (nil for a row with nothing). For small sheets, such
// as a survey export; datasets are streamed (Rows).
func (w *Workbook) ReadSheet(name string) (*Sheet, error) {
	rows, err := w.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	g := &Sheet{}
	for rows.Next() {
		for len(g.Rows) < rows.Line()-1 {
			g.Rows = append(g.Rows, nil)
		}
		g.Rows = append(g.Rows, rows.Cells())
		g.Problems = append(g.Problems, rows.Problems()...)
	}
	g.Problems = append(g.Problems, rows.Problems()...)
	return g, rows.Err()
}
