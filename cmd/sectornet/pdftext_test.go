package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPDFText checks --pdf-text of render and chart: by default a PDF
// embeds DejaVu Sans as subset TrueType fonts (a FontFile2 and a tagged
// name); outlines leaves every font out; another value is a usage error.
// What the fonts hold is read back by Poppler in out/figure_pdf_test.go.
func TestPDFText(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"render", good}, {"chart", good, "--kind", "centrality"}} {
		for _, mode := range []string{"", "fonts", "outlines"} {
			path := filepath.Join(dir, args[0]+mode+".pdf")
			a := append(append([]string(nil), args...), "-o", path)
			if mode != "" {
				a = append(a, "--pdf-text", mode)
			}
			if code, _, errs := sectornet(t, a...); code != 0 {
				t.Fatalf("%v: %s", a, errs)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			pdf := string(b)
			embedded := strings.Contains(pdf, "/FontFile2") && strings.Contains(pdf, "+DejaVuSans")
			if want := mode != "outlines"; embedded != want || !want && (strings.Contains(pdf, "/FontFile") || strings.Contains(pdf, "/BaseFont")) {
				t.Errorf("%v: fonts embedded %v, want %v", a, embedded, want)
			}
		}
		a := append(append([]string(nil), args...), "--format", "pdf", "--pdf-text", "text")
		code, _, errs := sectornet(t, a...)
		if code != exitUsage || !strings.Contains(errs, `unknown PDF text "text" (want fonts or outlines)`) {
			t.Errorf("%v: code %d, %s", a, code, errs)
		}
	}
}
