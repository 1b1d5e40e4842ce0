package pdfcanvas

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// A TrueType font as its tables (https://learn.microsoft.com/typography/opentype/spec/otff).
type ttf struct {
	tables map[string][]byte
}

func parseTTF(b []byte) (*ttf, error) {
	if len(b) < 12 {
		return nil, errors.New("font file too short")
	}
	if v := binary.BigEndian.Uint32(b); v != 0x00010000 && v != 0x74727565 { // 1.0 or 'true'
		return nil, fmt.Errorf("not a TrueType font (version %#x)", v)
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, errors.New("font table directory cut short")
	}
	f := &ttf{tables: map[string][]byte{}}
	for i := range n {
		r := b[12+16*i:]
		tag := string(r[:4])
		off, l := binary.BigEndian.Uint32(r[8:]), binary.BigEndian.Uint32(r[12:])
		if uint64(off)+uint64(l) > uint64(len(b)) {
			return nil, fmt.Errorf("font table %q out of the file", tag)
		}
		f.tables[tag] = b[off : off+l]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if f.tables[t] == nil {
			return nil, fmt.Errorf("font has no %q table", t)
		}
	}
	if len(f.tables["head"]) < 54 || len(f.tables["hhea"]) < 36 || len(f.tables["maxp"]) < 6 {
		return nil, errors.New("font header tables cut short")
	}
	return f, nil
}

func (f *ttf) u16(tag string, off int) int { return int(binary.BigEndian.Uint16(f.tables[tag][off:])) }
func (f *ttf) i16(tag string, off int) int {
	return int(int16(binary.BigEndian.Uint16(f.tables[tag][off:])))
}

func (f *ttf) numGlyphs() int  { return f.u16("maxp", 4) }
func (f *ttf) unitsPerEm() int { return f.u16("head", 18) }

// glyph returns the bytes of glyph g in glyf.
func (f *ttf) glyph(g int) []byte {
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	var a, b int
	if f.i16("head", 50) == 0 { // short offsets, halved
		if 2*g+4 > len(loca) {
			return nil
		}
		a, b = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
	} else {
		if 4*g+8 > len(loca) {
			return nil
		}
		a, b = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
	}
	if a > b || b > len(glyf) {
		return nil
	}
	return glyf[a:b]
}

// components returns the glyphs a composite glyph is made of.
func components(g []byte) []int {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	const (
		argsAreWords   = 0x0001
		haveScale      = 0x0008
		moreComponents = 0x0020
		haveXYScale    = 0x0040
		haveTwoByTwo   = 0x0080
	)
	var out []int
	for p := 10; p+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, int(binary.BigEndian.Uint16(g[p+2:])))
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
	return out
}

