package out

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// pdfFigures are the figures the PDF tests write: the tiny dataset's
// network (Hebrew and Arabic names, a heading in bold, labels with halos)
// and its centrality chart (the names as bar labels, an axis label turned
// upright). Each is written by write in one PDF text mode.
func pdfFigures(t *testing.T) map[string]func(PDFText) []byte {
	t.Helper()
	dg := tinyDiagrams(t)["network"]
	p, err := layout(context.Background(), testLayout, dg)
	if err != nil {
		t.Fatal(err)
	}
	d := tiny()
	chart := CentralityChart(d, []float64{5, 4, 3, 2, 1}, "degree", 10)
	return map[string]func(PDFText) []byte{
		"network": func(m PDFText) []byte {
			s := buildScene(dg, p)
			s.PDF = m
			var b bytes.Buffer
			if err := writeCanvas(&b, s, FigurePDF); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		},
		"centrality": func(m PDFText) []byte {
			sz := DefaultChartSize(chart)
			sz.PDFText = m
			var b bytes.Buffer
			if err := WriteChart(&b, chart, FigurePDF, sz); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		},
	}
}

// TestPDFSameBytes checks that a PDF with embedded fonts is the same bytes
// every time, with one processor or two.
func TestPDFSameBytes(t *testing.T) {
	for name, write := range pdfFigures(t) {
		a := write(PDFFonts)
		prev := runtime.GOMAXPROCS(1)
		b := write(PDFFonts)
		runtime.GOMAXPROCS(2)
		c := write(PDFFonts)
		runtime.GOMAXPROCS(prev)
		if !bytes.Equal(a, b) || !bytes.Equal(a, c) {
			t.Errorf("%s: three writings of the PDF differ", name)
		}
		if !bytes.HasPrefix(a, []byte("%PDF-1.4")) || !bytes.Contains(a, []byte("/CreationDate (D:"+PDFDate.Format("20060102150405"))) {
			t.Errorf("%s: no PDF header or fixed date", name)
		}
		if bytes.Equal(a, write(PDFOutlines)) {
			t.Errorf("%s: fonts and outlines give the same PDF", name)
		}
	}
}

func TestParsePDFText(t *testing.T) {
	for in, want := range map[string]PDFText{"fonts": PDFFonts, "Outlines": PDFOutlines} {
		if got, err := ParsePDFText(in); err != nil || got != want {
			t.Errorf("ParsePDFText(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParsePDFText("text"); err == nil || !strings.Contains(err.Error(), "fonts or outlines") {
		t.Errorf("ParsePDFText(text): %v", err)
	}
}

// poppler returns the path of each Poppler tool (Debian poppler-utils),
// skipping the test when one is missing unless SECTORNET_PDF_TESTS is set
// (as .ci/run does), which makes it a failure.
func poppler(t *testing.T, tools ...string) []string {
	t.Helper()
	var paths []string
	for _, tool := range tools {
		p, err := exec.LookPath(tool)
		if err != nil {
			if os.Getenv("SECTORNET_PDF_TESTS") != "" {
				t.Fatalf("SECTORNET_PDF_TESTS is set but %s is missing: apt-get install poppler-utils", tool)
			}
			t.Skipf("%s not found: apt-get install poppler-utils to run (SECTORNET_PDF_TESTS=1 makes this a failure)", tool)
		}
		paths = append(paths, p)
	}
	return paths
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v: %s", filepath.Base(name), strings.Join(args, " "), err, stderr.Bytes())
	}
	return string(b)
}

var pdffontsRow = regexp.MustCompile(`^([A-Z]{6})\+(DejaVuSans(?:-Bold)?) +CID TrueType +Identity-H +yes +yes +yes +\d+ +0$`)

// bidiControls are the marks pdftotext puts around right-to-left runs
// (U+202B ... U+202C) and other directional formatting characters.
var bidiControls = strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "", "\u200e", "", "\u200f", "")

// extracted returns the PDF's text by pdftotext, without directional
// marks, with every run of white space one space.
func extracted(t *testing.T, pdftotext, file string) string {
	t.Helper()
	return strings.Join(strings.Fields(bidiControls.Replace(run(t, pdftotext, "-enc", "UTF-8", file, "-"))), " ")
}

