package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner reads the tags of a SpreadsheetML part (a sheet, the shared
// strings) one at a time, with the text before each, much faster than
// encoding/xml and without allocating per tag: these parts are large and
// simple (elements, attributes, text; no DTD). Names are local (x:row is
// row); a DOCTYPE is refused, comments and processing instructions are
// skipped, CDATA sections are text.
type xmlScanner struct {
	br *bufio.Reader
	// The current tag: its local name, raw attributes (entities not
	// decoded), whether it is an end tag or self-closing, and the raw
	// text before it since the previous tag.
	name      []byte
	attrs     []byte
	end, self bool
	text      []byte
	err       error

	textBuf []byte // text longer than the buffer
	own     []byte // the current text, copied out of the buffer
	tagBuf  []byte // a tag longer than the buffer
	cdata   []byte // text of CDATA sections, decoded already
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{br: bufio.NewReaderSize(r, 64<<10)}
}

var errXMLSyntax = errors.New("XML syntax error")

func (s *xmlScanner) fail(format string, args ...any) bool {
	s.err = fmt.Errorf("%w: %s", errXMLSyntax, fmt.Sprintf(format, args...))
	return false
}

// readUntil reads up to and including delim, in buf when it does not fit
// in the reader's buffer.
func (s *xmlScanner) readUntil(delim byte, buf *[]byte) ([]byte, error) {
	b, err := s.br.ReadSlice(delim)
	if err != bufio.ErrBufferFull {
		return b, err
	}
	*buf = append((*buf)[:0], b...)
	for {
		b, err = s.br.ReadSlice(delim)
		*buf = append(*buf, b...)
		if err != bufio.ErrBufferFull {
			return *buf, err
		}
	}
}

// next moves to the next tag; false at the end of the part (s.err nil)
// or on an error.
func (s *xmlScanner) next() bool {
	if s.err != nil {
		return false
	}
	s.cdata = s.cdata[:0]
	pieces := false // text split by comments or CDATA, gathered in s.cdata
	for {
		text, err := s.readUntil('<', &s.textBuf)
		if err != nil {
			if err != io.EOF {
				s.err = err
			}
			return false
		}
		// Owned: Peek and the next read reuse the reader's buffer.
		s.own = append(s.own[:0], text[:len(text)-1]...)
		text = s.own
		head, _ := s.br.Peek(9)
		skip := ""
		switch {
		case bytes.HasPrefix(head, []byte("!--")):
			skip = "-->"
		case bytes.HasPrefix(head, []byte("?")):
			skip = "?>"
		case bytes.HasPrefix(head, []byte("![CDATA[")):
			skip = "]]>"
		case bytes.HasPrefix(head, []byte("!")):
			return s.fail("a DOCTYPE or declaration, which a workbook has no use for")
		}
		if skip == "" {
			if pieces {
				s.cdata = append(s.cdata, decodeText(text)...)
				s.text = nil
			} else {
				s.text = text
			}
			return s.readTag()
		}
		if !pieces {
			s.cdata = append(s.cdata[:0], decodeText(text)...)
			pieces = true
		} else {
			s.cdata = append(s.cdata, decodeText(text)...)
		}
		if skip == "]]>" {
			s.br.Discard(8)
			if !s.readCDATA() {
				return false
			}
			continue
		}
		if !s.skipPast(skip) {
			return false
		}
	}
}

func (s *xmlScanner) skipPast(end string) bool {
	var buf []byte
	for {
		b, err := s.readUntil(end[len(end)-1], &buf)
		if err != nil {
			return s.fail("a comment or instruction left open")
		}
		if bytes.HasSuffix(b, []byte(end)) {
			return true
		}
	}
}

func (s *xmlScanner) readCDATA() bool {
	var buf []byte
	for {
		b, err := s.readUntil('>', &buf)
		if err != nil {
			return s.fail("a CDATA section left open")
		}
		if bytes.HasSuffix(b, []byte("]]>")) {
			s.cdata = append(s.cdata, b[:len(b)-3]...)
			return true
		}
		s.cdata = append(s.cdata, b...)
	}
}

// readTag reads a tag after its '<', quotes in attributes respected.
func (s *xmlScanner) readTag() bool {
	tag, err := s.readUntil('>', &s.tagBuf)
	if err != nil {
		return s.fail("a tag left open")
	}
	if quotes(tag)%2 == 1 { // a '>' inside an attribute's value
		own := append([]byte(nil), tag...)
		for quotes(own)%2 == 1 {
			more, err := s.br.ReadSlice('>')
			if err != nil && err != bufio.ErrBufferFull {
				return s.fail("a tag left open")
			}
			own = append(own, more...)
		}
		tag = own
	}
	tag = tag[:len(tag)-1] // without '>'
	s.end = len(tag) > 0 && tag[0] == '/'
	if s.end {
		tag = tag[1:]
	}
	s.self = len(tag) > 0 && tag[len(tag)-1] == '/'
	if s.self {
		tag = tag[:len(tag)-1]
	}
	i := 0
	for i < len(tag) && !isSpace(tag[i]) {
		i++
	}
	name := tag[:i]
	if j := bytes.IndexByte(name, ':'); j > 0 && j < len(name)-1 {
		name = name[j+1:] // the local name, as encoding/xml takes it
	}
	if len(name) == 0 {
		return s.fail("a tag without a name")
	}
	s.name, s.attrs = name, tag[i:]
	return true
}

func quotes(b []byte) int {
	q, in := 0, byte(0)
	for _, c := range b {
		switch {
		case in == 0 && (c == '"' || c == '\''):
			in = c
			q++
		case c == in:
			in = 0
			q++
		}
	}
	return q
}

func (s *xmlScanner) is(name string) bool { return string(s.name) == name }

// textValue returns the text before the current tag, entities decoded.
func (s *xmlScanner) textValue() string {
	if len(s.cdata) > 0 {
		return string(s.cdata)
	}
	return string(decodeText(s.text))
}

// attr returns the value of the current tag's attribute of local name
// local, entities decoded; "" when absent.
func (s *xmlScanner) attr(local string) string {
	a := s.attrs
	for len(a) > 0 {
		a = trimSpaceLeft(a)
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return ""
		}
		name := a[:eq]
		for len(name) > 0 && isSpace(name[len(name)-1]) {
			name = name[:len(name)-1]
		}
		if j := bytes.IndexByte(name, ':'); j > 0 && j < len(name)-1 {
			name = name[j+1:]
		}
		rest := trimSpaceLeft(a[eq+1:])
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return ""
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return ""
		}
		if string(name) == local {
			return string(decodeText(rest[1 : 1+end]))
		}
		a = rest[end+2:]
	}
	return ""
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func trimSpaceLeft(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

// decodeText decodes XML's character and entity references, and its line
// ends (CRLF and CR are LF).
func decodeText(b []byte) []byte {
	if bytes.IndexByte(b, '\r') >= 0 {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	if bytes.IndexByte(b, '&') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return append(out, b...)
		}
		out = append(out, b[:i]...)
		b = b[i:]
		semi := bytes.IndexByte(b, ';')
		if semi < 0 || semi > 12 {
			out = append(out, '&')
			b = b[1:]
			continue
		}
		ref := string(b[1:semi])
		b = b[semi+1:]
		switch ref {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			var n uint64
			var err error = errXMLSyntax
			if len(ref) > 2 && (ref[:2] == "#x" || ref[:2] == "#X") {
				n, err = strconv.ParseUint(ref[2:], 16, 32)
			} else if len(ref) > 1 && ref[0] == '#' {
				n, err = strconv.ParseUint(ref[1:], 10, 32)
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				out = append(out, "&"+ref+";"...) // kept as written
				continue
			}
			out = utf8.AppendRune(out, rune(n))
		}
	}
	return out
}

// skipElement skips the current element's content up to its end tag.
func (s *xmlScanner) skipElement() bool {
	if s.self || s.end {
		return true
	}
	depth := 1
	for s.next() {
		switch {
		case s.end:
			depth--
			if depth == 0 {
				return true
			}
		case !s.self:
			depth++
		}
	}
	if s.err == nil {
		s.fail("an element left open")
	}
	return false
}
