package main

import (
	"github.com/spf13/pflag"

	"github.com/sectornet/sectornet/out"
)

// pdfTextFlag is --pdf-text of render and chart: fonts (the default) or
// outlines, refused when parsed otherwise.
type pdfTextFlag struct{ p *out.PDFText }

func (f pdfTextFlag) String() string { return string(*f.p) }
func (f pdfTextFlag) Type() string   { return "string" }

func (f pdfTextFlag) Set(s string) error {
	t, err := out.ParsePDFText(s)
	if err != nil {
		return err
	}
	*f.p = t
	return nil
}

// addPDFText adds --pdf-text, setting *p (out.PDFFonts unless given).
func addPDFText(fs *pflag.FlagSet, p *out.PDFText) {
	*p = out.PDFFonts
	fs.Var(pdfTextFlag{p}, "pdf-text", "PDF only: fonts (text in embedded, subset DejaVu Sans: selectable and searchable, as journals ask) or outlines (every letter a filled shape, no fonts in the file)")
}
