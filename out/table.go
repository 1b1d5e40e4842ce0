package out

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format is a table output format.
type Format string

// The table formats.
const (
	FormatTable Format = "table" // aligned columns for a terminal
	FormatCSV   Format = "csv"   // RFC 4180 with a header row
	FormatJSON  Format = "json"  // an object with documented keys
	FormatMD    Format = "md"    // a GitHub-flavoured Markdown table
	FormatTeX   Format = "tex"   // a booktabs LaTeX table

	// FormatCSVLiteral is CSV with every text cell as it is (the --raw
	// flag), for R and pandas; FormatCSV writes text that a spreadsheet
	// would take for a formula with a leading apostrophe (see Cells).
	FormatCSVLiteral Format = "csv-literal"
)

// IsCSV reports whether f is CSV, spreadsheet-safe or literal.
func (f Format) IsCSV() bool { return f == FormatCSV || f == FormatCSVLiteral }

// Literal returns f's literal form: FormatCSVLiteral for FormatCSV, f
// itself for the other formats.
func (f Format) Literal() Format {
	if f == FormatCSV {
		return FormatCSVLiteral
	}
	return f
}

// Formats lists the table formats, for flag help.
var Formats = []Format{FormatTable, FormatCSV, FormatJSON, FormatMD, FormatTeX}

// ParseFormat reads a table format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q (want %s)", s, strings.Join(names, ", "))
}

// Table is a titled table. Cells hold string, int, float64 or bool values;
// a NaN float is written empty (null in JSON).
type Table struct {
	Name    string // JSON key, e.g. "organizations"
	Title   string // heading for people, e.g. "Organizations"
	Columns []string
	Rows    [][]any
	Notes   []string // lines printed under the table (not in csv/json)
}

// Add appends a row.
func (t *Table) Add(cells ...any) { t.Rows = append(t.Rows, cells) }

// Write writes t in format f.
func (t *Table) Write(w io.Writer, f Format) error {
	return WriteTables(w, f, t)
}

