package typeset

import (
	"sync"

	"codeberg.org/go-fonts/dejavu/dejavusans"
	"codeberg.org/go-fonts/dejavu/dejavusansbold"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Glyph is one glyph of a line set by Set.
type Glyph struct {
	ID sfnt.GlyphIndex
	// X is the glyph's origin and Advance its advance width, in font
	// units from the start of the line; X includes the kerning with the
	// glyph before.
	X, Advance float64
	// Text is what the glyph shows, for copying text out of a PDF: the
	// character it was chosen for, an Arabic presentation form as its
	// letter (U+FEB3 SEEN INITIAL FORM as U+0633 SEEN), a lam-alef
	// ligature as its alef then its lam (visual order, like the glyphs
	// around it, so that a reader reversing the right-to-left run gets
	// lam before alef).
	Text string
}

// Line is a line of text set in one face, in Visual order.
type Line struct {
	Glyphs     []Glyph
	UnitsPerEm float64
	Width      float64 // advance of the whole line, font units
}

// Set sets s in the regular or bold face: shaped and in Visual order,
// with the font's kerning. Width and Outline are built on it, so text
// drawn from a Line's glyphs falls exactly where the outlines do.
// Characters the font cannot map are left out.
func Set(s string, bold bool) Line {
	f := fontFor(bold)
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.UnitsPerEm())
	l := Line{UnitsPerEm: float64(upem)}
	pen := 0.0 // in font units
	prev, hasPrev := sfnt.GlyphIndex(0), false
	for _, r := range Visual(s) {
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil {
			continue
		}
		if hasPrev {
			if k, err := f.Kern(&buf, prev, idx, upem, 0); err == nil {
				pen += float64(k)
			}
		}
		g := Glyph{ID: idx, X: pen, Text: logical(r)}
		// At ppem = upem (in 26.6), the advance comes back in font units.
		if adv, err := f.GlyphAdvance(&buf, idx, upem, 0); err == nil {
			g.Advance = float64(adv)
		}
		pen += g.Advance
		l.Glyphs = append(l.Glyphs, g)
		prev, hasPrev = idx, true
	}
	l.Width = pen
	return l
}

// TTF returns the TrueType file of the regular or bold face, for
// embedding; it must not be changed.
func TTF(bold bool) []byte {
	if bold {
		return dejavusansbold.TTF
	}
	return dejavusans.TTF
}

// FontName returns the PostScript name of the regular or bold face.
func FontName(bold bool) string {
	if bold {
		return "DejaVuSans-Bold"
	}
	return "DejaVuSans"
}

// unshaped maps each Arabic presentation form that shapeArabic writes
// back to the letters it stands for, in visual order.
var unshaped = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{}
	for letter, forms := range arabicForms {
		for _, f := range forms {
			m[f] = string(letter)
		}
	}
	for alef, lig := range lamAlef {
		m[lig] = string([]rune{alef, 0x0644})
		m[lig+1] = string([]rune{alef, 0x0644})
	}
	return m
})

// logical returns the text of a character of Visual's output.
func logical(r rune) string {
	if r >= 0xFE70 && r <= 0xFEFF {
		if s, ok := unshaped()[r]; ok {
			return s
		}
	}
	return string(r)
}
