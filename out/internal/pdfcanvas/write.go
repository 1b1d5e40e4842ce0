package pdfcanvas

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"image"
	"image/color"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
)

// doc is a PDF file being written: objects numbered from 1 in the order
// they are made, each written at once.
type doc struct {
	buf     bytes.Buffer
	offsets []int // of object i+1
}

func (d *doc) reserve() int {
	d.offsets = append(d.offsets, -1)
	return len(d.offsets)
}

func (d *doc) put(n int, body string, stream []byte) {
	d.offsets[n-1] = d.buf.Len()
	fmt.Fprintf(&d.buf, "%d 0 obj\n%s\n", n, body)
	if stream != nil {
		d.buf.WriteString("stream\n")
		d.buf.Write(stream)
		d.buf.WriteString("\nendstream\n")
	}
	d.buf.WriteString("endobj\n")
}

// object writes a dictionary or other object and returns its number.
func (d *doc) object(body string) int {
	n := d.reserve()
	d.put(n, body, nil)
	return n
}

// stream writes data compressed (FlateDecode) with the extra dictionary
// entries dict, and returns its number.
func (d *doc) stream(dict string, data []byte) int {
	n := d.reserve()
	z := deflate(data)
	d.put(n, fmt.Sprintf("<< /Length %d /Filter /FlateDecode %s>>", len(z), dict), z)
	return n
}

func deflate(b []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(b)
	w.Close()
	return z.Bytes()
}

// WriteTo writes the PDF.
func (c *Canvas) WriteTo(w io.Writer) (int64, error) {
	d := &doc{}
	// A binary comment marks the file as binary for transfer programs.
	d.buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	catalog, pages, page := d.reserve(), d.reserve(), d.reserve()
	d.put(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages), nil)
	d.put(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page), nil)

	var res strings.Builder
	res.WriteString("<< /ProcSet [/PDF /Text /ImageB /ImageC]")
	if len(c.fonts) > 0 {
		res.WriteString(" /Font <<")
		for _, f := range c.fonts {
			n, err := f.write(d)
			if err != nil {
				return 0, err
			}
			fmt.Fprintf(&res, " /F%d %d 0 R", f.res, n)
		}
		res.WriteString(" >>")
	}
	if len(c.alphas) > 0 {
		res.WriteString(" /ExtGState <<")
		for i, a := range c.alphas {
			n := d.object(fmt.Sprintf("<< /Type /ExtGState /ca %s /CA %s >>", num(a), num(a)))
			fmt.Fprintf(&res, " /GS%d %d 0 R", i+1, n)
		}
		res.WriteString(" >>")
	}
	if len(c.images) > 0 {
		res.WriteString(" /XObject <<")
		for i, img := range c.images {
			fmt.Fprintf(&res, " /Im%d %d 0 R", i+1, writeImage(d, img))
		}
		res.WriteString(" >>")
	}
	res.WriteString(" >>")
	content := d.stream("", c.content.Bytes())
	d.put(page, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources %s /Contents %d 0 R >>",
		pages, num(float64(c.w)), num(float64(c.h)), res.String(), content), nil)

	date := "D:" + c.date.UTC().Format("20060102150405") + "Z"
	info := fmt.Sprintf("<< /Producer (sectornet) /CreationDate (%s) /ModDate (%s)", date, date)
	if c.title != "" {
		info += " /Title " + textString(c.title)
	}
	infoObj := d.object(info + " >>")

	xref := d.buf.Len()
	fmt.Fprintf(&d.buf, "xref\n0 %d\n0000000000 65535 f \n", len(d.offsets)+1)
	for _, off := range d.offsets {
		fmt.Fprintf(&d.buf, "%010d 00000 n \n", off)
	}
	// The file identifier is a hash of the file, so the same drawing
	// gives the same one.
	id := fmt.Sprintf("%X", md5.Sum(d.buf.Bytes()))
	fmt.Fprintf(&d.buf, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(d.offsets)+1, catalog, infoObj, id, id, xref)
	n, err := w.Write(d.buf.Bytes())
	return int64(n), err
}

// textString writes s as a PDF text string: literal when ASCII, else
// UTF-16BE with its byte order mark.
func textString(s string) string {
	ascii := true
	for _, r := range s {
		if r >= 0x80 || r < 0x20 {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// writeImage writes img as an 8-bit RGB image with its opacity as a soft
// mask when it has any, and returns its object.
func writeImage(d *doc, img image.Image) int {
	r := img.Bounds()
	rgb := make([]byte, 0, 3*r.Dx()*r.Dy())
	alpha := make([]byte, 0, r.Dx()*r.Dy())
	opaque := true
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 255
		}
	}
	dims := "/Width " + strconv.Itoa(r.Dx()) + " /Height " + strconv.Itoa(r.Dy()) + " /BitsPerComponent 8"
	smask := ""
	if !opaque {
		m := d.stream("/Type /XObject /Subtype /Image /ColorSpace /DeviceGray "+dims+" ", alpha)
		smask = fmt.Sprintf("/SMask %d 0 R ", m)
	}
	return d.stream("/Type /XObject /Subtype /Image /ColorSpace /DeviceRGB "+dims+" "+smask, rgb)
}
