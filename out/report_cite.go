package out

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/sectornet/sectornet/graph"
)

// CiteFormats are the formats of WriteCite.
var CiteFormats = []string{"text", "md", "bibtex"}

// WriteCite writes what `sectornet cite` prints for the methods ms: for
// each its name, definition, formula, meaning, the tools it matches and
// its references ("text" or "md"), or the BibTeX entries of their
// references ("bibtex").
func WriteCite(w io.Writer, ms []graph.Method, format string) error {
	switch format {
	case "bibtex":
		return WriteBibTeX(w, graph.References(ms))
	case "md":
		bw := bufio.NewWriter(w)
		for i, m := range ms {
			if i > 0 {
				bw.WriteString("\n")
			}
			fmt.Fprintf(bw, "## %s (`%s`)\n\n", MarkdownText(m.Name), m.ID)
			fmt.Fprintf(bw, "%s\n\n", MarkdownText(m.Definition))
			if m.Formula != "" {
				fmt.Fprintf(bw, "Formula: %s\n\n", CodeSpan(m.Formula))
			}
			fmt.Fprintf(bw, "What it means: %s\n\n", MarkdownText(m.Meaning))
			if m.Matches != "" {
				fmt.Fprintf(bw, "Matches: %s\n\n", MarkdownText(m.Matches))
			}
			if len(m.Refs) > 0 {
				bw.WriteString("References:\n\n")
				for _, r := range m.Refs {
					fmt.Fprintf(bw, "- %s\n", MarkdownText(FormatReference(r)))
				}
			}
		}
		return bw.Flush()
	case "text", "":
		bw := bufio.NewWriter(w)
		for i, m := range ms {
			if i > 0 {
				bw.WriteString("\n")
			}
			fmt.Fprintf(bw, "%s (%s)\n", oneLine(m.Name), m.ID)
			fmt.Fprintf(bw, "  Definition: %s\n", oneLine(m.Definition))
			if m.Formula != "" {
				fmt.Fprintf(bw, "  Formula:    %s\n", oneLine(m.Formula))
			}
			fmt.Fprintf(bw, "  Meaning:    %s\n", oneLine(m.Meaning))
			if m.Matches != "" {
				fmt.Fprintf(bw, "  Matches:    %s\n", oneLine(m.Matches))
			}
			for j, r := range m.Refs {
				label := "References:"
				if j > 0 {
					label = "           "
				}
				fmt.Fprintf(bw, "  %s %s\n", label, oneLine(FormatReference(r)))
			}
		}
		return bw.Flush()
	}
	return fmt.Errorf("unknown cite format %q (want %s)", format, strings.Join(CiteFormats, ", "))
}

// FormatReference formats r for a reference list, in the author-year
// style of the social sciences (APA): "Freeman, L. C. (1977). A set of
// measures of centrality based on betweenness. Sociometry, 40(1), 35-41.
// https://doi.org/10.2307/3033543".
func FormatReference(r graph.Reference) string {
	var b strings.Builder
	names := make([]string, len(r.Authors))
	for i, a := range r.Authors {
		names[i] = authorInitials(a)
	}
	switch len(names) {
	case 0:
	case 1:
		b.WriteString(names[0])
	case 2:
		b.WriteString(names[0] + " & " + names[1])
	default:
		b.WriteString(strings.Join(names[:len(names)-1], ", ") + ", & " + names[len(names)-1])
	}
	fmt.Fprintf(&b, " (%d). %s", r.Year, strings.TrimSuffix(r.Title, "."))
	switch r.Kind {
	case "article":
		fmt.Fprintf(&b, ". %s", r.Journal)
		if r.Volume != "" {
			b.WriteString(", " + r.Volume)
			if r.Number != "" {
				b.WriteString("(" + r.Number + ")")
			}
		}
		if r.Pages != "" {
			b.WriteString(", " + strings.ReplaceAll(r.Pages, "-", "–"))
		}
		b.WriteString(".")
	default:
		if r.Note != "" {
			fmt.Fprintf(&b, " [%s]", r.Note)
		}
		b.WriteString(".")
		if r.Publisher != "" {
			b.WriteString(" " + r.Publisher + ".")
		}
	}
	if r.DOI != "" {
		b.WriteString(" " + r.DOIURL())
	}
	return b.String()
}

// authorInitials turns "Linton C. Freeman" into "Freeman, L. C.", keeps
// lower-case particles with the family name ("Gerhard G. van de Bunt":
// "van de Bunt, G. G.") and hyphenated given names ("Jean-Loup": "J.-L.").
// A name already written "Family, Given" keeps its family part.
func authorInitials(a string) string {
	var family string
	var given []string
	if i := strings.Index(a, ","); i >= 0 {
		family = strings.TrimSpace(a[:i])
		given = strings.Fields(a[i+1:])
	} else {
		f := strings.Fields(a)
		if len(f) == 0 {
			return a
		}
		k := len(f) - 1
		for k > 0 && startsLower(f[k-1]) {
			k--
		}
		family = strings.Join(f[k:], " ")
		given = f[:k]
	}
	var ini []string
	for _, g := range given {
		var parts []string
		for _, p := range strings.Split(g, "-") {
			rs := []rune(strings.TrimSuffix(p, "."))
			if len(rs) > 0 {
				parts = append(parts, string(rs[0])+".")
			}
		}
		ini = append(ini, strings.Join(parts, "-"))
	}
	if len(ini) == 0 {
		return family
	}
	return family + ", " + strings.Join(ini, " ")
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// WriteBibTeX writes one BibTeX entry per reference, in the order given.
// Text fields escape LaTeX's special characters; χ and ² become math.
func WriteBibTeX(w io.Writer, refs []graph.Reference) error {
	bw := bufio.NewWriter(w)
	for i, r := range refs {
		if i > 0 {
			bw.WriteString("\n")
		}
		kind := r.Kind
		if kind == "" {
			kind = "misc"
		}
		fmt.Fprintf(bw, "@%s{%s,\n", kind, r.Key)
		field := func(name, v string) {
			if v != "" {
				fmt.Fprintf(bw, "  %-9s = {%s},\n", name, v)
			}
		}
		field("author", bibText(strings.Join(r.Authors, " and ")))
		field("title", bibText(r.Title))
		switch kind {
		case "article":
			field("journal", bibText(r.Journal))
		case "incollection":
			field("booktitle", bibText(r.Journal))
		}
		field("year", fmt.Sprint(r.Year))
		field("volume", bibText(r.Volume))
		field("number", bibText(r.Number))
		field("pages", strings.ReplaceAll(bibText(r.Pages), "-", "--"))
		field("publisher", bibText(r.Publisher))
		field("address", bibText(r.Address))
		field("note", bibText(r.Note))
		field("doi", r.DOI)
		bw.WriteString("}\n")
	}
	return bw.Flush()
}

// bibText escapes s for a braced BibTeX field.
func bibText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&', '%', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '{', '}':
			b.WriteString(`\` + string(r))
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case 'χ':
			b.WriteString(`$\chi$`)
		case '²':
			b.WriteString(`$^2$`)
		default:
			if isControl(r) {
				b.WriteByte(' ')
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
