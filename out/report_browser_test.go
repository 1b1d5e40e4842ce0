package out

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// BrowserEnv makes the browser tests required: set to 1 (as .ci/run
// does), a missing Chromium fails them instead of skipping them.
const BrowserEnv = "SECTORNET_BROWSER_TESTS"

// ScreenshotEnv names a folder the browser tests write their screenshots
// to (report pages at 1280x800 and in print).
const ScreenshotEnv = "SECTORNET_SCREENSHOTS"

// chromiumPath finds Chromium: $SECTORNET_CHROMIUM, else the Debian
// package's binary, else one on PATH.
func chromiumPath() string {
	if p := os.Getenv("SECTORNET_CHROMIUM"); p != "" {
		if p, err := exec.LookPath(p); err == nil {
			return p
		}
		return ""
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is one headless Chromium page and what it reported.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	console  []string // console errors and warnings, exceptions, log entries
	requests []string // URLs the page asked for
	dialogs  []string // alert, confirm, prompt messages
}

// newBrowser starts headless Chromium for t, or skips t when there is
// none (fails it when BrowserEnv is 1).
func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		if os.Getenv(BrowserEnv) == "1" {
			t.Fatalf("%s=1 but Chromium was not found: install it (apt-get install chromium) or set SECTORNET_CHROMIUM", BrowserEnv)
		}
		t.Skipf("browser tests skipped: no Chromium (apt-get install chromium; %s=1 makes them required)", BrowserEnv)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// No traffic of the browser's own: the tests check that the page
		// makes none.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium (%s): %v", exe, err)
	}
	b := &browser{ctx: ctx}
	collect := func(add func(string)) func(string) {
		return func(s string) { b.mu.Lock(); add(s); b.mu.Unlock() }
	}
	addConsole := collect(func(s string) { b.console = append(b.console, s) })
	addRequest := collect(func(s string) { b.requests = append(b.requests, s) })
	addDialog := collect(func(s string) { b.dialogs = append(b.dialogs, s) })
	// Subscribe before anything loads; each stream ends with the context.
	consoleEvents := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	logEntries := chromedp.Events(ctx, log.EntryAdded)
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range consoleEvents {
			if err != nil {
				return
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				addConsole(fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		}
	}()
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			msg := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
			addConsole("exception: " + msg)
		}
	}()
	go func() {
		for ev, err := range logEntries {
			if err != nil {
				return
			}
			// Software GL's own performance notes ("GL Driver Message ...
			// GPU stall due to ReadPixels") are about the machine, not
			// the page.
			if strings.Contains(ev.Entry.Text, "GL Driver Message") {
				continue
			}
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				addConsole(fmt.Sprintf("log %s (%s): %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	}()
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			addRequest(ev.Request.URL)
		}
	}()
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			addDialog(ev.Message)
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	for _, err := range []error{
		call(ctx, network.Enable, network.EnableParams{}),
		call(ctx, log.Enable, cdp.Empty{}),
		call(ctx, runtime.Enable, cdp.Empty{}),
		call(ctx, page.Enable, page.EnableParams{}),
	} {
		if err != nil {
			t.Fatalf("Chromium: %v", err)
		}
	}
	return b
}

func call[P, R any](ctx context.Context, cmd cdp.Command[P, R], p P) error {
	_, err := chromedp.Call(ctx, cmd, p)
	return err
}

// open writes page to a temporary file and loads it from disk, as a mail
// attachment would be, waiting until its script has run.
func (b *browser) open(t *testing.T, page []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: path}).String()
	b.do(t, chromedp.Navigate(u), chromedp.Poll[chromedp.Void](`document.documentElement.getAttribute("data-sn-ready") === "1"`, chromedp.WithPollingTimeout(30*time.Second)))
	return u
}

