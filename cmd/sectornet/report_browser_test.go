package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/sectornet/sectornet/out/browsertest"
)

// TestReportInBrowser writes the report of the embedded sample and of the
// hostile datasets with `sectornet report` and reads each report.html in
// headless Chromium as a reader would: it loads with no console error and
// no request; sorting a table reorders its rows; searching a name opens
// that organization's profile; a sector filter hides the other sectors'
// marks; names make no element and run no script; print to PDF gives a
// multi-page document. (out's TestBrowserReport checks the same on a
// document of every hostile name, and the pixels of the filtered map.)
func TestReportInBrowser(t *testing.T) {
	b := browsertest.New(t)
	dir := t.TempDir()
	for _, c := range []struct{ name, data string }{{"sample", ""}, {"hostile8", hostile8}} {
		t.Run(c.name, func(t *testing.T) {
			rep := filepath.Join(dir, c.name)
			if c.data == "" {
				rep = sampleReport(t)
			} else if code, _, errs := sectornet(t, "report", c.data, "-o", rep); code != 0 {
				t.Fatal(errs)
			}
			u := b.OpenFile(t, filepath.Join(rep, "report.html"))
			b.Do(t, chromedp.Poll[chromedp.Void](`document.querySelector("#sn-map").getAttribute("data-ready") === "1"`, chromedp.WithPollingTimeout(30*time.Second)))

			// Keyboard: the first Tab reaches the skip link, and Enter on
			// it moves to the report.
			b.Do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`), chromedp.KeyEvent("\t"))
			if got := browsertest.Eval[string](t, b, `document.activeElement.textContent`); got != "Skip to the report" {
				t.Errorf("the first Tab focuses %q, want the skip link", got)
			}
			b.Do(t, chromedp.KeyEvent("\r"))
			if got := browsertest.Eval[string](t, b, `location.hash`); got != "#main" {
				t.Errorf("Enter on the skip link: location %q", got)
			}

			type state struct {
				Pwned    bool     `json:"pwned"`
				Scripts  int      `json:"scripts"`
				Images   int      `json:"images"`
				Figures  int      `json:"figures"`
				Handlers []string `json:"handlers"`
				Links    []string `json:"links"`
				Names    []string `json:"names"`
				Text     string   `json:"text"`
			}
			st := browsertest.Eval[state](t, b, `(() => {
				const all = Array.from(document.querySelectorAll("*"));
				const d = JSON.parse(document.getElementById("sn-data").textContent).explore;
				return {
					pwned: window.__pwned !== undefined,
					scripts: document.scripts.length,
					images: document.images.length,
					figures: document.querySelectorAll("figure.sn-fig img").length,
					handlers: all.flatMap(e => Array.from(e.attributes).filter(a => a.name.startsWith("on")).map(a => e.tagName + " " + a.name)),
					links: Array.from(document.querySelectorAll("a[href]")).map(a => a.getAttribute("href")).filter(h => !h.startsWith("#")),
					names: d.orgs.map(o => o[1]),
					text: document.body.innerText,
				};
			})()`)
			if st.Pwned || st.Scripts != 4 || st.Images != st.Figures || len(st.Handlers) > 0 || len(st.Links) > 0 {
				t.Errorf("script ran %v; %d scripts; %d images for %d figures; handlers %v; links %v", st.Pwned, st.Scripts, st.Images, st.Figures, st.Handlers, st.Links)
			}
			for _, want := range []string{"Headlines", "Methods", "Made on "} {
				if !strings.Contains(st.Text, want) {
					t.Errorf("the page lacks %q", want)
				}
			}

			// Sorting: the centrality table by betweenness, descending.
			const tbl = `table[data-name="centrality-organizations"]`
			col := `Array.from(document.querySelectorAll('` + tbl + ` tbody tr:not(.sn-out):not(.sn-print-note)')).map(r => parseFloat(r.cells[5].getAttribute("data-v") ?? r.cells[5].textContent))`
			before := browsertest.Eval[[]float64](t, b, col)
			b.Do(t, chromedp.Click(chromedp.CSS(tbl+` th:nth-child(6) button`)), chromedp.Click(chromedp.CSS(tbl+` th:nth-child(6) button`)))
			after := browsertest.Eval[[]float64](t, b, col)
			if len(after) != len(before) || len(after) < 2 {
				t.Fatalf("%d rows before sorting, %d after", len(before), len(after))
			}
			for i := 1; i < len(after); i++ {
				if after[i-1] < after[i] {
					t.Fatalf("betweenness not descending at row %d: %v", i, after)
				}
			}

			// Searching: the last organization by its name.
			last := len(st.Names) - 1
			b.Do(t, chromedp.SetValue(chromedp.CSS(`#sn-find`), st.Names[last]),
				chromedp.Evaluate[chromedp.Void](`document.querySelector("#sn-find").dispatchEvent(new Event("change"))`),
				chromedp.Poll[chromedp.Void](`document.querySelector("#sn-profile-h") !== null`, chromedp.WithPollingTimeout(10*time.Second)))
			if got := browsertest.Eval[string](t, b, `document.querySelector("#sn-profile-h").textContent`); got != st.Names[last] {
				t.Errorf("searching %q opened %q", st.Names[last], got)
			}

			// A sector filter: hiding the first sector leaves the others.
			want := browsertest.Eval[int](t, b, `(() => { const m = JSON.parse(document.getElementById("sn-data").textContent).explore.map; return m.sector.filter(s => s !== 0).length; })()`)
			b.Do(t, chromedp.Click(chromedp.CSS(`#sn-sec-0`)))
			if got := browsertest.Eval[string](t, b, `document.querySelector("#sn-map").getAttribute("data-shown")`); got != fmt.Sprint(want) {
				t.Errorf("%s marks shown with the first sector hidden, want %d", got, want)
			}
			b.Do(t, chromedp.Click(chromedp.CSS(`#sn-sec-0`)))

			if c.data == "" {
				// A forum filter: the sample's first forum, Volunteering in
				// education, has 21 distinct members (participation.csv,
				// counted with Python's csv module: 21 orgs with forum
				// "education"); every organization is a mark.
				b.Do(t, chromedp.SetValue(chromedp.CSS(`#sn-forum`), "0"),
					chromedp.Evaluate[chromedp.Void](`document.querySelector("#sn-forum").dispatchEvent(new Event("change"))`))
				if name := browsertest.Eval[string](t, b, `document.querySelector("#sn-forum").selectedOptions[0].textContent`); name != "Volunteering in education" {
					t.Errorf("forum 0 is %q", name)
				}
				if got := browsertest.Eval[string](t, b, `document.querySelector("#sn-map").getAttribute("data-shown")`); got != "21" {
					t.Errorf("%s marks shown for Volunteering in education, want its 21 members", got)
				}
				b.Do(t, chromedp.SetValue(chromedp.CSS(`#sn-forum`), ""),
					chromedp.Evaluate[chromedp.Void](`document.querySelector("#sn-forum").dispatchEvent(new Event("change"))`))
				// A community filter shows that community's members (the
				// communities table's sizes, written by the same report).
				want := browsertest.Eval[int](t, b, `(() => { const m = JSON.parse(document.getElementById("sn-data").textContent).explore.map; return m.community.filter(c => c === 0).length; })()`)
				b.Do(t, chromedp.SetValue(chromedp.CSS(`#sn-comm`), "0"),
					chromedp.Evaluate[chromedp.Void](`document.querySelector("#sn-comm").dispatchEvent(new Event("change"))`))
				if got := browsertest.Eval[string](t, b, `document.querySelector("#sn-map").getAttribute("data-shown")`); got != fmt.Sprint(want) || want == 0 {
					t.Errorf("%s marks shown for community 0, want %d", got, want)
				}
				b.Do(t, chromedp.SetValue(chromedp.CSS(`#sn-comm`), ""),
					chromedp.Evaluate[chromedp.Void](`document.querySelector("#sn-comm").dispatchEvent(new Event("change"))`))

				// The CSV download of the centrality table holds the exact
				// values of tables/centrality-organizations.csv (in the
				// page's current order: compared as sorted lines).
				page := browsertest.Await[string](t, b, `new Promise(done => {
					const orig = URL.createObjectURL;
					URL.createObjectURL = blob => { URL.createObjectURL = orig; blob.text().then(done); return orig(blob); };
					const tools = document.querySelector('`+tbl+`').previousElementSibling;
					Array.from(tools.querySelectorAll("button")).find(x => x.textContent.startsWith("Download CSV")).click();
				})`)
				file, err := os.ReadFile(filepath.Join(rep, "tables", "centrality-organizations.csv"))
				if err != nil {
					t.Fatal(err)
				}
				sorted := func(s string) []string {
					ls := strings.Split(strings.TrimSuffix(strings.ReplaceAll(s, "\r\n", "\n"), "\n"), "\n")
					slices.Sort(ls[1:])
					return ls
				}
				if p, f := sorted(page), sorted(string(file)); len(p) != 170 || !slices.Equal(p, f) { // a header and 169 organizations
					n := min(len(p), len(f), 3)
					t.Errorf("the page's CSV (%d lines) differs from the file's (%d lines): %q against %q", len(p), len(f), p[:n], f[:n])
				}
			}

			// Every hostile name's profile: its name as the heading, nothing run.
			for i, nm := range st.Names {
				b.Do(t, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = "#org-%d"`, i)),
					chromedp.Poll[chromedp.Void](fmt.Sprintf(`location.hash === "#org-%d" && document.querySelector("#sn-profile-h")`, i)))
				if got := browsertest.Eval[string](t, b, `document.querySelector("#sn-profile-h").textContent`); got != nm && nm != "" {
					t.Errorf("profile %d: %q, want %q", i, got, nm)
				}
				if i > 12 {
					break
				}
			}
			if browsertest.Eval[bool](t, b, `window.__pwned !== undefined || document.scripts.length !== 4`) {
				t.Error("a profile ran script or added one")
			}

			res, err := chromedp.Call(b.Ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true)})
			if err != nil {
				t.Fatal(err)
			}
			if pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(res.Data, -1)); pages < 5 {
				t.Errorf("the PDF has %d pages", pages)
			}
			b.CheckQuiet(t, u)
		})
	}
}
