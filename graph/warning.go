package graph

import (
	"strconv"
	"strings"
)

// Warning is something in a dataset that was read without error but may
// not say what its authors meant: a sector spelled two ways, a forum with
// no members, a quota for a sector no organization is in. The loader
// (package data) fills Dataset.Warnings, in file and line order; commands
// print them on stderr, and the report lists them in its data-quality
// section. Each names its place like a compiler's message and says how to
// fix it.
type Warning struct {
	File    string // the dataset file ("organizations.csv") or workbook ("partners.xlsx")
	Sheet   string // for a workbook, the sheet ("organizations"); else empty
	Line    int    // 1-based line (a workbook's row); 0 when it concerns the whole file
	Letter  string // for a workbook, the column's letter ("C"); else empty
	Column  string // the column's name; empty when not about one field
	Value   string // the value in question
	Problem string // what looks wrong: `a spelling variant of sector "business"`
	Fix     string // how to fix it: `write "business"`; may be empty
}

// String formats w like a compiler's warning:
//
//	organizations.csv:7: warning: sector "Business": a spelling variant of sector "business", counted as a sector of its own (write "business")
func (w Warning) String() string {
	var b strings.Builder
	b.WriteString(Locate(w.File, w.Sheet, w.Line, w.Letter))
	b.WriteString("warning: ")
	if w.Column != "" {
		b.WriteString(w.Column)
		b.WriteString(" ")
		b.WriteString(QuoteValue(w.Value))
		b.WriteString(": ")
	}
	b.WriteString(w.Problem)
	if w.Fix != "" {
		b.WriteString(" (")
		b.WriteString(w.Fix)
		b.WriteString(")")
	}
	return b.String()
}

// Locate returns the place of a message about a dataset, with its
// trailing ": ": "participation.csv:14: ", "partners.xlsx[participation]:14:B: ",
// "forums.csv: " for a whole file, "" when file is empty.
func Locate(file, sheet string, line int, letter string) string {
	if file == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(file)
	if sheet != "" {
		b.WriteString("[")
		b.WriteString(sheet)
		b.WriteString("]")
	}
	if line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(line))
		if letter != "" {
			b.WriteString(":")
			b.WriteString(letter)
		}
	}
	b.WriteString(": ")
	return b.String()
}

// QuoteValue quotes a value for a message, shortening one of more than 60
// characters with "…".
func QuoteValue(v string) string {
	const max = 60
	r := []rune(v)
	if len(r) > max {
		v = string(r[:max]) + "…"
	}
	return strconv.Quote(v)
}
