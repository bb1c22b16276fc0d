package web_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds the browser: $TIDINGS_TEST_CHROMIUM, or chromium on the PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TIDINGS_TEST_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium: set TIDINGS_TEST_CHROMIUM to its path or put chromium on the PATH to run the browser test")
	return ""
}

// newBrowser starts headless Chromium at exe for one test, within a minute, and stops it when
// the test ends.
func newBrowser(t *testing.T, exe string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	return bctx
}

// TestBrowser opens the seed-like article in a real browser, checks that its events are
// highlighted and styled (so the Content-Security-Policy lets the site's own CSS and script
// through), follows the link of the USA → IRN event to the dyad chart, and takes screenshots.
// Set TIDINGS_TEST_SCREENSHOTS to a folder to keep them.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	if testing.Short() {
		t.Skip("the browser test is slow; run it without -short")
	}
	s := newSite(t)
	bctx := newBrowser(t, exe)

	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	must("opening the article page", chromedp.Do(bctx,
		chromedp.Navigate(s.srv.URL+"/articles/"+s.seedID),
		chromedp.WaitVisible(chromedp.CSS(`#text a.hl-event`)),
	))
	events, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll("#text .hl-event").length`))
	must("counting event triggers", err)
	if events != 4 {
		t.Errorf("%d highlighted event triggers, want 4", events)
	}
	// Each kind of highlight has its own look, so the stylesheet applied.
	for _, tt := range []struct{ sel, prop, want string }{
		{"#text .hl-event", "color", "rgb(185, 28, 28)"},
		{"#text .hl-actor", "color", "rgb(29, 78, 216)"},
		{"#text .hl-time", "color", "rgb(4, 120, 87)"},
		{"#text .hl-quote", "font-style", "italic"},
		{"#text .hl-reported", "background-color", "rgb(237, 233, 254)"},
		{"#standfirst .hl-actor", "color", "rgb(29, 78, 216)"},
	} {
		got, err := chromedp.Run(bctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("`+tt.sel+`"))["`+tt.prop+`"]`))
		must("reading the style of "+tt.sel, err)
		if got != tt.want {
			t.Errorf("%s has %s %q, want %q: the stylesheet did not apply", tt.sel, tt.prop, got, tt.want)
		}
	}
	article, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	must("taking a screenshot of the article", err)

	// The legend's script hides a layer of highlights.
	must("unticking the actor layer", chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`#legend input[data-layer="hl-actor"]`))))
	for _, sel := range []string{"#text .hl-actor", "#standfirst .hl-actor"} {
		color, err := chromedp.Run(bctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("`+sel+`")).color`))
		must("reading the colour of "+sel, err)
		if color == "rgb(29, 78, 216)" {
			t.Errorf("unticking the actor layer left %s highlighted", sel)
		}
	}

	// The USA → IRN threat links to the dyad chart.
	must("following the dyad link", chromedp.Do(bctx,
		chromedp.Click(chromedp.CSS(`#ev-e3 a.dyad`)),
		chromedp.WaitVisible(chromedp.CSS(`#dyad-chart`)),
	))
	location, err := chromedp.Run(bctx, chromedp.Location())
	must("reading the location", err)
	if !strings.HasSuffix(location, "/dyads?source=USA&target=IRN") {
		t.Errorf("the dyad link went to %s", location)
	}
	title, err := chromedp.Run(bctx, chromedp.Title())
	must("reading the title", err)
	bars, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll("#dyad-chart rect.bar").length`))
	must("counting bars", err)
	if !strings.Contains(title, "USA → IRN") || bars < 1 {
		t.Errorf("dyad page %q has %d bars", title, bars)
	}
	chart, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	must("taking a screenshot of the chart", err)

	dir := os.Getenv("TIDINGS_TEST_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	for name, png := range map[string][]byte{"article.png": article, "dyad.png": chart} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) < 1000 || !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
			t.Errorf("%s is not a PNG screenshot (%d bytes)", name, len(data))
		}
	}
}
