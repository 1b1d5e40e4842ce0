// Package data reads, validates and writes sectornet datasets: a folder of
// UTF-8 CSV files (organizations.csv, sectors.csv, forums.csv,
// participation.csv, meetings.csv, attendance.csv, ties.csv, quotas.csv),
// or an Excel workbook with one sheet per file (LoadWorkbook, which shares
// every check with Load), and holds the embedded sample dataset. It also
// converts wide sheets (organizations x forums or meetings) into the long
// form (ReadMatrix).
//
// Reading is in two steps, like a compiler's: each file is checked row by
// row for syntax (fields, numbers, dates), then references across files are
// resolved once everything is read. Every problem found is reported, each
// naming its file, line, column and value, not only the first.
package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// Sentinel causes, for errors.Is.
var (
	ErrMissingFile   = errors.New("missing file")
	ErrMissingColumn = errors.New("missing required column")
	ErrEmpty         = errors.New("empty value")
	ErrDuplicate     = errors.New("duplicate")
	ErrUnknown       = errors.New("unknown")
	ErrNumber        = errors.New("not a number")
	ErrDate          = errors.New("not a date")
	ErrRange         = errors.New("out of range")
	ErrInvalid       = errors.New("invalid value")
	ErrSelfTie       = errors.New("self-tie")
	ErrFieldCount    = errors.New("wrong number of fields")
	ErrEncoding      = errors.New("not valid UTF-8")
	ErrSyntax        = errors.New("CSV syntax error")
	ErrLimit         = errors.New("over the limit")
	ErrMissingSheet  = &alias{"missing sheet", ErrMissingFile}
	ErrNoHeader      = &alias{"no header row", ErrMissingColumn}
	ErrNotWorkbook   = errors.New("not an Excel workbook")
)

// alias is a sentinel with its own text that also matches another
// sentinel: a missing sheet is a missing file for errors.Is.
type alias struct {
	msg string
	err error
}

func (a *alias) Error() string { return a.msg }
func (a *alias) Unwrap() error { return a.err }

// Error is one problem in one file of a dataset.
type Error struct {
	File   string // file name, e.g. "participation.csv" or "partners.xlsx"
	Sheet  string // for a workbook, the sheet, e.g. "participation"; else empty
	Line   int    // 1-based line (row of a sheet); 0 when the problem concerns the whole file
	Letter string // for a workbook, the column's letter, e.g. "B"; else empty
	Column string // column name; empty when the problem is not in one field
	Value  string // the offending value
	Err    error  // the cause; errors.Is matches the sentinels above
	Hint   string // a suggestion such as `did you mean "R09"?`; may be empty
}

