package typeset

import (
	"golang.org/x/text/unicode/bidi"
)

// reorder returns the runes of one line in Visual order by the Unicode
// bidirectional algorithm (UAX #9, https://unicode.org/reports/tr9/) for
// text without explicit embedding or isolate controls: paragraph level
// from the first strong letter (P2, P3), weak types (W1-W7), paired
// brackets (N0), neutrals (N1, N2), implicit levels (I1, I2), then
// reversal from the highest level (L2) and mirroring of brackets at odd
// levels (L4). golang.org/x/text's Paragraph.Order resolves brackets
// wrongly (a closing bracket after digits in Hebrew text stays
// left-to-right), so the rules are applied here; the results are checked
// against GNU FriBidi (testdata/bidi.txt).
func reorder(rs []rune) []rune {
	n := len(rs)
	if n == 0 {
		return rs
	}
	t := make([]bidi.Class, n)
	for i, r := range rs {
		p, _ := bidi.LookupRune(r)
		t[i] = p.Class()
	}
	// P2, P3.
	para := 0
	for _, c := range t {
		if c == bidi.L {
			break
		}
		if c == bidi.R || c == bidi.AL {
			para = 1
			break
		}
	}
	sos := bidi.L
	if para == 1 {
		sos = bidi.R
	}
	// Explicit formatting characters are treated as boundary neutrals.
	for i, c := range t {
		switch c {
		case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI, bidi.BN:
			t[i] = bidi.ON
		}
	}
	// W1: NSM takes the type of the previous character.
	for i, c := range t {
		if c == bidi.NSM {
			if i == 0 {
				t[i] = sos
			} else {
				t[i] = t[i-1]
			}
		}
	}
	// W2: EN after AL becomes AN. W3: AL becomes R.
	last := sos
	for i, c := range t {
		switch c {
		case bidi.L, bidi.R, bidi.AL:
			last = c
		case bidi.EN:
			if last == bidi.AL {
				t[i] = bidi.AN
			}
		}
	}
	for i, c := range t {
		if c == bidi.AL {
			t[i] = bidi.R
		}
	}
	// W4: a single ES between ENs is EN; a single CS between two numbers
	// of the same type takes that type.
	for i := 1; i+1 < n; i++ {
		if t[i] == bidi.ES && t[i-1] == bidi.EN && t[i+1] == bidi.EN {
			t[i] = bidi.EN
		}
		if t[i] == bidi.CS && (t[i-1] == bidi.EN && t[i+1] == bidi.EN || t[i-1] == bidi.AN && t[i+1] == bidi.AN) {
			t[i] = t[i-1]
		}
	}
	// W5: ETs next to an EN become EN.
	for i := 0; i < n; {
		if t[i] != bidi.ET {
			i++
			continue
		}
		j := i
		for j < n && t[j] == bidi.ET {
			j++
		}
		if i > 0 && t[i-1] == bidi.EN || j < n && t[j] == bidi.EN {
			for k := i; k < j; k++ {
				t[k] = bidi.EN
			}
		}
		i = j
	}
	// W6: other separators and terminators become ON.
	for i, c := range t {
		if c == bidi.ES || c == bidi.ET || c == bidi.CS {
			t[i] = bidi.ON
		}
	}
	// W7: EN after L (or sos L) becomes L.
	last = sos
	for i, c := range t {
		switch c {
		case bidi.L, bidi.R:
			last = c
		case bidi.EN:
			if last == bidi.L {
				t[i] = bidi.L
			}
		}
	}
	emb := sos
	strong := func(c bidi.Class) bidi.Class {
		switch c {
		case bidi.L:
			return bidi.L
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R
		}
		return bidi.ON
	}
	// N0: paired brackets.
	for _, pr := range bracketPairs(rs, t) {
		found := bidi.ON
		for k := pr[0] + 1; k < pr[1]; k++ {
			c := strong(t[k])
			if c == emb {
				found = emb
				break
			}
			if c != bidi.ON {
				found = c
			}
		}
		if found == bidi.ON {
			continue
		}
		dir := found
		if found != emb {
			ctx := sos
			for k := pr[0] - 1; k >= 0; k-- {
				if c := strong(t[k]); c != bidi.ON {
					ctx = c
					break
				}
			}
			if ctx != found {
				dir = emb
			}
		}
		t[pr[0]], t[pr[1]] = dir, dir
		// Non-spacing marks after a bracket follow it.
		for _, k := range pr {
			for k+1 < n && isNSM(rs[k+1]) {
				k++
				t[k] = dir
			}
		}
	}
	// N1, N2: runs of neutrals take the direction around them when both
	// sides agree (numbers count as R), else the embedding direction.
	isNeutral := func(c bidi.Class) bool {
		return c == bidi.B || c == bidi.S || c == bidi.WS || c == bidi.ON
	}
	for i := 0; i < n; {
		if !isNeutral(t[i]) {
			i++
			continue
		}
		j := i
		for j < n && isNeutral(t[j]) {
			j++
		}
		before, after := sos, sos
		if i > 0 {
			before = strong(t[i-1])
		}
		if j < n {
			after = strong(t[j])
		}
		dir := emb
		if before == after {
			dir = before
		}
		for k := i; k < j; k++ {
			t[k] = dir
		}
		i = j
	}
	// I1, I2.
	lv := make([]int, n)
	for i, c := range t {
		switch {
		case para == 0 && c == bidi.R:
			lv[i] = 1
		case para == 0 && (c == bidi.AN || c == bidi.EN):
			lv[i] = 2
		case para == 1 && (c == bidi.L || c == bidi.EN || c == bidi.AN):
			lv[i] = 2
		default:
			lv[i] = para
		}
	}
	// L1: trailing white space goes to the paragraph level.
	for i := n - 1; i >= 0; i-- {
		c, _ := bidi.LookupRune(rs[i])
		if c.Class() != bidi.WS {
			break
		}
		lv[i] = para
	}
	// L2: reverse every run at or above each level, highest first.
	out := append([]rune(nil), rs...)
	top := 0
	lowOdd := 99
	for _, l := range lv {
		top = max(top, l)
		if l%2 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	// L4 first (mirroring depends on the logical level).
	for i := range out {
		if lv[i]%2 == 1 {
			if m, ok := mirror[out[i]]; ok {
				out[i] = m
			}
		}
	}
	for level := top; level >= lowOdd && level >= 1; level-- {
		for i := 0; i < n; {
			if lv[i] < level {
				i++
				continue
			}
			j := i
			for j < n && lv[j] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				out[a], out[b] = out[b], out[a]
				lv[a], lv[b] = lv[b], lv[a]
			}
			i = j
		}
	}
	return out
}

