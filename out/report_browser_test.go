package out

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/sectornet/sectornet/out/browsertest"
)

// TestBrowserReport loads a report with hostile names in headless Chromium
// and uses it as a reader would.
func TestBrowserReport(t *testing.T) {
	b := browsertest.New(t)
	doc := testReportDoc(60, true)
	u := b.Open(t, writeTestReport(t, doc))

	t.Run("quiet", func(t *testing.T) {
		b.CheckQuiet(t, u)
	})

	t.Run("hostile names are text", func(t *testing.T) {
		type result struct {
			Pwned    bool     `json:"pwned"`
			Scripts  int      `json:"scripts"`
			Images   int      `json:"images"`
			Handlers []string `json:"handlers"`
			Links    []string `json:"links"`
			Text     string   `json:"text"`
		}
		res := browsertest.Eval[result](t, b, `(() => {
			const all = Array.from(document.querySelectorAll("*"));
			return {
				pwned: window.__pwned !== undefined,
				scripts: document.scripts.length,
				images: document.images.length,
				handlers: all.flatMap(e => Array.from(e.attributes).filter(a => a.name.startsWith("on")).map(a => e.tagName + " " + a.name)),
				links: Array.from(document.querySelectorAll("a[href]")).map(a => a.getAttribute("href")).filter(h => !h.startsWith("#")),
				text: document.body.innerText,
			};
		})()`)
		if res.Pwned {
			t.Error("a hostile name ran script")
		}
		if res.Scripts != 4 || res.Images != 1 {
			t.Errorf("%d scripts and %d images, want 4 and 1", res.Scripts, res.Images)
		}
		if len(res.Handlers) > 0 || len(res.Links) > 0 {
			t.Errorf("event handlers %v, links %v", res.Handlers, res.Links)
		}
		for _, nm := range hostileNames[:6] {
			if !strings.Contains(res.Text, nm) {
				t.Errorf("name %q is not shown as text", nm)
			}
		}
	})

	t.Run("sorting reorders rows", func(t *testing.T) {
		const table = `table[data-name="organizations"]`
		col := `Array.from(document.querySelectorAll('` + table + ` tbody tr:not(.sn-out):not(.sn-print-note)')).map(r => r.cells[4].getAttribute("data-v") ?? r.cells[4].textContent)`
		b.Do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+table+`').previousElementSibling.querySelector("button[aria-expanded]").click()`))
		before := browsertest.Eval[[]string](t, b, col)
		b.Do(t, chromedp.Click(chromedp.CSS(table+` th:nth-child(5) button`)))
		asc := browsertest.Eval[[]string](t, b, col)
		b.Do(t, chromedp.Click(chromedp.CSS(table+` th:nth-child(5) button`)))
		desc := browsertest.Eval[[]string](t, b, col)
		if len(asc) != 60 || len(desc) != 60 {
			t.Fatalf("%d and %d rows after sorting, want 60", len(asc), len(desc))
		}
		if slicesEqual(before, asc) {
			t.Error("sorting did not reorder the rows")
		}
		num := func(s string) float64 {
			var f float64
			if _, err := fmt.Sscan(s, &f); err != nil {
				return -1
			}
			return f
		}
		for i := 1; i < len(asc); i++ {
			// The empty (NaN) value goes last both ways.
			if asc[i-1] == "" || asc[i] != "" && num(asc[i-1]) > num(asc[i]) {
				t.Fatalf("ascending: %q before %q", asc[i-1], asc[i])
			}
			if desc[i-1] == "" || desc[i] != "" && num(desc[i-1]) < num(desc[i]) {
				t.Fatalf("descending: %q before %q", desc[i-1], desc[i])
			}
		}
		if s := browsertest.Eval[string](t, b, `document.querySelector('`+table+` th:nth-child(5)').getAttribute("aria-sort")`); s != "descending" {
			t.Errorf("aria-sort %q after two clicks", s)
		}
	})

	t.Run("filtering hides rows", func(t *testing.T) {
		b.Do(t, chromedp.SendKeys(chromedp.CSS(`#sn-filter-1`), "Organization 05"))
		shown := browsertest.Eval[int](t, b, `document.querySelectorAll('table[data-name="organizations"] tbody tr:not(.sn-out):not(.sn-print-note)').length`)
		if shown != 10 { // Organization 050 .. 059
			t.Errorf("%d rows match %q, want 10", shown, "Organization 05")
		}
		b.Do(t, chromedp.Evaluate[chromedp.Void](`(() => { const f = document.querySelector("#sn-filter-1"); f.value = ""; f.dispatchEvent(new Event("input")); })()`))
	})

	t.Run("searching a name opens its profile", func(t *testing.T) {
		name := "Organization 042"
		b.Do(t, chromedp.SendKeys(chromedp.CSS(`#sn-find`), name+"\r"),
			chromedp.Poll[chromedp.Void](`document.querySelector("#sn-profile-h") !== null`, chromedp.WithPollingTimeout(5*time.Second)))
		got := browsertest.Eval[string](t, b, `document.querySelector("#sn-profile-h").textContent`)
		hash := browsertest.Eval[string](t, b, `location.hash`)
		if got != name || hash != "#org-42" {
			t.Errorf("profile %q at %q, want %q at #org-42", got, hash, name)
		}
		if n := browsertest.Eval[int](t, b, `document.querySelectorAll("#sn-profile .sn-ego svg g").length`); n < 3 {
			t.Errorf("the ego diagram has %d marks", n)
		}
	})

	t.Run("a hostile profile runs nothing", func(t *testing.T) {
		for i := range hostileNames {
			b.Do(t, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = "#org-%d"`, i)),
				chromedp.Poll[chromedp.Void](fmt.Sprintf(`location.hash === "#org-%d" && document.querySelector("#sn-profile-h")`, i)))
			got := browsertest.Eval[string](t, b, `document.querySelector("#sn-profile-h").textContent`)
			bad := browsertest.Eval[bool](t, b, `window.__pwned !== undefined || document.querySelectorAll("#sn-profile script, #sn-profile img, #sn-profile iframe, #sn-profile b").length > 0`)
			if got != hostileNames[i] || bad {
				t.Errorf("profile %d: heading %q (want %q); ran script or made elements: %v", i, got, hostileNames[i], bad)
			}
		}
	})

	t.Run("hovering shows the full name, clicking opens the profile", func(t *testing.T) {
		b.Do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#map").scrollIntoView()`), chromedp.Sleep(200*time.Millisecond))
		pos := browsertest.Eval[[]float64](t, b, `window.sectornetMap.nodePosition(33)`)
		b.Do(t, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, pos[0], pos[1]),
			chromedp.Poll[chromedp.Void](`!document.querySelector("#sn-tip").hidden`, chromedp.WithPollingTimeout(5*time.Second)))
		if tip := browsertest.Eval[string](t, b, `document.querySelector("#sn-tip").textContent`); !strings.HasPrefix(tip, "Organization 033\n") {
			t.Errorf("tooltip %q", tip)
		}
		b.Do(t, chromedp.MouseClickXY(pos[0], pos[1]),
			chromedp.Poll[chromedp.Void](`location.hash === "#org-33"`, chromedp.WithPollingTimeout(5*time.Second)))
	})

	t.Run("a sector filter hides the others", func(t *testing.T) {
		blue := [3]int{0x00, 0x72, 0xB2} // sector 0
		b.Do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#map").scrollIntoView()`), chromedp.Sleep(300*time.Millisecond))
		img, err := png.Decode(bytes.NewReader(browsertest.Bytes(t, b, chromedp.Screenshot(chromedp.CSS(`#sn-map`)))))
		if err != nil {
			t.Fatal(err)
		}
		if n := browsertest.CountColor(img, blue); n < 50 {
			t.Fatalf("only %d pixels of sector 0's colour before filtering", n)
		}
		b.Do(t, chromedp.Click(chromedp.CSS(`#sn-sec-0`)), chromedp.Sleep(300*time.Millisecond))
		img, err = png.Decode(bytes.NewReader(browsertest.Bytes(t, b, chromedp.Screenshot(chromedp.CSS(`#sn-map`)))))
		if err != nil {
			t.Fatal(err)
		}
		if n := browsertest.CountColor(img, blue); n > 0 {
			t.Errorf("%d pixels of sector 0's colour after hiding it", n)
		}
		if shown := browsertest.Eval[string](t, b, `document.querySelector("#sn-map").getAttribute("data-shown")`); shown != "40" {
			t.Errorf("%s marks shown, want the 40 of the other sectors", shown)
		}
		b.Do(t, chromedp.Click(chromedp.CSS(`#sn-sec-0`)))
	})

	t.Run("print to PDF gives several pages", func(t *testing.T) {
		res, err := chromedp.Call(b.Ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true), PrintBackground: new(true)})
		if err != nil {
			t.Fatal(err)
		}
		pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(res.Data, -1))
		if pages < 4 {
			t.Errorf("the PDF has %d pages, want one per section (4 or more)", pages)
		}
		if dir := os.Getenv(browsertest.ScreenshotEnv); dir != "" {
			os.WriteFile(filepath.Join(dir, "test-report.pdf"), res.Data, 0o644)
		}
	})

	t.Run("screenshots", func(t *testing.T) {
		if os.Getenv(browsertest.ScreenshotEnv) == "" {
			t.Skipf("set %s=DIR to keep screenshots", browsertest.ScreenshotEnv)
		}
		b.Do(t, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		browsertest.SaveScreenshot(t, "test-1280x800.png", browsertest.Bytes(t, b, chromedp.CaptureScreenshot()))
		if err := browsertest.Call(b.Ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		browsertest.SaveScreenshot(t, "test-print.jpg", browsertest.Bytes(t, b, chromedp.FullScreenshot(85)))
		if err := browsertest.Call(b.Ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("still quiet", func(t *testing.T) {
		b.CheckQuiet(t, u)
	})
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBrowserScreenshotsOf takes the screenshots of a written report for
// people to look at (and for docs/), and measures how the map responds:
// set SECTORNET_SCREENSHOT_PAGE to its report.html and
// SECTORNET_SCREENSHOTS to a folder. It saves the top of the page, the map
// and a profile at 1280x800, the top of the page in print and the PDF, and logs the
// time to load and draw, the frame intervals while the map pans and
// zooms, and the time a sector filter and a search take (BENCHMARKS.md).
func TestBrowserScreenshotsOf(t *testing.T) {
	file, dir := os.Getenv("SECTORNET_SCREENSHOT_PAGE"), os.Getenv(browsertest.ScreenshotEnv)
	if file == "" || dir == "" {
		t.Skip("set SECTORNET_SCREENSHOT_PAGE=report.html and SECTORNET_SCREENSHOTS=DIR to take screenshots of a report")
	}
	prefix := filepath.Base(filepath.Dir(file)) + "-"
	b := browsertest.New(t)
	b.Do(t, chromedp.EmulateViewport(1280, 800))
	t0 := time.Now()
	u := b.OpenFile(t, file)
	b.Do(t, chromedp.Poll[chromedp.Void](`document.querySelector("#sn-map") === null || document.querySelector("#sn-map").getAttribute("data-ready") === "1"`, chromedp.WithPollingTimeout(120*time.Second)))
	t.Logf("loaded, tables ready and map drawn: %v", time.Since(t0).Round(time.Millisecond))
	b.Do(t, chromedp.Sleep(500*time.Millisecond))
	browsertest.SaveScreenshot(t, prefix+"top.png", browsertest.Bytes(t, b, chromedp.CaptureScreenshot()))
	b.Do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#map").scrollIntoView()`), chromedp.Sleep(800*time.Millisecond))
	browsertest.SaveScreenshot(t, prefix+"map.png", browsertest.Bytes(t, b, chromedp.CaptureScreenshot()))
	browsertest.SaveScreenshot(t, prefix+"map-section.png", browsertest.Bytes(t, b, chromedp.Screenshot(chromedp.CSS("#map"))))

	// Frame intervals while the camera pans and zooms for two seconds.
	type frames struct {
		N      int     `json:"n"`
		Median float64 `json:"median"`
		P95    float64 `json:"p95"`
		Max    float64 `json:"max"`
	}
	fr := browsertest.Await[frames](t, b, `new Promise(done => {
		const box = document.querySelector("#sn-map"), r = box.getBoundingClientRect();
		const times = []; let last = performance.now(); const end = last + 2000; let k = 0;
		function step(now) {
			times.push(now - last); last = now; k++;
			const x = r.left + r.width / 2 + 150 * Math.sin(k / 10), y = r.top + r.height / 2 + 100 * Math.cos(k / 10);
			box.dispatchEvent(new WheelEvent("wheel", { clientX: x, clientY: y, deltaY: (k % 40 < 20 ? -40 : 40), bubbles: true, cancelable: true }));
			if (now < end) requestAnimationFrame(step); else {
				times.sort((a, b) => a - b);
				done({ n: times.length, median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1] });
			}
		}
		requestAnimationFrame(step);
	})`)
	t.Logf("zooming: %d frames in 2 s, interval median %.1f ms, 95th percentile %.1f ms, max %.1f ms", fr.N, fr.Median, fr.P95, fr.Max)
	ms := browsertest.Await[float64](t, b, `new Promise(done => {
		const t0 = performance.now(); document.querySelector("#sn-sec-0").click();
		requestAnimationFrame(() => requestAnimationFrame(() => { done(performance.now() - t0); document.querySelector("#sn-sec-0").click(); }));
	})`)
	t.Logf("a sector filter, until drawn: %.0f ms", ms)
	ms = browsertest.Await[float64](t, b, `new Promise(done => {
		const d = JSON.parse(document.getElementById("sn-data").textContent).explore;
		const deg = d.measures.find(m => m[0] === "degree")[3];
		let best = 0; deg.forEach((v, i) => { if (v > deg[best]) best = i; });
		const f = document.querySelector("#sn-find"); f.value = d.orgs[best][1];
		const t0 = performance.now(); f.dispatchEvent(new Event("change"));
		requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
	})`)
	t.Logf("searching the organization with the most partners until its profile is drawn: %.0f ms", ms)
	b.Do(t, chromedp.Sleep(500*time.Millisecond))
	browsertest.SaveScreenshot(t, prefix+"profile.png", browsertest.Bytes(t, b, chromedp.CaptureScreenshot()))
	if err := browsertest.Call(b.Ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	// The top of the page in print (a full-page capture of a long report
	// is over Chromium's limit: "Page is too large"; the PDF below has
	// every page).
	b.Do(t, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	browsertest.SaveScreenshot(t, prefix+"print-top.png", browsertest.Bytes(t, b, chromedp.CaptureScreenshot()))
	if err := browsertest.Call(b.Ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(b.Ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true), PrintBackground: new(true)})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, prefix+"report.pdf"), res.Data, 0o644)
	t.Logf("PDF: %d pages, %d bytes", len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(res.Data, -1)), len(res.Data))
	b.CheckQuiet(t, u)
}