// Error formats the problem like a compiler:
//
//	participation.csv:14: org "R9": unknown organization (did you mean "R09"?)
//	partners.xlsx[participation]:14:B: org "R9": unknown organization (did you mean "R09"?)
//
// A problem with no file (an empty folder) is its message alone.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(graph.Locate(e.File, e.Sheet, e.Line, e.Letter))
	if e.Column != "" {
		b.WriteString(e.Column)
		b.WriteString(" ")
		b.WriteString(quote(e.Value))
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	if e.Hint != "" {
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Warning returns e as a dataset warning: its place, its cause as the
// problem and its hint as the fix.
func (e *Error) Warning() graph.Warning {
	return graph.Warning{File: e.File, Sheet: e.Sheet, Line: e.Line, Letter: e.Letter, Column: e.Column, Value: e.Value, Problem: e.Err.Error(), Fix: e.Hint}
}

func (e *Error) Unwrap() error { return e.Err }

// quote quotes a value for a message, shortening very long values.
func quote(v string) string { return graph.QuoteValue(v) }

// MaxErrors is the number of problems a List keeps; later ones are counted.
const MaxErrors = 200

// List is every problem found in a dataset, in file order and line order,
// and the warnings found beside them.
type List struct {
	Errs    []*Error
	Dropped int // problems found beyond MaxErrors

	// Warnings are what a dataset that loads would carry in its Warnings
	// (see graph.Warning), so that a dataset with problems can show its
	// warnings too; at most MaxErrors, later ones counted in
	// DroppedWarnings. Error does not list them.
	Warnings        []*Error
	DroppedWarnings int
}

// Findings returns l's problems and warnings in the shape of warnings
// (Error.Warning), for a table of them (validate --format json or csv).
func (l *List) Findings() (problems, warnings []graph.Warning) {
	for _, e := range l.Errs {
		problems = append(problems, e.Warning())
	}
	for _, w := range l.Warnings {
		warnings = append(warnings, w.Warning())
	}
	return problems, warnings
}

func (l *List) add(e *Error) {
	if len(l.Errs) >= MaxErrors {
		l.Dropped++
		return
	}
	l.Errs = append(l.Errs, e)
}

// warn records a warning: e.Err is the problem, e.Hint the fix.
func (l *List) warn(e *Error) {
	if len(l.Warnings) >= MaxErrors {
		l.DroppedWarnings++
		return
	}
	l.Warnings = append(l.Warnings, e)
}

// warnf records a warning with a problem and a fix as text.
func (l *List) warnf(file string, line int, col, val, fix, format string, args ...any) {
	l.warn(&Error{File: file, Line: line, Column: col, Value: val, Err: errors.New(fmt.Sprintf(format, args...)), Hint: fix})
}

// DatasetWarnings returns the warnings as the dataset carries them.
func (l *List) DatasetWarnings() []graph.Warning {
	if len(l.Warnings) == 0 {
		return nil
	}
	out := make([]graph.Warning, len(l.Warnings))
	for i, w := range l.Warnings {
		out[i] = w.Warning()
	}
	return out
}

func (l *List) addf(file string, line int, col, val string, cause error, format string, args ...any) {
	var err error = cause
	if format != "" {
		err = fmt.Errorf("%w"+format, append([]any{cause}, args...)...)
	}
	l.add(&Error{File: file, Line: line, Column: col, Value: val, Err: err})
}

// Len returns the number of problems found, including those dropped.
func (l *List) Len() int { return len(l.Errs) + l.Dropped }

// Error lists one problem per line.
func (l *List) Error() string {
	var b strings.Builder
	for i, e := range l.Errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	if l.Dropped > 0 {
		fmt.Fprintf(&b, "\n... and %d more problems", l.Dropped)
	}
	return b.String()
}

// Report lists l as a command prints it, one line each: the problems,
// each after prefix (the dataset's folder and a separator, "" for a
// workbook or a single file), a problem of the folder itself after dir
// and ": "; "... and N more problems"; then the warnings and "... and N
// more warnings".
func (l *List) Report(dir, prefix string) []string {
	var lines []string
	for _, e := range l.Errs {
		if e.File == "" { // the folder itself
			lines = append(lines, dir+": "+e.Error())
			continue
		}
		lines = append(lines, prefix+e.Error())
	}
	if l.Dropped > 0 {
		lines = append(lines, fmt.Sprintf("... and %d more problems", l.Dropped))
	}
	for _, w := range l.Warnings {
		lines = append(lines, prefix+w.Warning().String())
	}
	if l.DroppedWarnings > 0 {
		lines = append(lines, fmt.Sprintf("... and %d more warnings", l.DroppedWarnings))
	}
	return lines
}

// Unwrap returns the problems, so errors.Is and errors.As see each one.
func (l *List) Unwrap() []error {
	out := make([]error, len(l.Errs))
	for i, e := range l.Errs {
		out[i] = e
	}
	return out
}

// err returns l as an error, or nil when it holds no problem.
func (l *List) err() error {
	if l.Len() == 0 {
		return nil
	}
	return l
}

// suggest returns a hint naming the known value closest to v, when one is
// close enough to be a likely typo: a case-insensitive match, the same
// value with leading zeros, or the only value within edit distance 2 (1 for
// values of up to four characters, 0 for one character).
func suggest(v string, known []string) string {
	if k, ok := closest(v, known); ok {
		return "did you mean " + strconv.Quote(k) + "?"
	}
	return ""
}

// closest returns the known value closest to v when one is close enough
// to be a likely typo, by the rules of suggest.
func closest(v string, known []string) (string, bool) {
	if v == "" || len(known) == 0 {
		return "", false
	}
	best, bestD, ties := "", 1<<30, 0
	lv := strings.ToLower(v)
	for _, k := range known {
		var d int
		switch {
		case strings.ToLower(k) == lv:
			d = 0
		case stripZeros(k) == stripZeros(v):
			d = 0
		default:
			d = levenshtein(lv, strings.ToLower(k))
		}
		switch {
		case d < bestD:
			best, bestD, ties = k, d, 1
		case d == bestD:
			ties++
		}
	}
	if ties > 1 && bestD > 0 {
		return "", false // several equally likely: no guess
	}
	limit := 2
	switch n := len([]rune(v)); {
	case n <= 1:
		limit = 0
	case n <= 4:
		limit = 1
	}
	if bestD > limit {
		return "", false
	}
	return best, true
}

// stripZeros removes zeros that follow a non-digit and precede a digit, so
// "R09" and "R9" compare equal.
func stripZeros(s string) string {
	var b strings.Builder
	prevDigit := false
	rs := []rune(s)
	for i, r := range rs {
		if r == '0' && !prevDigit && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9' {
			continue
		}
		prevDigit = r >= '0' && r <= '9'
		b.WriteRune(r)
	}
	return b.String()
}

// levenshtein returns the optimal-string-alignment distance between a and
// b: insertions, deletions, substitutions and transpositions of adjacent
// runes each cost 1.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				c = min(c, prev2[j-2]+1) // transposition
			}
			cur[j] = c
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// DidYouMean returns a hint such as `did you mean "R09"?` naming the known
// value closest to v when one is a likely typo (see the loader's
// suggestions), or "". Commands use it for ids given on the command line.
func DidYouMean(v string, known []string) string { return suggest(v, known) }
