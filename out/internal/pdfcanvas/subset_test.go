package pdfcanvas

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/sectornet/sectornet/out/internal/typeset"
)

// TestSubsetGlyphs reads a subset back with golang.org/x/image/font/sfnt,
// a parser independent of this package's: every kept glyph (and .notdef,
// and the parts of the composite "é") has the outline and advance it has
// in DejaVu Sans at the same index, every other glyph is empty with no
// advance, and the font ends after the last kept glyph. fontTools 4.38
// (Debian python3-fonttools; TTFont on the fonts mutool extract pulls out
// of a figure) finds the same: no drawn glyph differs from DejaVu Sans.
func TestSubsetGlyphs(t *testing.T) {
	for _, bold := range []bool{false, true} {
		src := typeset.TTF(bold)
		orig, err := sfnt.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parseTTF(src)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		var keep []int
		for _, r := range "Aé ממשלה" + "\u0644" {
			g, err := orig.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				t.Fatalf("%q: glyph %d, %v", r, g, err)
			}
			keep = append(keep, int(g))
		}
		sub, err := sfnt.Parse(f.subset(keep))
		if err != nil {
			t.Fatalf("bold %v: the subset does not parse: %v", bold, err)
		}
		eacute, _ := orig.GlyphIndex(&buf, 'é')
		parts := components(f.glyph(int(eacute)))
		if len(parts) != 2 {
			t.Fatalf("é: components %v, want a base and an accent", parts)
		}
		kept := append(append([]int{0}, keep...), parts...)
		last := slices.Max(kept)
		if n := sub.NumGlyphs(); n != last+1 {
			t.Errorf("bold %v: %d glyphs, want %d (up to the last kept)", bold, n, last+1)
		}
		ppem := fixed.Int26_6(orig.UnitsPerEm())
		for g := range last + 1 {
			gi := sfnt.GlyphIndex(g)
			subAdv, err := sub.GlyphAdvance(&buf, gi, ppem, 0)
			if err != nil {
				t.Fatal(err)
			}
			subSegs, err := sub.LoadGlyph(&buf, gi, ppem, nil)
			if err != nil {
				t.Fatalf("glyph %d: %v", g, err)
			}
			subSegs = slices.Clone(subSegs)
			if !slices.Contains(kept, g) {
				if subAdv != 0 || len(subSegs) != 0 {
					t.Errorf("bold %v, glyph %d: dropped but advance %v, %d segments", bold, g, subAdv, len(subSegs))
				}
				continue
			}
			adv, _ := orig.GlyphAdvance(&buf, gi, ppem, 0)
			segs, err := orig.LoadGlyph(&buf, gi, ppem, nil)
			if err != nil {
				t.Fatal(err)
			}
			if adv != subAdv || !slices.Equal(segs, subSegs) {
				t.Errorf("bold %v, glyph %d: advance %v, %d segments; in DejaVu Sans %v, %d", bold, g, subAdv, len(subSegs), adv, len(segs))
			}
		}
	}
}

// TestSubsetTag checks the tag's form (six capitals, ISO 32000-1 9.6.4)
// and that it follows the glyphs.
func TestSubsetTag(t *testing.T) {
	a, b := subsetTag("DejaVuSans", []int{3, 4}), subsetTag("DejaVuSans", []int{3, 5})
	for _, s := range []string{a, b} {
		if len(s) != 6 || strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			t.Errorf("tag %q: want six capital letters", s)
		}
	}
	if a == b || a != subsetTag("DejaVuSans", []int{3, 4}) {
		t.Errorf("tags %q, %q: want the same for the same glyphs, different otherwise", a, b)
	}
}
