package out

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestReportMarkdownReadable(t *testing.T) {
	doc := testReportDoc(30, false)
	var b bytes.Buffer
	if err := WriteReportMarkdown(&b, doc); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		"# Cross-sector network report: \"test\" &lt;partnership>\n",
		"Made on 2026-01-15 by sectornet report · Period: January 2013 to June 2013\n",
		"Data: a generated test dataset (``test`data/<dir>``).",
		"- **E-I index: -0.12.** -1 when every tie stays within a sector (silos), +1 when every tie crosses sectors: the partnership's reason to exist.\n",
		"| O3 | Organization 003 | gov | 4 | 0.08108 |\n",
		"The first 10 of 30 rows.\n",
		"Betweenness as NetworkX betweenness_centrality(normalized=True).\n",
		"*Not in this report:* the dataset has &lt;one> survey wave\n",
		"- Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry, 40(1), 35–41. https\\://doi.org/10.2307/3033543\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q:\n%s", want, md)
		}
	}
	for _, bad := range []string{`0\.`, `\-weighted`, `ties\.csv`} {
		if strings.Contains(md, bad) {
			t.Errorf("report.md escapes what needs none: %q", bad)
		}
	}
}

// TestReportMarkdownPandoc renders report.md of hostile names with pandoc
// (its Markdown, CommonMark and GitHub's): the only elements are the
// report's own, every link and image points at a file of the report
// folder, and every name reads as text.
func TestReportMarkdownPandoc(t *testing.T) {
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		if os.Getenv("SECTORNET_PANDOC_TESTS") == "1" {
			t.Fatal("SECTORNET_PANDOC_TESTS=1 but pandoc is not installed")
		}
		t.Skip("pandoc tests skipped: apt-get install pandoc (SECTORNET_PANDOC_TESTS=1 makes them required)")
	}
	doc := testReportDoc(30, true)
	doc.Sections[0].Figures[0].Files = []string{"figures/sectors.svg", "figures/sectors.png"}
	doc.Sections[1].Tables[0].Files = []string{"tables/brokers organizations.csv", "tables/x.md"}
	var b bytes.Buffer
	if err := WriteReportMarkdown(&b, doc); err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"html": true, "head": true, "body": true, "h1": true, "h2": true, "h3": true, "p": true, "ul": true, "li": true,
		"strong": true, "em": true, "code": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
		"img": true, "a": true, "br": true, "figure": true, "figcaption": true, "colgroup": true, "col": true}
	for _, from := range []string{"markdown", "commonmark", "gfm"} {
		cmd := exec.Command(pandoc, "-f", from, "-t", "html")
		cmd.Stdin = bytes.NewReader(b.Bytes())
		outp, err := cmd.Output()
		if err != nil {
			t.Fatalf("pandoc -f %s: %v", from, err)
		}
		root, err := html.Parse(bytes.NewReader(outp))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if !allowed[n.Data] {
					t.Errorf("pandoc -f %s: element <%s> from the text", from, n.Data)
				}
				for _, a := range n.Attr {
					switch {
					case strings.HasPrefix(a.Key, "on"):
						t.Errorf("pandoc -f %s: <%s %s=%q>", from, n.Data, a.Key, a.Val)
					case a.Key == "href" || a.Key == "src":
						if !strings.HasPrefix(a.Val, "tables/") && !strings.HasPrefix(a.Val, "figures/") && a.Val != "report.html" && a.Val != "references.bib" {
							t.Errorf("pandoc -f %s: <%s %s=%q> points outside the report", from, n.Data, a.Key, a.Val)
						}
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
		text := textOf(root)
		for _, nm := range hostileNames[:6] {
			if !strings.Contains(text, strings.NewReplacer("\"", "“").Replace(nm)) && !strings.Contains(text, nm) &&
				!strings.Contains(strings.NewReplacer("“", "\"", "”", "\"").Replace(text), nm) {
				t.Errorf("pandoc -f %s: name %q is not in the text", from, nm)
			}
		}
	}
}
