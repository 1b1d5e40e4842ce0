package out

import (
	"strings"
	"sync"
	"unicode/utf8"

	"codeberg.org/go-fonts/dejavu/dejavusans"
	"codeberg.org/go-fonts/dejavu/dejavusansbold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
	"gonum.org/v1/plot/vg"
)

// Figures are set in DejaVu Sans (embedded from codeberg.org/go-fonts/dejavu,
// Bitstream Vera / DejaVu licence, see that module's LICENSE-DejaVu),
// which covers Latin, Hebrew and Arabic including the Arabic presentation
// forms. In PNG and PDF, text is drawn as glyph outlines in visual order,
// so the output needs no font and looks the same everywhere; in SVG it is
// text, which the viewer lays out right to left where needed.
const fontFamily = "DejaVu Sans"

type fontSet struct {
	regular, bold *opentype.Font
}

var loadFonts = sync.OnceValue(func() fontSet {
	r, err := opentype.Parse(dejavusans.TTF)
	if err != nil {
		panic("out: embedded DejaVu Sans: " + err.Error())
	}
	b, err := opentype.Parse(dejavusansbold.TTF)
	if err != nil {
		panic("out: embedded DejaVu Sans Bold: " + err.Error())
	}
	return fontSet{r, b}
})

func fontFor(bold bool) *opentype.Font {
	fs := loadFonts()
	if bold {
		return fs.bold
	}
	return fs.regular
}

// textWidth returns the advance width in points of s set at size points.
func textWidth(s string, size float64, bold bool) float64 {
	f := fontFor(bold)
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.UnitsPerEm())
	w := fixed.Int26_6(0)
	prev, hasPrev := sfnt.GlyphIndex(0), false
	for _, r := range visual(s) {
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil {
			continue
		}
		if hasPrev {
			if k, err := f.Kern(&buf, prev, idx, upem, 0); err == nil {
				w += k
			}
		}
		adv, err := f.GlyphAdvance(&buf, idx, upem, 0)
		if err == nil {
			w += adv
		}
		prev, hasPrev = idx, true
	}
	return float64(w) * size / float64(upem)
}

// textOutline returns the outline of s, set at size points with its
// baseline starting at (x, y) in a y-up coordinate system, as a path to
// fill. s is shaped and put in visual order first.
func textOutline(s string, size float64, bold bool, x, y float64) vg.Path {
	f := fontFor(bold)
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.UnitsPerEm())
	scale := size / float64(upem) / 64 // segments are in 26.6 font units
	var p vg.Path
	pen := 0.0 // in font units
	prev, hasPrev := sfnt.GlyphIndex(0), false
	for _, r := range visual(s) {
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil {
			continue
		}
		if hasPrev {
			if k, err := f.Kern(&buf, prev, idx, upem, 0); err == nil {
				pen += float64(k)
			}
		}
		segs, err := f.LoadGlyph(&buf, idx, upem*64, nil)
		if err == nil {
			ox := x + pen*size/float64(upem)
			pt := func(a fixed.Point26_6) vg.Point {
				return vg.Point{X: vg.Length(ox + float64(a.X)*scale), Y: vg.Length(y - float64(a.Y)*scale)}
			}
			open := false
			for _, sg := range segs {
				switch sg.Op {
				case sfnt.SegmentOpMoveTo:
					if open {
						p.Close()
					}
					p.Move(pt(sg.Args[0]))
					open = true
				case sfnt.SegmentOpLineTo:
					p.Line(pt(sg.Args[0]))
				case sfnt.SegmentOpQuadTo:
					p.QuadTo(pt(sg.Args[0]), pt(sg.Args[1]))
				case sfnt.SegmentOpCubeTo:
					p.CubeTo(pt(sg.Args[0]), pt(sg.Args[1]), pt(sg.Args[2]))
				}
			}
			if open {
				p.Close()
			}
		}
		adv, err := f.GlyphAdvance(&buf, idx, upem, 0)
		if err == nil {
			pen += float64(adv)
		}
		prev, hasPrev = idx, true
	}
	return p
}

// fontAscent returns the ascent of the font at size points.
func fontAscent(size float64) float64 {
	f := fontFor(false)
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.UnitsPerEm())
	m, err := f.Metrics(&buf, upem, 0)
	if err != nil {
		return size * 0.76
	}
	return float64(m.Ascent) * size / float64(upem)
}

