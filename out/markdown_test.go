package out

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

func TestMarkdownText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// Readable as it is: numbers, hyphens, full stops, file names,
		// snake_case, percentages, slashes.
		{"0.765", "0.765"},
		{"-0.12", "-0.12"},
		{"seat-weighted share of ties.csv", "seat-weighted share of ties.csv"},
		{"p_two_sided 12% a/b (x)", "p_two_sided 12% a/b (x)"},
		{"Ben & Jerry's", "Ben & Jerry's"},
		{"2014: 87 of 127", "2014: 87 of 127"},
		{"עמותת ידידים", "עמותת ידידים"},
		{"p < 0.001, 2<3, a <= b, x < y", "p < 0.001, 2<3, a <= b, x < y"},
		// Markup is escaped.
		{"<script>alert(1)</script>", `&lt;script>alert(1)&lt;/script>`},
		{"<!-- c --> <?php <https://x> <mailto:a@b>", `&lt;!-- c --> &lt;?php &lt;https\://x> &lt;mailto:a\@b>`},
		{`[click](javascript:alert(1))`, `\[click\](javascript:alert(1))`},
		{"![x](y)", `!\[x\](y)`},
		{"*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"},
		{"a|b", `a\|b`},
		{"~sub~ ^sup^ $x$", `\~sub\~ \^sup\^ \$x\$`},
		{`back\slash`, `back\\slash`},
		{"&lt; &#60; &amp;", "&amp;lt; &amp;#60; &amp;amp;"},
		{"{.class}", `\{.class\}`},
		// Block starts only at the start.
		{"# heading", `\# heading`},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"1. first", `1\. first`},
		{"a) first", `a\) first`},
		{"> quote", `\> quote`},
		{"---", `\---`},
		{"a > b - c + d # e", "a > b - c + d # e"},
		{"2014 report", "2014 report"},
		// Line breaks and control characters.
		{"Line one\nline two", "Line one line two"},
		{"tab\there\x1b[31m", `tab here \[31m`},
		{"see http://x.org/a_b or www.x.org, info@x.org", `see http\://x.org/a_b or www\.x.org, info\@x.org`},
	} {
		if got := MarkdownText(c.in); got != c.want {
			t.Errorf("MarkdownText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := MarkdownCell("Line one\nline two|x"); got != `Line one<br>line two\|x` {
		t.Errorf("MarkdownCell = %q", got)
	}
}

func TestCodeSpan(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"data/x", "`data/x`"},
		{"a`b", "``a`b``"},
		{"`start", "`` `start ``"},
		{"x``y", "```x``y```"},
		{"two\nlines", "`two lines`"},
		{"", "` `"},
	} {
		if got := CodeSpan(c.in); got != c.want {
			t.Errorf("CodeSpan(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestMarkdownPandoc renders hostile text through pandoc, as Markdown
// (pandoc's own), CommonMark and GitHub's: no element comes from the
// text, and the text reads back exactly (line breaks as spaces). Skipped
// without pandoc.
func TestMarkdownPandoc(t *testing.T) {
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		if os.Getenv("SECTORNET_PANDOC_TESTS") == "1" {
			t.Fatal("SECTORNET_PANDOC_TESTS=1 but pandoc is not installed")
		}
		t.Skip("pandoc tests skipped: apt-get install pandoc (SECTORNET_PANDOC_TESTS=1 makes them required)")
	}
	texts := append(append([]string{}, hostileNames...),
		`[x](javascript:alert(1))`, "<img src=x onerror=alert(1)>", `<a href="javascript:alert(1)">a</a>`,
		"&lt;script&gt;", "1. not a list", "# not a heading", "- not an item", "> not a quote",
		"*not em* __not strong__ ~~not struck~~ ^not sup^ $not math$", `\(not math\)`, "[^note]",
		"<!-- comment -->", "http://example.com/a_b_c", "a_b_c", "x <y> & z", "{=html}", "@cite", "mail@x.org www.x.org https://x.org",
		"`code` ``code``", "line\nbreak", "| a | b |", "a\u202Eb")
	for _, from := range []string{"markdown", "commonmark", "gfm"} {
		var src bytes.Buffer
		for _, s := range texts {
			src.WriteString(MarkdownText(s) + "\n\n")
		}
		src.WriteString("Path: " + CodeSpan("data`dir <x>") + "\n")
		cmd := exec.Command(pandoc, "-f", from, "-t", "html")
		cmd.Stdin = &src
		outp, err := cmd.Output()
		if err != nil {
			t.Fatalf("pandoc -f %s: %v", from, err)
		}
		// Each text is one <p> holding only text (and the code span).
		paras := regexp.MustCompile(`(?s)<p>(.*?)</p>`).FindAllStringSubmatch(string(outp), -1)
		if len(paras) != len(texts)+1 {
			t.Fatalf("pandoc -f %s: %d paragraphs, want %d:\n%s", from, len(paras), len(texts)+1, outp)
		}
		for i, s := range texts {
			p := paras[i][1]
			if strings.Contains(p, "<") {
				t.Errorf("pandoc -f %s: %q made markup: %s", from, s, p)
				continue
			}
			want := strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
			got := html.UnescapeString(p)
			if from == "markdown" {
				// pandoc's smart typography: curly quotes, en dashes.
				got = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "–", "--").Replace(got)
			}
			if got != want && strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(want), " ") {
				t.Errorf("pandoc -f %s: %q reads back as %q", from, s, got)
			}
		}
		last := paras[len(texts)][1]
		if want := "Path: <code>data`dir &lt;x&gt;</code>"; last != want {
			t.Errorf("pandoc -f %s: code span %q, want %q", from, last, want)
		}
	}
}
