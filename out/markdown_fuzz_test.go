package out

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// gfm is a CommonMark reader with GitHub's extensions (tables,
// strikethrough, bare links, task lists), where Markdown escapes are put
// to the test: escaped text must come back as the text and nothing else.
// Raw HTML is passed through, so that HTML written by s would show.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))

var tagRE = regexp.MustCompile(`<(/?)([a-zA-Z0-9]+)[^>]*>`)

// markdownHTML renders doc with gfm and returns its HTML, failing the test
// on any element not in allowed.
func markdownHTML(t *testing.T, doc string, allowed ...string) string {
	t.Helper()
	var b bytes.Buffer
	if err := gfm.Convert([]byte(doc), &b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, m := range tagRE.FindAllStringSubmatch(out, -1) {
		ok := false
		for _, a := range allowed {
			ok = ok || m[2] == a
		}
		if !ok {
			t.Fatalf("markup <%s%s> from %q:\n%s", m[1], m[2], doc, out)
		}
	}
	return out
}

// plain is what an escaped text must read as: control characters as
// spaces; line breaks as sep (a space in text, a <br> in a table cell),
// CRLF as one.
func plain(s, sep string) string {
	s = string([]rune(s)) // invalid bytes as U+FFFD, as the escaper reads them
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteString(sep)
		case isControl(r) || r == '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzMarkdownText renders MarkdownText(s) inside a paragraph and at the
// start of one, and MarkdownCell(s) in a table cell, with a CommonMark and
// GFM reader: no element comes from s, and the text reads back as s.
func FuzzMarkdownText(f *testing.F) {
	for _, s := range []string{
		"Alpha Ministry", "0.765", "*bold* _it_ `code`", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>",
		"# heading", "1. first", "- item", "http://evil.example", "www.example.org", "&lt; &amp; &#60;", "a|b", "line\nbreak",
		"~~del~~", "[ ] task", "עמותת ידידים", "snake_case_name", "\\", "!", "![x](y)", "<http://x.y>", "a@b.example",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// In a paragraph, between two words, and opening one.
		out := markdownHTML(t, "x "+MarkdownText(s)+" y\n\n"+MarkdownText(s)+"\n", "p")
		paras := regexp.MustCompile(`(?s)<p>(.*?)</p>`).FindAllStringSubmatch(out, -1)
		wantOpen := strings.Trim(plain(s, " "), " ")
		if len(paras) == 0 || html.UnescapeString(paras[0][1]) != "x "+wantOpen+" y" {
			t.Fatalf("in a paragraph %q reads as %q", s, out)
		}
		if wantOpen != "" && (len(paras) != 2 || html.UnescapeString(paras[1][1]) != wantOpen) {
			t.Fatalf("opening a paragraph %q reads as %q", s, out)
		}
		// In a table cell.
		out = markdownHTML(t, "| h |\n| --- |\n| "+MarkdownCell(s)+" |\n", "table", "thead", "tbody", "tr", "th", "td", "br")
		cell := regexp.MustCompile(`(?s)<td>(.*?)</td>`).FindStringSubmatch(out)
		wantCell := strings.Trim(plain(s, "\n"), " ")
		got := ""
		if cell != nil {
			got = html.UnescapeString(strings.ReplaceAll(cell[1], "<br>", "\n"))
		}
		if got != wantCell && !(cell == nil && wantCell == "") {
			t.Fatalf("in a table cell %q reads as %q:\n%s", s, got, out)
		}
	})
}
