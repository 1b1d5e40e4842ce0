package out

import (
	"strings"
	"unicode"
)

// MarkdownText makes s safe as inline text in Markdown (CommonMark, GitHub
// and pandoc's Markdown) while keeping it readable as plain text: only what
// a Markdown reader would take for markup is escaped. Numbers, hyphens,
// full stops and words like seat-weighted or ties.csv stay as they are.
//
// Escaped with a backslash, everywhere: \ ` * [ ] { } ~ ^ $ | @ (emphasis,
// code, links, attributes, pandoc's sub- and superscript, math, tables,
// citations and e-mail links); _ unless it joins two letters or digits
// (snake_case is not emphasis); the : of :// and the . of www. (GitHub's
// bare links); at
// the start of s, what would open a block (# heading, - + list items
// followed by a space, 1. and a) list numbers, > quotes, ( of pandoc's
// (1) lists, a line of - or =). < before a letter, /, ! or ? becomes
// &lt; (so no HTML or autolink can be written; "p < 0.001" stays) and &
// becomes &amp; where it would start an entity (&lt;,
// &#60;). Line breaks and control characters become spaces; spaces at the
// start and the end are dropped (Markdown takes them for indentation or a
// line break).
func MarkdownText(s string) string { return escapeMarkdown(s, false) }

// MarkdownCell is MarkdownText for a cell of a Markdown table: line
// breaks become <br> rather than spaces.
func MarkdownCell(s string) string { return escapeMarkdown(s, true) }

func escapeMarkdown(s string, cell bool) string {
	rs := []rune(s)
	if !cell {
		// Leading spaces would indent (four make a code block), trailing
		// ones before a line end break the line: both are dropped, with
		// what is written as a space.
		asSpace := func(r rune) bool { return r == ' ' || isControl(r) }
		for len(rs) > 0 && asSpace(rs[0]) {
			rs = rs[1:]
		}
		for len(rs) > 0 && asSpace(rs[len(rs)-1]) {
			rs = rs[:len(rs)-1]
		}
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	start := blockStart(rs)
	for i, r := range rs {
		var prev, next rune
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case i == start:
			b.WriteByte('\\')
			b.WriteRune(r)
		case strings.ContainsRune("\\`*[]{}~^$|@", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '_':
			if isWordRune(prev) && isWordRune(next) {
				b.WriteRune(r)
			} else {
				b.WriteString(`\_`)
			}
		case r == ':' && i+2 < len(rs) && rs[i+1] == '/' && rs[i+2] == '/',
			r == '.' && i >= 3 && strings.EqualFold(string(rs[i-3:i]), "www") && (i == 3 || !isWordRune(rs[i-4])):
			// Not an autolink (GitHub links bare http:// and www.).
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '<' && (next < 0x80 && unicode.IsLetter(next) || next == '/' || next == '!' || next == '?'):
			// Only < before a letter, /, ! or ? can open HTML or an
			// autolink (CommonMark 6.5, 6.6); "p < 0.001" stays as it is.
			b.WriteString("&lt;")
		case r == '&':
			if entityLike(rs[i+1:]) {
				b.WriteString("&amp;")
			} else {
				b.WriteRune(r)
			}
		case r == '\r':
			if next != '\n' {
				b.WriteString(lineBreak(cell))
			}
		case r == '\n':
			b.WriteString(lineBreak(cell))
		case isControl(r) || r == '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func lineBreak(cell bool) string {
	if cell {
		return "<br>"
	}
	return " "
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// blockStart returns the index of the rune of rs that would make the text
// open a Markdown block if it began a line, or -1.
func blockStart(rs []rune) int {
	if len(rs) == 0 {
		return -1
	}
	// A space, or what the escaper writes as one (a tab, a line break, a
	// control character).
	spaceAfter := func(i int) bool { return i+1 >= len(rs) || rs[i+1] == ' ' || isControl(rs[i+1]) }
	switch rs[0] {
	case '#', '>', '(', '=':
		return 0
	case '-', '+':
		if spaceAfter(0) {
			return 0
		}
		// A line of hyphens is a rule or a setext underline.
		only := true
		for _, r := range rs {
			only = only && (r == '-' || r == ' ' || isControl(r))
		}
		if only {
			return 0
		}
	}
	// An ordered list number: 12. or 12) or, in pandoc, a. A) iv. #.
	i := 0
	for i < len(rs) && i < 10 && (rs[i] < 0x80 && (unicode.IsDigit(rs[i]) || unicode.IsLetter(rs[i]))) {
		i++
	}
	if i > 0 && i < len(rs) && (rs[i] == '.' || rs[i] == ')') && spaceAfter(i) {
		return i
	}
	return -1
}

// entityLike reports whether rs (what follows an &) reads as the rest of
// an HTML entity: a name or #digits or #xhex, then ;.
func entityLike(rs []rune) bool {
	i := 0
	if i < len(rs) && rs[i] == '#' {
		i++
		if i < len(rs) && (rs[i] == 'x' || rs[i] == 'X') {
			i++
		}
	}
	j := i
	for j < len(rs) && j-i < 32 && rs[j] < 0x80 && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
		j++
	}
	return j > i && j < len(rs) && rs[j] == ';'
}

// CodeSpan writes s as a Markdown code span that no content can end
// early: fenced with one backtick more than the longest run inside, padded
// with a space when s starts or ends with a backtick or a space. Line
// breaks and control characters become spaces (a code span holds one
// line).
func CodeSpan(s string) string {
	var b strings.Builder
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
		if isControl(r) || r == '\t' || r == '\n' || r == '\r' {
			b.WriteByte(' ')
		} else {
			b.WriteRune(r)
		}
	}
	body := b.String()
	fence := strings.Repeat("`", longest+1)
	if body == "" {
		return fence + " " + fence
	}
	if strings.HasPrefix(body, "`") || strings.HasSuffix(body, "`") || strings.HasPrefix(body, " ") || strings.HasSuffix(body, " ") {
		body = " " + body + " "
	}
	return fence + body + fence
}