func isNSM(r rune) bool {
	p, _ := bidi.LookupRune(r)
	return p.Class() == bidi.NSM
}

// mirror maps the brackets and comparison signs that L4 mirrors.
var mirror = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹',
}

// openers maps each opening bracket of BD16 that names use to its closer.
var openers = map[rune]rune{'(': ')', '[': ']', '{': '}'}

// bracketPairs returns the paired brackets of rs (BD16), in order of
// their opening bracket, considering only brackets whose type is still ON.
func bracketPairs(rs []rune, t []bidi.Class) [][2]int {
	type open struct {
		close rune
		at    int
	}
	var stack []open
	var pairs [][2]int
	for i, r := range rs {
		if t[i] != bidi.ON {
			continue
		}
		if c, ok := openers[r]; ok {
			if len(stack) == 63 {
				break
			}
			stack = append(stack, open{c, i})
			continue
		}
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].close == r {
				pairs = append(pairs, [2]int{stack[k].at, i})
				stack = stack[:k]
				break
			}
		}
	}
	// Sort by opening position.
	for i := 1; i < len(pairs); i++ {
		for j := i; j > 0 && pairs[j][0] < pairs[j-1][0]; j-- {
			pairs[j], pairs[j-1] = pairs[j-1], pairs[j]
		}
	}
	return pairs
}

// IsRTL reports whether the first strongly directional letter of s is
// right-to-left (Hebrew, Arabic, ...): the paragraph direction of the
// Unicode bidirectional algorithm (rules P2, P3).
func IsRTL(s string) bool {
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

// Visual returns s shaped (Arabic letters in their joining forms) and in
// Visual order, left to right, as the Unicode bidirectional algorithm
// (UAX #9) lays out a single line with no explicit embeddings.
func Visual(s string) string {
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
