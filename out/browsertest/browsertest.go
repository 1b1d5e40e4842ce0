// Package browsertest drives headless Chromium for sectornet's browser
// tests (report.html): it starts Debian's chromium with no network
// traffic of its own, records every console error, exception, dialog and
// request of the page, and skips the test when Chromium is absent, unless
// SECTORNET_BROWSER_TESTS=1 makes it required.
package browsertest

import (
	"context"
	"fmt"
	"image"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
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

// ChromiumPath finds Chromium: $SECTORNET_CHROMIUM, else the Debian
// package's binary, else one on PATH.
func ChromiumPath() string {
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

// Browser is one headless Chromium page and what it reported.
type Browser struct {
	Ctx      context.Context // the page's context, for chromedp calls
	mu       sync.Mutex
	console  []string // console errors and warnings, exceptions, log entries
	requests []string // URLs the page asked for
	dialogs  []string // alert, confirm, prompt messages
	opened   []string // the pages the test opened
}

// New starts headless Chromium for t, or skips t when there is
// none (fails it when BrowserEnv is 1).
func New(t *testing.T) *Browser {
	t.Helper()
	exe := ChromiumPath()
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
	b := &Browser{Ctx: ctx}
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
		Call(ctx, network.Enable, network.EnableParams{}),
		Call(ctx, log.Enable, cdp.Empty{}),
		Call(ctx, runtime.Enable, cdp.Empty{}),
		Call(ctx, page.Enable, page.EnableParams{}),
	} {
		if err != nil {
			t.Fatalf("Chromium: %v", err)
		}
	}
	return b
}

func Call[P, R any](ctx context.Context, cmd cdp.Command[P, R], p P) error {
	_, err := chromedp.Call(ctx, cmd, p)
	return err
}

// Open writes page to a temporary file and loads it from disk, as a mail
// attachment would be, waiting until its script has run.
func (b *Browser) Open(t *testing.T, page []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: path}).String()
	b.mu.Lock()
	b.opened = append(b.opened, u)
	b.mu.Unlock()
	b.Do(t, chromedp.Navigate(u), chromedp.Poll[chromedp.Void](`document.documentElement.getAttribute("data-sn-ready") === "1"`, chromedp.WithPollingTimeout(30*time.Second)))
	return u
}

// OpenFile loads the page at path from disk, waiting until its script
// has run; it returns the page's URL.
func (b *Browser) OpenFile(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: abs}).String()
	b.mu.Lock()
	b.opened = append(b.opened, u)
	b.mu.Unlock()
	b.Do(t, chromedp.Navigate(u), chromedp.Poll[chromedp.Void](`document.documentElement.getAttribute("data-sn-ready") === "1"`, chromedp.WithPollingTimeout(150*time.Second)))
	return u
}

func (b *Browser) Do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 180*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func Eval[T any](t *testing.T, b *Browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// Await runs js, which returns a promise, and decodes what it resolves to.
func Await[T any](t *testing.T, b *Browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func Bytes(t *testing.T, b *Browser, a chromedp.Action[[]byte]) []byte {
	t.Helper()
	v, err := chromedp.Run(b.Ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// CheckQuiet fails t for any console error, exception, dialog, or request
// to anything but the pages the test opened (and inline data: and blob:
// URLs).
func (b *Browser) CheckQuiet(t *testing.T, pageURL string) {
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
		if r != pageURL && !slices.Contains(b.opened, r) && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") {
			t.Errorf("network request to %s", r)
		}
	}
}

func SaveScreenshot(t *testing.T, name string, png []byte) {
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

// CountColor counts the pixels of img within 12 of colour c in each
// channel.
func CountColor(img image.Image, c [3]int) int {
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