// WriteTables writes several tables in format f: one after another with
// their titles (as a "# title" comment line in CSV, a heading in Markdown,
// a caption in LaTeX), or in JSON as one object keyed by each table's Name.
// With a single table, CSV has no title line and JSON is that table's row
// list under its name.
func WriteTables(w io.Writer, f Format, ts ...*Table) error {
	bw := bufio.NewWriter(w)
	var err error
	switch f {
	case FormatJSON:
		err = writeJSONTables(bw, ts)
	default:
		for i, t := range ts {
			if i > 0 {
				bw.WriteString("\n")
			}
			switch f {
			case FormatCSV, FormatCSVLiteral:
				cells := CellsSafe
				if f == FormatCSVLiteral {
					cells = CellsLiteral
				}
				if len(ts) > 1 && t.Title != "" {
					bw.WriteString(cells.line("# "+oneLine(t.Title)) + "\n")
				}
				err = writeCSV(bw, t, cells)
			case FormatMD:
				err = writeMD(bw, t)
			case FormatTeX:
				err = writeTeX(bw, t)
			default:
				err = writeText(bw, t)
			}
			if err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// FormatFloat formats a number for machines: the shortest decimal that
// reads back to the same float64. NaN (undefined) is empty; an infinite
// value is "Inf" or "-Inf" (as R writes and reads them; Go's ParseFloat,
// Python's float() and pandas read them too), never empty like NaN.
func FormatFloat(v float64) string {
	if s, ok := nonFinite(v); ok {
		return s
	}
	if v == 0 {
		return "0" // no "-0"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// FormatHuman formats a number for people: integers as they are, other
// values to four significant digits.
func FormatHuman(v float64) string {
	if s, ok := nonFinite(v); ok {
		return s
	}
	if v == 0 {
		return "0"
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	a := math.Abs(v)
	if a >= 1e-4 && a < 1e6 {
		// Fixed notation with four significant digits.
		digits := 3 - int(math.Floor(math.Log10(a)))
		if digits < 0 {
			digits = 0
		}
		return strconv.FormatFloat(v, 'f', digits, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// nonFinite returns the text of a NaN ("", undefined) or infinite value
// ("Inf", "-Inf"), and false for a finite one.
func nonFinite(v float64) (string, bool) {
	switch {
	case math.IsNaN(v):
		return "", true
	case math.IsInf(v, 1):
		return "Inf", true
	case math.IsInf(v, -1):
		return "-Inf", true
	}
	return "", false
}

// Rounded is a number that people read to a fixed number of decimal
// places (table, md, tex: 0.190, -0.010) and machines read in full (csv,
// json: as FormatFloat). A NaN is empty (null in JSON).
type Rounded struct {
	V      float64
	Places int
}

// Round returns v as a Rounded to the given decimal places.
func Round(v float64, places int) Rounded { return Rounded{V: v, Places: places} }

func (r Rounded) human() string {
	if s, ok := nonFinite(r.V); ok {
		return s
	}
	s := strconv.FormatFloat(r.V, 'f', r.Places, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // no "-0.000"
	}
	return s
}

func cellString(c any, human bool) string {
	switch v := c.(type) {
	case nil:
		return ""
	case Rounded:
		if human {
			return v.human()
		}
		return FormatFloat(v.V)
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		if human {
			return FormatHuman(v)
		}
		return FormatFloat(v)
	case bool:
		if v {
			return "yes"
		}
		return "no"
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(c)
}

// numericColumns reports, for each column of t, whether every non-empty
// cell is a number (such columns align right); a table without rows has
// none.
func numericColumns(t *Table) []bool {
	numeric := make([]bool, len(t.Columns))
	for i := range t.Columns {
		numeric[i] = len(t.Rows) > 0
		for _, r := range t.Rows {
			if i < len(r) && r[i] != nil && !isNumber(r[i]) {
				numeric[i] = false
				break
			}
		}
	}
	return numeric
}

func isNumber(c any) bool {
	switch c.(type) {
	case int, int64, float64, Rounded:
		return true
	}
	return false
}

// writeCSV writes t as CSV, its text as cells says (see Cells).
func writeCSV(w *bufio.Writer, t *Table, cells Cells) error {
	if err := cells.writeCSVRecord(w, t.Columns); err != nil {
		return err
	}
	rec := make([]string, len(t.Columns))
	for _, r := range t.Rows {
		for i := range rec {
			rec[i] = ""
			if i < len(r) {
				rec[i] = cellString(r[i], false)
			}
		}
		if err := cells.writeCSVRecord(w, rec); err != nil {
			return err
		}
	}
	return nil
}

// oneLine replaces line breaks and other control characters with spaces
// so a value cannot break a line-oriented format.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return ' '
		}
		return r
	}, s)
}

// isControl reports whether r is a control character or a line or
// paragraph separator. The C1 controls (U+0080 to U+009F) count: U+009B
// is CSI, the start of an escape sequence, in terminals that read 8-bit
// controls.
func isControl(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0x2028 || r == 0x2029
}

// PlainText returns s with every control character but the line feed
// replaced by a space, as the text tables do: what sectornet prints for a
// terminal (messages, warnings, errors) cannot carry an escape sequence
// that sets the terminal's title or colours, moves the cursor or rewrites
// a line.
func PlainText(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && isControl(r) }) && utf8.ValidString(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r != '\n' && isControl(r) {
			return ' '
		}
		return r
	}, s)
}

// width is the number of terminal columns a string takes, counting each
// rune as one and combining marks and format characters (such as the
// left-to-right mark) as none.
func width(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x300 && r <= 0x36f || r >= 0x591 && r <= 0x5c7 || r >= 0x610 && r <= 0x61a ||
			r >= 0x64b && r <= 0x65f || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e ||
			r >= 0x2066 && r <= 0x2069 || r == 0xfe0f || r == 0x200d {
			continue
		}
		n++
	}
	return n
}

func writeText(w *bufio.Writer, t *Table) error {
	if t.Title != "" {
		w.WriteString(oneLine(t.Title) + "\n")
	}
	cells := make([][]string, len(t.Rows))
	widths := make([]int, len(t.Columns))
	numeric := numericColumns(t)
	columns := make([]string, len(t.Columns)) // names can be sector ids
	for i, c := range t.Columns {
		columns[i] = oneLine(c)
		widths[i] = width(columns[i])
	}
	for ri, r := range t.Rows {
		cells[ri] = make([]string, len(t.Columns))
		for i := range t.Columns {
			var c any
			if i < len(r) {
				c = r[i]
			}
			s := oneLine(cellString(c, true))
			cells[ri][i] = s
			widths[i] = max(widths[i], width(s))
		}
	}
	pad := func(s string, i int, last bool) {
		gap := widths[i] - width(s)
		if numeric[i] {
			w.WriteString(strings.Repeat(" ", gap))
			w.WriteString(s)
		} else {
			w.WriteString(s)
			if !last {
				w.WriteString(strings.Repeat(" ", gap))
			}
		}
	}
	for i, c := range columns {
		pad(c, i, i == len(columns)-1)
		if i < len(t.Columns)-1 {
			w.WriteString("  ")
		}
	}
	w.WriteString("\n")
	for _, r := range cells {
		for i, s := range r {
			pad(s, i, i == len(r)-1)
			if i < len(r)-1 {
				w.WriteString("  ")
			}
		}
		w.WriteString("\n")
	}
	for _, n := range t.Notes {
		w.WriteString(oneLine(n) + "\n")
	}
	_, err := w.Write(nil)
	return err
}

// EscapeMarkdown makes s safe as the text of a Markdown table cell while
// keeping it readable: see MarkdownCell (pipes and Markdown punctuation
// escaped, < as &lt;, line breaks as <br>; numbers and hyphens as they are).
func EscapeMarkdown(s string) string { return MarkdownCell(s) }

func writeMD(w *bufio.Writer, t *Table) error {
	if t.Title != "" {
		w.WriteString("### " + EscapeMarkdown(t.Title) + "\n\n")
	}
	numeric := numericColumns(t)
	w.WriteString("|")
	for _, c := range t.Columns {
		w.WriteString(" " + EscapeMarkdown(c) + " |")
	}
	w.WriteString("\n|")
	for i := range t.Columns {
		if numeric[i] {
			w.WriteString("---:|")
		} else {
			w.WriteString("---|")
		}
	}
	w.WriteString("\n")
	for _, r := range t.Rows {
		w.WriteString("|")
		for i := range t.Columns {
			var c any
			if i < len(r) {
				c = r[i]
			}
			w.WriteString(" " + EscapeMarkdown(cellString(c, true)) + " |")
		}
		w.WriteString("\n")
	}
	if len(t.Notes) > 0 {
		w.WriteString("\n")
		for _, n := range t.Notes {
			w.WriteString(EscapeMarkdown(n) + "\n")
		}
	}
	_, err := w.Write(nil)
	return err
}

// EscapeTeX makes s safe as LaTeX text: the ten special characters are
// escaped and line breaks become spaces.
func EscapeTeX(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '&', '%', '$', '#', '_', '{', '}':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '<':
			b.WriteString(`\textless{}`)
		case '>':
			b.WriteString(`\textgreater{}`)
		case '|':
			b.WriteString(`\textbar{}`)
		default:
			if m, ok := texMath[r]; ok {
				// pdflatex has no glyph for these in text (Σ failed the
				// balance table even on ASCII data): math mode has.
				b.WriteString(`\ensuremath{` + m + `}`)
			} else if isControl(r) {
				b.WriteByte(' ')
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// texMath are the symbols EscapeTeX writes in math mode: Greek letters,
// operators, arrows, superscript and subscript digits.
var texMath = func() map[rune]string {
	m := map[rune]string{
		'≥': `\geq`, '≤': `\leq`, '≠': `\neq`, '≈': `\approx`, '±': `\pm`, '×': `\times`, '÷': `\div`,
		'·': `\cdot`, '−': `-`, '√': `\surd`, '∞': `\infty`, '→': `\rightarrow`, '←': `\leftarrow`,
		'↔': `\leftrightarrow`, '∑': `\sum`, '∈': `\in`, '∩': `\cap`, '∪': `\cup`, '°': `^\circ`,
		'⁺': `^{+}`, '⁻': `^{-}`, '₊': `_{+}`, '₋': `_{-}`, 'µ': `\mu`,
	}
	for i, name := range []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
		"lambda", "mu", "nu", "xi", "o", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"} {
		m['α'+rune(i)] = `\` + name
	}
	m['ο'] = `o`
	for r, name := range map[rune]string{'Γ': "Gamma", 'Δ': "Delta", 'Θ': "Theta", 'Λ': "Lambda", 'Ξ': "Xi", 'Π': "Pi",
		'Σ': "Sigma", 'Υ': "Upsilon", 'Φ': "Phi", 'Ψ': "Psi", 'Ω': "Omega"} {
		m[r] = `\` + name
	}
	for i, r := range []rune("⁰¹²³⁴⁵⁶⁷⁸⁹") {
		m[r] = fmt.Sprintf("^{%d}", i)
	}
	for i := range 10 {
		m['₀'+rune(i)] = fmt.Sprintf("_{%d}", i)
	}
	return m
}()

// writeTeX writes t as a booktabs tabular. Each row, the heading's too,
// starts with {}: a first cell "[1]" would otherwise be the optional
// argument of the \\ (or \toprule, \midrule) before it ("Illegal unit of
// measure"; "[2pt]" vanished as a skip) and "*star" its star form.
func writeTeX(w *bufio.Writer, t *Table) error {
	spec := ""
	for _, num := range numericColumns(t) {
		if num {
			spec += "r"
		} else {
			spec += "l"
		}
	}
	w.WriteString("% requires \\usepackage{booktabs}\n")
	w.WriteString("\\begin{table}[htbp]\n\\centering\n")
	if t.Title != "" {
		w.WriteString("\\caption{" + EscapeTeX(t.Title) + "}\n")
	}
	w.WriteString("\\begin{tabular}{" + spec + "}\n\\toprule\n{}")
	for i, c := range t.Columns {
		if i > 0 {
			w.WriteString(" & ")
		}
		w.WriteString(EscapeTeX(c))
	}
	w.WriteString(" \\\\\n\\midrule\n")
	for _, r := range t.Rows {
		w.WriteString("{}")
		for i := range t.Columns {
			if i > 0 {
				w.WriteString(" & ")
			}
			var c any
			if i < len(r) {
				c = r[i]
			}
			w.WriteString(EscapeTeX(cellString(c, true)))
		}
		w.WriteString(" \\\\\n")
	}
	w.WriteString("\\bottomrule\n\\end{tabular}\n")
	for _, n := range t.Notes {
		w.WriteString("\\par\\smallskip{\\footnotesize " + EscapeTeX(n) + "}\n")
	}
	w.WriteString("\\end{table}\n")
	_, err := w.Write(nil)
	return err
}
