package pdfcanvas

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"golang.org/x/image/font/sfnt"

	"github.com/sectornet/sectornet/out/internal/typeset"
)

// fontUse is a face used on the page: its resource name /F<res> and the
// glyphs shown, each with its advance and its text.
type fontUse struct {
	bold   bool
	res    int
	glyphs map[sfnt.GlyphIndex]typeset.Glyph // the first use of each
}

func (c *Canvas) font(bold bool) *fontUse {
	for _, f := range c.fonts {
		if f.bold == bold {
			return f
		}
	}
	f := &fontUse{bold: bold, res: len(c.fonts) + 1, glyphs: map[sfnt.GlyphIndex]typeset.Glyph{}}
	c.fonts = append(c.fonts, f)
	return f
}

func (f *fontUse) use(g typeset.Glyph) {
	if _, ok := f.glyphs[g.ID]; !ok {
		f.glyphs[g.ID] = g
	}
}

// ids returns the glyphs used, in increasing order.
func (f *fontUse) ids() []sfnt.GlyphIndex {
	ids := make([]sfnt.GlyphIndex, 0, len(f.glyphs))
	for id := range f.glyphs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// faces holds the parsed regular and bold TrueType files.
var faces = [2]func() (*ttf, error){
	sync.OnceValues(func() (*ttf, error) { return parseTTF(typeset.TTF(false)) }),
	sync.OnceValues(func() (*ttf, error) { return parseTTF(typeset.TTF(true)) }),
}

func face(bold bool) (*ttf, error) {
	if bold {
		return faces[1]()
	}
	return faces[0]()
}

// write writes the font's objects (Type0 font, CIDFontType2, descriptor,
// subset font program, ToUnicode map) and returns the Type0 font's object.
func (f *fontUse) write(d *doc) (int, error) {
	t, err := face(f.bold)
	if err != nil {
		return 0, fmt.Errorf("pdfcanvas: %s: %w", typeset.FontName(f.bold), err)
	}
	ids := f.ids()
	keep := make([]int, len(ids))
	for i, id := range ids {
		keep[i] = int(id)
	}
	name := subsetTag(typeset.FontName(f.bold), keep) + "+" + typeset.FontName(f.bold)
	upem := float64(t.unitsPerEm())
	per1000 := func(v float64) string { return strconv.FormatFloat(v*1000/upem, 'f', -1, 64) }
	fu := func(v int) string { return per1000(float64(v)) }

	program := t.subset(keep)
	fileObj := d.stream(fmt.Sprintf("/Length1 %d", len(program)), program)

	// The descriptor's metrics, in glyph space (thousandths of the size).
	flags := 4 // symbolic: glyphs beyond the standard Latin set
	capHeight := t.i16("hhea", 4)
	if os2 := t.tables["OS/2"]; len(os2) >= 90 && binary.BigEndian.Uint16(os2) >= 2 {
		capHeight = int(int16(binary.BigEndian.Uint16(os2[88:])))
	}
	stemV := 80
	if os2 := t.tables["OS/2"]; len(os2) >= 6 {
		w := float64(binary.BigEndian.Uint16(os2[4:]))
		stemV = 50 + int(w/65*w/65) // as fpdf and FPDF estimate it from the weight class
	}
	italic := 0.0
	if post := t.tables["post"]; len(post) >= 8 {
		italic = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
	}
	descObj := d.object(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%s %s %s %s] /ItalicAngle %s /Ascent %s /Descent %s /CapHeight %s /StemV %d /FontFile2 %d 0 R >>",
		name, flags, fu(t.i16("head", 36)), fu(t.i16("head", 38)), fu(t.i16("head", 40)), fu(t.i16("head", 42)),
		strconv.FormatFloat(italic, 'f', -1, 64), fu(t.i16("hhea", 4)), fu(t.i16("hhea", 6)), fu(capHeight), stemV, fileObj))

	// Widths: runs of consecutive glyphs.
	var w strings.Builder
	w.WriteByte('[')
	for i := 0; i < len(ids); {
		j := i + 1
		for j < len(ids) && ids[j] == ids[j-1]+1 {
			j++
		}
		fmt.Fprintf(&w, "%d [", ids[i])
		for k := i; k < j; k++ {
			if k > i {
				w.WriteByte(' ')
			}
			w.WriteString(per1000(f.glyphs[ids[k]].Advance))
		}
		w.WriteString("] ")
		i = j
	}
	w.WriteByte(']')
	cidObj := d.object(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 0 /W %s /CIDToGIDMap /Identity >>",
		name, descObj, w.String()))

	cmap := toUnicode(ids, f.glyphs)
	cmapObj := d.stream("", []byte(cmap))
	return d.object(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		name, cidObj, cmapObj)), nil
}

// subsetTag returns the six capital letters that name a subset (ISO
// 32000-1, 9.6.4): a hash of the font's name and glyphs, so that the same
// glyphs give the same name and different subsets different ones.
func subsetTag(name string, glyphs []int) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	for _, g := range glyphs {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}

// toUnicode returns the ToUnicode CMap (Adobe Technical Note 5411) from
// each glyph to its text; .notdef, which shows characters the font lacks,
// maps to nothing.
func toUnicode(ids []sfnt.GlyphIndex, glyphs map[sfnt.GlyphIndex]typeset.Glyph) string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var ms []sfnt.GlyphIndex
	for _, id := range ids {
		if id != 0 && glyphs[id].Text != "" {
			ms = append(ms, id)
		}
	}
	for len(ms) > 0 {
		n := min(len(ms), 100) // at most 100 entries a block
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, id := range ms[:n] {
			fmt.Fprintf(&b, "<%04X> <", int(id))
			for _, u := range utf16.Encode([]rune(glyphs[id].Text)) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
		ms = ms[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.String()
}