// TestPDFFontsPoppler reads the PDFs with Poppler, an independent reader:
// pdffonts lists DejaVu Sans, regular and bold, embedded as subsets with a
// ToUnicode map (the uni column); pdftotext gives back the names as they
// are written in the dataset, in logical order (its own bidirectional
// reordering of the glyphs, shown in visual order, and the ToUnicode map of
// the Arabic presentation forms, lam-alef included, back to their letters).
// With --pdf-text outlines, the same PDFs have no font and no text.
func TestPDFFontsPoppler(t *testing.T) {
	tools := poppler(t, "pdffonts", "pdftotext")
	pdffonts, pdftotext := tools[0], tools[1]
	dir := t.TempDir()
	want := map[string][]string{
		// The tiny dataset's names (tiny, diagram_test.go) as labels,
		// the legend's sector with its Hebrew, the heading in bold.
		"network": {"Network", `Alpha & <Co> "quoted"`, "עמותת לב", "جمعية الأمل", "Isolated Org", "Government / ממשלה", "Business", "Prime Minister's Office…"},
		// Bar labels (abbreviated to 22 characters), the axis label.
		"centrality": {"Top organizations by degree", `Alpha & <Co> "quoted"`, "עמותת לב", "جمعية الأمل", "Isolated Org", "degree"},
	}
	for name, write := range pdfFigures(t) {
		fonts := filepath.Join(dir, name+".pdf")
		outlines := filepath.Join(dir, name+"-outlines.pdf")
		if err := os.WriteFile(fonts, write(PDFFonts), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(outlines, write(PDFOutlines), 0o644); err != nil {
			t.Fatal(err)
		}
		rows := strings.Split(strings.TrimSpace(run(t, pdffonts, fonts)), "\n")
		var faces []string
		for _, r := range rows[min(2, len(rows)):] {
			m := pdffontsRow.FindStringSubmatch(r)
			if m == nil {
				t.Errorf("%s: pdffonts row %q: want an embedded subset CID TrueType DejaVu Sans with a ToUnicode map", name, r)
				continue
			}
			faces = append(faces, m[2])
		}
		slices.Sort(faces)
		// Both have a bold heading.
		if wantFaces := []string{"DejaVuSans", "DejaVuSans-Bold"}; !slices.Equal(faces, wantFaces) {
			t.Errorf("%s: pdffonts lists %q, want %q:\n%s", name, faces, wantFaces, strings.Join(rows, "\n"))
		}
		text := extracted(t, pdftotext, fonts)
		for _, w := range want[name] {
			if !strings.Contains(text, w) {
				t.Errorf("%s: pdftotext lacks %q:\n%s", name, w, text)
			}
		}
		if rows := strings.Split(strings.TrimSpace(run(t, pdffonts, outlines)), "\n"); len(rows) != 2 {
			t.Errorf("%s, outlines: pdffonts lists fonts:\n%s", name, strings.Join(rows, "\n"))
		}
		if text := extracted(t, pdftotext, outlines); text != "" {
			t.Errorf("%s, outlines: pdftotext finds text %q", name, text)
		}
	}
}

// TestPDFFontsLookLikeOutlines renders both kinds of PDF with Poppler's
// pdftoppm at 300 dpi and compares the pixels: the embedded fonts show the
// glyphs the outlines draw, at the same places (Visual order, Arabic
// joining forms, kerning), so every dark pixel of one picture has a dark
// or grey one within a pixel in the other. Poppler puts glyphs of fonts on
// whole pixels vertically and antialiases their edges its own way, so
// pixels are not compared one for one. Two names set wrong (a Hebrew one
// in logical order, an Arabic one with two letters swapped) leave 450
// dark pixels alone here.
func TestPDFFontsLookLikeOutlines(t *testing.T) {
	pdftoppm := poppler(t, "pdftoppm")[0]
	dir := t.TempDir()
	for name, write := range pdfFigures(t) {
		var imgs [2]image.Image
		for i, m := range []PDFText{PDFFonts, PDFOutlines} {
			f := filepath.Join(dir, name+"-"+string(m))
			if err := os.WriteFile(f+".pdf", write(m), 0o644); err != nil {
				t.Fatal(err)
			}
			run(t, pdftoppm, "-r", "300", "-gray", "-png", "-singlefile", f+".pdf", f)
			b, err := os.ReadFile(f + ".png")
			if err != nil {
				t.Fatal(err)
			}
			if imgs[i], err = png.Decode(bytes.NewReader(b)); err != nil {
				t.Fatal(err)
			}
		}
		if imgs[0].Bounds() != imgs[1].Bounds() {
			t.Fatalf("%s: fonts %v, outlines %v pixels", name, imgs[0].Bounds(), imgs[1].Bounds())
		}
		a, b := lonely(imgs[0], imgs[1]), lonely(imgs[1], imgs[0])
		if a.dark < 10000 || a.n > 10 || b.n > 10 {
			t.Errorf("%s: of %d dark pixels with fonts, %d have none near them with outlines; of %d with outlines, %d the other way", name, a.dark, a.n, b.dark, b.n)
		}
	}
}

type lonelyCount struct{ dark, n int }

// lonely counts the dark pixels of a (below 128 of 255) and those of
// them with no pixel below 224 in b's 3 x 3 neighbourhood.
func lonely(a, b image.Image) lonelyCount {
	r := a.Bounds()
	gray := func(m image.Image, x, y int) uint8 {
		if g, ok := m.(*image.Gray); ok {
			return g.GrayAt(x, y).Y
		}
		v, _, _, _ := m.At(x, y).RGBA()
		return uint8(v >> 8)
	}
	var c lonelyCount
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if gray(a, x, y) >= 128 {
				continue
			}
			c.dark++
			near := false
			for dy := -1; dy <= 1 && !near; dy++ {
				for dx := -1; dx <= 1 && !near; dx++ {
					p := image.Point{X: x + dx, Y: y + dy}
					near = p.In(r) && gray(b, p.X, p.Y) < 224
				}
			}
			if !near {
				c.n++
			}
		}
	}
	return c
}
