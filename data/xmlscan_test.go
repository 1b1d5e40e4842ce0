package data

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// scanEvents lists what the scanner sees: start, end and self-closing
// tags by local name, and non-blank text before each.
func scanEvents(in string) ([]string, error) {
	sc := newXMLScanner(strings.NewReader(in))
	var out []string
	for sc.next() {
		if t := sc.textValue(); strings.TrimSpace(t) != "" {
			out = append(out, "text "+t)
		}
		switch {
		case sc.end:
			out = append(out, "end "+string(sc.name))
		case sc.self:
			out = append(out, "self "+string(sc.name))
		default:
			out = append(out, "start "+string(sc.name))
		}
	}
	return out, sc.err
}

// xmlEvents lists the same with encoding/xml, the reference.
func xmlEvents(in string) ([]string, error) {
	dec := xml.NewDecoder(strings.NewReader(in))
	var out []string
	var text strings.Builder
	flush := func() {
		if strings.TrimSpace(text.String()) != "" {
			out = append(out, "text "+text.String())
		}
		text.Reset()
	}
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			flush()
			out = append(out, "start "+t.Name.Local)
		case xml.EndElement:
			flush()
			out = append(out, "end "+t.Name.Local)
		case xml.CharData:
			text.Write(t)
		case xml.Comment, xml.ProcInst:
		case xml.Directive:
			return nil, fmt.Errorf("directive")
		}
	}
}

// expand writes self-closing tags as a start and an end, as
// encoding/xml gives them.
func expand(events []string) []string {
	var out []string
	for _, e := range events {
		if name, ok := strings.CutPrefix(e, "self "); ok {
			out = append(out, "start "+name, "end "+name)
			continue
		}
		out = append(out, e)
	}
	return out
}

// TestXMLScanner checks the scanner on the forms SpreadsheetML parts take
// (prefixes, self-closing tags, entities, CDATA, comments, CRLF, quotes
// and '>' in attributes) against encoding/xml, and its attributes.
func TestXMLScanner(t *testing.T) {
	in := "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" +
		`<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1" spans="1:3"><x:c r="A1" t='inlineStr'><x:is><x:t>a &amp; b &lt;c&gt; &#x5D0;&#1489;</x:t></x:is></x:c>` +
		`<x:c r="B1" s="3"/><!-- a <comment> --><x:c r="C1"><x:v>1<![CDATA[2<3]]>4</x:v></x:c></x:row>` +
		"<x:row r=\"2\"><x:c r=\"A2\" t=\"str\"><x:f>IF(A1&gt;0,\"a>b\",\"\")</x:f><x:v>line\r\nbreak</x:v></x:c></x:row></x:sheetData></x:worksheet>"
	got, err := scanEvents(in)
	if err != nil {
		t.Fatal(err)
	}
	got = expand(got)
	want, err := xmlEvents(in)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("scanner:\n%s\nencoding/xml:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sc := newXMLScanner(strings.NewReader(`<c r="A1" x:s='2' t="a&quot;b" q="x>y"/>`))
	if !sc.next() || sc.attr("r") != "A1" || sc.attr("s") != "2" || sc.attr("t") != `a"b` || sc.attr("q") != "x>y" || sc.attr("none") != "" || !sc.self {
		t.Errorf("attributes: r=%q s=%q t=%q q=%q self=%v", sc.attr("r"), sc.attr("s"), sc.attr("t"), sc.attr("q"), sc.self)
	}
	if _, err := scanEvents(`<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>`); err == nil {
		t.Error("a DOCTYPE was accepted")
	}
}

// FuzzXMLScanner compares the scanner with encoding/xml on what
// encoding/xml reads without error: the same tags and texts.
func FuzzXMLScanner(f *testing.F) {
	f.Add(`<a><b x="1">t&amp;u</b><c/></a>`)
	f.Add(`<x:row r="1"><x:c><x:v>1</x:v></x:c></x:row>`)
	f.Add("<a><!--c--><![CDATA[<>]]>\r\n</a>")
	f.Fuzz(func(t *testing.T, in string) {
		want, err := xmlEvents(in)
		got, gerr := scanEvents(in)
		got = expand(got)
		if err != nil || strings.Contains(in, "<!") || bytes.ContainsAny([]byte(in), "\x00") {
			return // encoding/xml refuses it, or directives the scanner refuses
		}
		if gerr != nil {
			t.Fatalf("scanner error %v on input encoding/xml reads", gerr)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("scanner:\n%s\nencoding/xml:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}
