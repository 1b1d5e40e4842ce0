package out

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"strings"
)

// WriteReportMarkdown writes doc as report.md: the same story as
// report.html in Markdown that reads as plain text (only what Markdown
// would misread is escaped, see MarkdownText) and renders safely with
// pandoc or on GitHub: no name can become markup. Figures are linked
// images of their files; tables are inline up to their Inline rows, with
// links to their CSV, Markdown and LaTeX files.
func WriteReportMarkdown(w io.Writer, doc *ReportDoc) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# %s\n\n", MarkdownText(doc.Title))
	meta := "Made on " + doc.Made + " by " + doc.Tool
	if doc.Period != "" {
		meta += " · Period: " + doc.Period
	}
	p("%s\n\n", MarkdownText(meta))
	src := "Data: " + MarkdownText(doc.Source)
	if doc.Path != "" {
		src += " (" + CodeSpan(doc.Path) + ")"
	}
	src += "."
	if doc.Network != "" {
		src += " " + MarkdownText("The network of organizations is built on "+doc.Network+".")
	}
	p("%s\n\n", src)
	for _, c := range doc.Covers {
		p("%s\n\n", MarkdownText(c))
	}
	if doc.Explore != nil {
		p("The same report as one file with the interactive map and a profile of every organization: [report.html](report.html); the references as BibTeX: [references.bib](references.bib).\n\n")
	}
	p("## Headlines\n\n")
	if len(doc.Headline) == 0 {
		p("The data give no headline.\n\n")
	}
	titles := map[string]string{}
	for _, s := range doc.Sections {
		titles[s.ID] = s.Title
	}
	for _, h := range doc.Headline {
		line := "- **" + MarkdownText(h.Label) + ":** " + MarkdownText(h.Text)
		if t := titles[h.Section]; t != "" {
			line += " (see " + MarkdownText(t) + ")"
		}
		if h.Sensitivity != "" {
			line += "  \n  *" + MarkdownText(h.Sensitivity) + "*"
		}
		p("%s\n", line)
		for _, it := range h.Items {
			p("  - %s\n", MarkdownText(it))
		}
	}
	if len(doc.Headline) > 0 {
		p("\n")
	}
	for _, s := range doc.Sections {
		p("## %s\n\n", MarkdownText(s.Title))
		if s.Skipped != "" {
			p("*Not in this report:* %s\n\n", MarkdownText(s.Skipped))
			continue
		}
		for _, l := range s.Lead {
			p("%s\n\n", MarkdownText(l))
		}
		for _, m := range s.Measures {
			p("- **%s: %s.** %s\n", MarkdownText(m.Name), MarkdownText(m.Value), MarkdownText(m.Meaning))
		}
		if len(s.Measures) > 0 {
			p("\n")
		}
		for _, f := range s.Figures {
			if img := firstWithExt(f.Files, ".svg", ".png"); img != "" {
				p("![%s](%s)\n\n", MarkdownText(f.Alt), mdLink(img))
			}
			p("*%s*", MarkdownText(f.Title))
			if len(f.Files) > 0 {
				p(" (%s)", fileLinks(f.Files))
			}
			p("\n\n")
		}
		for _, t := range s.Tables {
			writeMarkdownTable(b, t)
		}
	}
	if len(doc.Methods) > 0 {
		p("## Methods\n\n")
		for _, m := range doc.Methods {
			p("### %s\n\n%s\n\n", MarkdownText(m.Name), MarkdownText(m.Definition))
			if m.Formula != "" {
				p("Formula: %s\n\n", CodeSpan(m.Formula))
			}
			p("*What it means:* %s\n\n", MarkdownText(m.Meaning))
			if m.Matches != "" {
				p("*Matches:* %s\n\n", MarkdownText(m.Matches))
			}
			if len(m.Params) > 0 {
				var ps []string
				for _, x := range m.Params {
					ps = append(ps, x.Name+" "+x.Value)
				}
				p("*This run:* %s\n\n", MarkdownText(strings.Join(ps, "; ")))
			}
			for _, r := range m.Refs {
				p("- %s\n", MarkdownText(FormatReference(r)))
			}
			if len(m.Refs) > 0 {
				p("\n")
			}
		}
		if doc.Paragraph != "" {
			p("### For a paper\n\n%s\n\n", MarkdownText(doc.Paragraph))
		}
	}
	return b.Flush()
}

// writeMarkdownTable writes a table of the report: its title, its first
// Inline rows (all when 0) and links to its files.
func writeMarkdownTable(b *bufio.Writer, t DocTable) {
	if t.Title != "" {
		fmt.Fprintf(b, "### %s\n\n", MarkdownText(t.Title))
	}
	rows := len(t.Rows)
	if t.Inline > 0 && t.Inline < rows {
		rows = t.Inline
	}
	numeric := numericColumns(t.Table)
	b.WriteString("|")
	for _, c := range t.Columns {
		b.WriteString(" " + MarkdownCell(c) + " |")
	}
	b.WriteString("\n|")
	for i := range t.Columns {
		if numeric[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows[:rows] {
		b.WriteString("|")
		for i := range t.Columns {
			var c any
			if i < len(r) {
				c = r[i]
			}
			b.WriteString(" " + MarkdownCell(cellString(c, true)) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	for _, n := range t.Notes {
		fmt.Fprintf(b, "%s\n", MarkdownText(n))
	}
	if len(t.Notes) > 0 {
		b.WriteString("\n")
	}
	switch {
	case rows < len(t.Rows) && len(t.Files) > 0:
		fmt.Fprintf(b, "The first %d of %d rows; all of them in %s.\n\n", rows, len(t.Rows), fileLinks(t.Files))
	case rows < len(t.Rows):
		fmt.Fprintf(b, "The first %d of %d rows.\n\n", rows, len(t.Rows))
	case len(t.Files) > 0:
		fmt.Fprintf(b, "Files: %s.\n\n", fileLinks(t.Files))
	}
}

// fileLinks links each file by its format: "[CSV](tables/x.csv) · [LaTeX](...)".
func fileLinks(files []string) string {
	var ls []string
	for _, f := range files {
		ext := strings.TrimPrefix(path.Ext(f), ".")
		label := map[string]string{"csv": "CSV", "md": "Markdown", "tex": "LaTeX", "svg": "SVG", "png": "PNG", "pdf": "PDF", "xlsx": "Excel"}[ext]
		if label == "" {
			label = strings.ToUpper(ext)
		}
		ls = append(ls, "["+label+"]("+mdLink(f)+")")
	}
	return strings.Join(ls, " · ")
}

// mdLink is a relative file path as a Markdown link target: spaces and
// the characters that would end the target are percent-encoded.
func mdLink(p string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(p)
}

func firstWithExt(files []string, exts ...string) string {
	for _, e := range exts {
		for _, f := range files {
			if strings.HasSuffix(f, e) {
				return f
			}
		}
	}
	return ""
}
