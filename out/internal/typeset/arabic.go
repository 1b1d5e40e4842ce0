package typeset

import "strings"

// Arabic joining: for each letter of U+0621..U+064A its presentation forms
// (Unicode's Arabic Presentation Forms-B, U+FE80..U+FEFC) in the order
// isolated, final, initial, medial; right-joining letters have only the
// first two.
var arabicForms = map[rune][]rune{
	0x0621: {0xFE80},
	0x0622: {0xFE81, 0xFE82}, 0x0623: {0xFE83, 0xFE84}, 0x0624: {0xFE85, 0xFE86},
	0x0625: {0xFE87, 0xFE88}, 0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, 0x0627: {0xFE8D, 0xFE8E},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92}, 0x0629: {0xFE93, 0xFE94},
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98}, 0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0}, 0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, 0x062F: {0xFEA9, 0xFEAA}, 0x0630: {0xFEAB, 0xFEAC},
	0x0631: {0xFEAD, 0xFEAE}, 0x0632: {0xFEAF, 0xFEB0},
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, 0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, 0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, 0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC}, 0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4}, 0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC}, 0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4}, 0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, 0x0648: {0xFEED, 0xFEEE},
	0x0649: {0xFEEF, 0xFEF0}, 0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
}

// lamAlef maps the alef that follows a lam to the ligature's isolated form
// (the final form is the next code point).
var lamAlef = map[rune]rune{0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}

const tatweel = 0x0640

// arabicTransparent reports marks that do not break joining (harakat).
func arabicTransparent(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670
}

// joinsForward reports whether r connects to the letter after it.
func joinsForward(r rune) bool {
	return r == tatweel || len(arabicForms[r]) == 4
}

// joinsBackward reports whether r connects to the letter before it.
func joinsBackward(r rune) bool {
	return r == tatweel || len(arabicForms[r]) >= 2
}

// shapeArabic replaces Arabic letters by their contextual presentation
// forms (isolated, initial, medial, final) and lam-alef by its ligature,
// in logical order. Letters outside U+0621..U+064A are kept as they are.
func shapeArabic(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0621 && r <= 0x064A }) {
		return s
	}
	rs := []rune(s)
	prevLetter := func(i int) rune {
		for i--; i >= 0; i-- {
			if !arabicTransparent(rs[i]) {
				return rs[i]
			}
		}
		return 0
	}
	nextLetter := func(i int) (rune, int) {
		for i++; i < len(rs); i++ {
			if !arabicTransparent(rs[i]) {
				return rs[i], i
			}
		}
		return 0, -1
	}
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		forms, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		before := joinsForward(prevLetter(i))
		next, ni := nextLetter(i)
		if lig, ok := lamAlef[next]; r == 0x0644 && ok {
			if before {
				lig++
			}
			out = append(out, lig)
			// Keep the marks between lam and alef, drop the alef.
			out = append(out, rs[i+1:ni]...)
			i = ni
			continue
		}
		after := len(forms) == 4 && joinsBackward(next)
		switch {
		case before && after:
			out = append(out, forms[3])
		case before && len(forms) >= 2:
			out = append(out, forms[1])
		case after:
			out = append(out, forms[2])
		default:
			out = append(out, forms[0])
		}
	}
	return string(out)
}