// subset returns a TrueType font with the glyphs of keep (and .notdef,
// and the glyphs composite ones are made of) and no others, every glyph
// at its index in f, so that a PDF can show glyph g as CID g
// (CIDToGIDMap /Identity). Glyphs past the last kept one are cut; the
// ones between are empty with zero advance, as fontTools' subsetter
// leaves them with --retain-gids. Kept are the tables a PDF's TrueType
// font program needs (ISO 32000-1, 9.9: glyf, head, hhea, hmtx, loca,
// maxp, cvt, fpgm, prep) and name, OS/2 and post (version 3, no glyph
// names), so the copyright and licence travel with the glyphs; kerning
// and layout tables are dropped, and cmap maps no character (the PDF
// addresses glyphs by index and places them itself; the empty cmap keeps
// the program a complete TrueType file for readers that want one).
func (f *ttf) subset(keep []int) []byte {
	n := f.numGlyphs()
	used := make([]bool, n)
	stack := append([]int{0}, keep...)
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if g < 0 || g >= n || used[g] {
			continue
		}
		used[g] = true
		stack = append(stack, components(f.glyph(g))...)
	}
	last := 0
	for g := range used {
		if used[g] {
			last = g
		}
	}
	m := last + 1 // glyphs in the subset

	var glyf []byte
	loca := make([]byte, 4*(m+1))
	for g := range m {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		if used[g] {
			glyf = append(glyf, f.glyph(g)...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(loca[4*m:], uint32(len(glyf)))

	// hmtx: a full metric for every glyph, zero for the dropped ones.
	nhm := f.u16("hhea", 34)
	src := f.tables["hmtx"]
	hmtx := make([]byte, 4*m)
	for g := range m {
		if !used[g] {
			continue
		}
		adv, lsb := 0, 0
		if g < nhm {
			if 4*g+4 <= len(src) {
				adv, lsb = int(binary.BigEndian.Uint16(src[4*g:])), int(binary.BigEndian.Uint16(src[4*g+2:]))
			}
		} else {
			if 4*nhm <= len(src) {
				adv = int(binary.BigEndian.Uint16(src[4*(nhm-1):]))
			}
			if p := 4*nhm + 2*(g-nhm); p+2 <= len(src) {
				lsb = int(binary.BigEndian.Uint16(src[p:]))
			}
		}
		binary.BigEndian.PutUint16(hmtx[4*g:], uint16(adv))
		binary.BigEndian.PutUint16(hmtx[4*g+2:], uint16(lsb))
	}

	head := append([]byte(nil), f.tables["head"]...)
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // long loca
	hhea := append([]byte(nil), f.tables["hhea"]...)
	binary.BigEndian.PutUint16(hhea[34:], uint16(m))
	maxp := append([]byte(nil), f.tables["maxp"]...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(m))

	out := map[string][]byte{"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": loca, "glyf": glyf, "cmap": emptyCmap}
	for _, t := range []string{"cvt ", "fpgm", "prep", "OS/2"} {
		if b := f.tables[t]; b != nil {
			out[t] = b
		}
	}
	if b := f.tables["name"]; b != nil {
		out["name"] = names(b)
	}
	if p := f.tables["post"]; len(p) >= 32 {
		post := append([]byte(nil), p[:32]...)
		binary.BigEndian.PutUint32(post, 0x00030000)
		out["post"] = post
	}
	return writeTTF(out)
}

// emptyCmap is a cmap table mapping no character: one Windows Unicode
// BMP subtable (platform 3, encoding 1) of format 4 with only the segment
// that must end it (0xFFFF to 0xFFFF, to .notdef).
var emptyCmap = []byte{
	0, 0, 0, 1, // version 0, one subtable
	0, 3, 0, 1, 0, 0, 0, 12, // platform 3, encoding 1, at offset 12
	0, 4, 0, 24, 0, 0, // format 4, length 24, language 0
	0, 2, 0, 2, 0, 0, 0, 0, // segCountX2 2, searchRange 2, entrySelector 0, rangeShift 0
	0xFF, 0xFF, 0, 0, // endCode, reservedPad
	0xFF, 0xFF, 0, 1, 0, 0, // startCode, idDelta 1, idRangeOffset 0
}

// names returns the name table (format 0) with only its records of name
// IDs 0 to 6 (copyright, family, subfamily, unique id, full name, version,
// PostScript name, as fontTools' subsetter keeps by default) and 14 (the
// licence's URL); another table is returned as it is.
func names(b []byte) []byte {
	if len(b) < 6 || binary.BigEndian.Uint16(b) != 0 {
		return b
	}
	n, store := int(binary.BigEndian.Uint16(b[2:])), int(binary.BigEndian.Uint16(b[4:]))
	if 6+12*n > len(b) || store > len(b) {
		return b
	}
	var recs, strs []byte
	for i := range n {
		r := b[6+12*i : 18+12*i]
		id := binary.BigEndian.Uint16(r[6:])
		l, off := int(binary.BigEndian.Uint16(r[8:])), int(binary.BigEndian.Uint16(r[10:]))
		if id > 6 && id != 14 || store+off+l > len(b) {
			continue
		}
		rec := append([]byte(nil), r...)
		binary.BigEndian.PutUint16(rec[10:], uint16(len(strs)))
		recs = append(recs, rec...)
		strs = append(strs, b[store+off:store+off+l]...)
	}
	out := make([]byte, 6, 6+len(recs)+len(strs))
	binary.BigEndian.PutUint16(out[2:], uint16(len(recs)/12))
	binary.BigEndian.PutUint16(out[4:], uint16(6+len(recs)))
	return append(append(out, recs...), strs...)
}

// writeTTF writes tables as a TrueType file: the directory sorted by tag,
// each table on four bytes, the checksums and head's checkSumAdjustment
// set.
func writeTTF(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	hdr := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(hdr, 0x00010000)
	binary.BigEndian.PutUint16(hdr[4:], uint16(n))
	binary.BigEndian.PutUint16(hdr[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(hdr[8:], uint16(es))
	binary.BigEndian.PutUint16(hdr[10:], uint16(16*n-16<<es))
	body := []byte{}
	headAt := -1
	for i, t := range tags {
		b := tables[t]
		off := len(hdr) + len(body)
		if t == "head" {
			headAt = off
		}
		r := hdr[12+16*i:]
		copy(r, t)
		binary.BigEndian.PutUint32(r[4:], checksum(b))
		binary.BigEndian.PutUint32(r[8:], uint32(off))
		binary.BigEndian.PutUint32(r[12:], uint32(len(b)))
		body = append(body, b...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	file := append(hdr, body...)
	if headAt >= 0 {
		binary.BigEndian.PutUint32(file[headAt+8:], 0xB1B0AFBA-checksum(file))
	}
	return file
}

// checksum is the TrueType table checksum: the sum of big-endian uint32s,
// the last one padded with zeros.
func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