func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func bytesOf(t *testing.T, b *browser, a chromedp.Action[[]byte]) []byte {
	t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkQuiet fails t for any console error, exception, dialog, or request
// to anything but the page itself (and inline data: and blob: URLs).
func (b *browser) checkQuiet(t *testing.T, pageURL string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, c := range b.console {
		t.Errorf("browser: %s", c)
	}
	for _, d := range b.dialogs {
		t.Errorf("a dialog opened: %q", d)
	}
	for _, r := range b.requests {
		if r != pageURL && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") {
			t.Errorf("network request to %s", r)
		}
	}
}

func saveScreenshot(t *testing.T, name string, png []byte) {
	dir := os.Getenv(ScreenshotEnv)
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// countColor counts the pixels of img within 12 of colour c in each
// channel.
func countColor(img image.Image, c [3]int) int {
	n := 0
	bb := img.Bounds()
	for y := bb.Min.Y; y < bb.Max.Y; y++ {
		for x := bb.Min.X; x < bb.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if abs(int(r>>8)-c[0]) <= 12 && abs(int(g>>8)-c[1]) <= 12 && abs(int(b>>8)-c[2]) <= 12 {
				n++
			}
		}
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestBrowserReport loads a report with hostile names in headless Chromium
// and uses it as a reader would.
func TestBrowserReport(t *testing.T) {
	b := newBrowser(t)
	doc := testReportDoc(60, true)
	u := b.open(t, writeTestReport(t, doc))

	t.Run("quiet", func(t *testing.T) {
		b.checkQuiet(t, u)
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
		res := eval[result](t, b, `(() => {
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
		b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+table+`').previousElementSibling.querySelector("button[aria-expanded]").click()`))
		before := eval[[]string](t, b, col)
		b.do(t, chromedp.Click(chromedp.CSS(table+` th:nth-child(5) button`)))
		asc := eval[[]string](t, b, col)
		b.do(t, chromedp.Click(chromedp.CSS(table+` th:nth-child(5) button`)))
		desc := eval[[]string](t, b, col)
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
		if s := eval[string](t, b, `document.querySelector('`+table+` th:nth-child(5)').getAttribute("aria-sort")`); s != "descending" {
			t.Errorf("aria-sort %q after two clicks", s)
		}
	})

	t.Run("filtering hides rows", func(t *testing.T) {
		b.do(t, chromedp.SendKeys(chromedp.CSS(`#sn-filter-1`), "Organization 05"))
		shown := eval[int](t, b, `document.querySelectorAll('table[data-name="organizations"] tbody tr:not(.sn-out):not(.sn-print-note)').length`)
		if shown != 10 { // Organization 050 .. 059
			t.Errorf("%d rows match %q, want 10", shown, "Organization 05")
		}
		b.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const f = document.querySelector("#sn-filter-1"); f.value = ""; f.dispatchEvent(new Event("input")); })()`))
	})

	t.Run("searching a name opens its profile", func(t *testing.T) {
		name := "Organization 042"
		b.do(t, chromedp.SendKeys(chromedp.CSS(`#sn-find`), name+"\r"),
			chromedp.Poll[chromedp.Void](`document.querySelector("#sn-profile-h") !== null`, chromedp.WithPollingTimeout(5*time.Second)))
		got := eval[string](t, b, `document.querySelector("#sn-profile-h").textContent`)
		hash := eval[string](t, b, `location.hash`)
		if got != name || hash != "#org-42" {
			t.Errorf("profile %q at %q, want %q at #org-42", got, hash, name)
		}
		if n := eval[int](t, b, `document.querySelectorAll("#sn-profile .sn-ego svg g").length`); n < 3 {
			t.Errorf("the ego diagram has %d marks", n)
		}
	})

	t.Run("a hostile profile runs nothing", func(t *testing.T) {
		for i := range hostileNames {
			b.do(t, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = "#org-%d"`, i)),
				chromedp.Poll[chromedp.Void](fmt.Sprintf(`location.hash === "#org-%d" && document.querySelector("#sn-profile-h")`, i)))
			got := eval[string](t, b, `document.querySelector("#sn-profile-h").textContent`)
			bad := eval[bool](t, b, `window.__pwned !== undefined || document.querySelectorAll("#sn-profile script, #sn-profile img, #sn-profile iframe, #sn-profile b").length > 0`)
			if got != hostileNames[i] || bad {
				t.Errorf("profile %d: heading %q (want %q); ran script or made elements: %v", i, got, hostileNames[i], bad)
			}
		}
	})

	t.Run("hovering shows the full name, clicking opens the profile", func(t *testing.T) {
		b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#map").scrollIntoView()`), chromedp.Sleep(200*time.Millisecond))
		pos := eval[[]float64](t, b, `window.sectornetMap.nodePosition(33)`)
		b.do(t, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, pos[0], pos[1]),
			chromedp.Poll[chromedp.Void](`!document.querySelector("#sn-tip").hidden`, chromedp.WithPollingTimeout(5*time.Second)))
		if tip := eval[string](t, b, `document.querySelector("#sn-tip").textContent`); !strings.HasPrefix(tip, "Organization 033\n") {
			t.Errorf("tooltip %q", tip)
		}
		b.do(t, chromedp.MouseClickXY(pos[0], pos[1]),
			chromedp.Poll[chromedp.Void](`location.hash === "#org-33"`, chromedp.WithPollingTimeout(5*time.Second)))
	})

	t.Run("a sector filter hides the others", func(t *testing.T) {
		blue := [3]int{0x00, 0x72, 0xB2} // sector 0
		b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#map").scrollIntoView()`), chromedp.Sleep(300*time.Millisecond))
		img, err := png.Decode(bytes.NewReader(bytesOf(t, b, chromedp.Screenshot(chromedp.CSS(`#sn-map`)))))
		if err != nil {
			t.Fatal(err)
		}
		if n := countColor(img, blue); n < 50 {
			t.Fatalf("only %d pixels of sector 0's colour before filtering", n)
		}
		b.do(t, chromedp.Click(chromedp.CSS(`#sn-sec-0`)), chromedp.Sleep(300*time.Millisecond))
		img, err = png.Decode(bytes.NewReader(bytesOf(t, b, chromedp.Screenshot(chromedp.CSS(`#sn-map`)))))
		if err != nil {
			t.Fatal(err)
		}
		if n := countColor(img, blue); n > 0 {
			t.Errorf("%d pixels of sector 0's colour after hiding it", n)
		}
		if shown := eval[string](t, b, `document.querySelector("#sn-map").getAttribute("data-shown")`); shown != "40" {
			t.Errorf("%s marks shown, want the 40 of the other sectors", shown)
		}
		b.do(t, chromedp.Click(chromedp.CSS(`#sn-sec-0`)))
	})

	t.Run("print to PDF gives several pages", func(t *testing.T) {
		res, err := chromedp.Call(b.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true), PrintBackground: new(true)})
		if err != nil {
			t.Fatal(err)
		}
		pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(res.Data, -1))
		if pages < 4 {
			t.Errorf("the PDF has %d pages, want one per section (4 or more)", pages)
		}
		if dir := os.Getenv(ScreenshotEnv); dir != "" {
			os.WriteFile(filepath.Join(dir, "test-report.pdf"), res.Data, 0o644)
		}
	})

	t.Run("screenshots", func(t *testing.T) {
		if os.Getenv(ScreenshotEnv) == "" {
			t.Skipf("set %s=DIR to keep screenshots", ScreenshotEnv)
		}
		b.do(t, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		saveScreenshot(t, "test-1280x800.png", bytesOf(t, b, chromedp.CaptureScreenshot()))
		if err := call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		saveScreenshot(t, "test-print.jpg", bytesOf(t, b, chromedp.FullScreenshot(85)))
		if err := call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("still quiet", func(t *testing.T) {
		b.checkQuiet(t, u)
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