// isRTL reports whether the first strongly directional letter of s is
// right-to-left (Hebrew, Arabic, ...): the paragraph direction of the
// Unicode bidirectional algorithm (rules P2, P3).
func isRTL(s string) bool {
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

// visual returns s shaped (Arabic letters in their joining forms) and in
// visual order, left to right, as the Unicode bidirectional algorithm
// (UAX #9) lays out a single line with no explicit embeddings.
func visual(s string) string {
	if !hasRTL(s) {
		return s
	}
	return string(reorder([]rune(shapeArabic(s))))
}

func hasRTL(s string) bool {
	for _, r := range s {
		if r >= 0x0590 && r <= 0x08FF || r >= 0xFB1D && r <= 0xFEFC {
			return true
		}
	}
	return false
}

// Arabic joining: for each letter of U+0621..U+064A its presentation forms
// (Unicode's Arabic Presentation Forms-B, U+FE80..U+FEFC) in the order
// isolated, final, initial, medial; right-joining letters have only the
// first two.
var arabicForms = map[rune][]rune{
	0x0621: {0xFE80},
	0x0622: {0xFE81, 0xFE82}, 0x0623: {0xFE83, 0xFE84}, 0x0624: {0xFE85, 0xFE86},
	0x0625: {0xFE87, 0xFE88}, 0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, 0x0627: {0xFE8D, 0xFE8E},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92}, 0x0629: {0xFE93, 0xFE94},
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98}, 0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0}, 0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, 0x062F: {0xFEA9, 0xFEAA}, 0x0630: {0xFEAB, 0xFEAC},
	0x0631: {0xFEAD, 0xFEAE}, 0x0632: {0xFEAF, 0xFEB0},
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, 0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, 0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, 0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC}, 0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4}, 0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC}, 0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4}, 0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, 0x0648: {0xFEED, 0xFEEE},
	0x0649: {0xFEEF, 0xFEF0}, 0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
}

// lamAlef maps the alef that follows a lam to the ligature's isolated form
// (the final form is the next code point).
var lamAlef = map[rune]rune{0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}

const tatweel = 0x0640

// arabicTransparent reports marks that do not break joining (harakat).
func arabicTransparent(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670
}

// joinsForward reports whether r connects to the letter after it.
func joinsForward(r rune) bool {
	return r == tatweel || len(arabicForms[r]) == 4
}

// joinsBackward reports whether r connects to the letter before it.
func joinsBackward(r rune) bool {
	return r == tatweel || len(arabicForms[r]) >= 2
}

// shapeArabic replaces Arabic letters by their contextual presentation
// forms (isolated, initial, medial, final) and lam-alef by its ligature,
// in logical order. Letters outside U+0621..U+064A are kept as they are.
func shapeArabic(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0621 && r <= 0x064A }) {
		return s
	}
	rs := []rune(s)
	prevLetter := func(i int) rune {
		for i--; i >= 0; i-- {
			if !arabicTransparent(rs[i]) {
				return rs[i]
			}
		}
		return 0
	}
	nextLetter := func(i int) (rune, int) {
		for i++; i < len(rs); i++ {
			if !arabicTransparent(rs[i]) {
				return rs[i], i
			}
		}
		return 0, -1
	}
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		forms, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		before := joinsForward(prevLetter(i))
		next, ni := nextLetter(i)
		if lig, ok := lamAlef[next]; r == 0x0644 && ok {
			if before {
				lig++
			}
			out = append(out, lig)
			// Keep the marks between lam and alef, drop the alef.
			out = append(out, rs[i+1:ni]...)
			i = ni
			continue
		}
		after := len(forms) == 4 && joinsBackward(next)
		switch {
		case before && after:
			out = append(out, forms[3])
		case before && len(forms) >= 2:
			out = append(out, forms[1])
		case after:
			out = append(out, forms[2])
		default:
			out = append(out, forms[0])
		}
	}
	return string(out)
}

// Abbreviate shortens name to at most max characters for a label: the
// part before a " – " or " - " separator when that fits, else the longest
// run of whole words that fits followed by "…". Names that fit are
// returned as they are.
func Abbreviate(name string, max int) string {
	if utf8.RuneCountInString(name) <= max {
		return name
	}
	for _, sep := range []string{" – ", " — ", " - ", ": ", " ("} {
		if i := strings.Index(name, sep); i > 0 && utf8.RuneCountInString(name[:i]) <= max {
			return strings.TrimSpace(name[:i]) + "…"
		}
	}
	words := strings.Fields(name)
	var b strings.Builder
	for _, w := range words {
		n := utf8.RuneCountInString(b.String())
		add := utf8.RuneCountInString(w)
		if n > 0 {
			add++
		}
		if n+add > max-1 {
			break
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	if b.Len() == 0 {
		rs := []rune(name)
		return string(rs[:max-1]) + "…"
	}
	return strings.TrimRight(b.String(), ",;:–—-") + "…"
}
