package out

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// cutWords are words a shortened label should not end on before its
// ellipsis: "Volunteering and…" says less than "Volunteering…employment".
var cutWords = map[string]bool{
	"and": true, "of": true, "in": true, "the": true, "for": true, "to": true, "on": true, "at": true,
	"&": true, "a": true, "an": true, "with": true, "by": true, "or": true, "-": true, "–": true, "—": true,
}

// DistinctLabels shortens each name to at most max characters so that
// different names keep different labels: a name that fits stays whole;
// a longer one is cut after its longest run of whole words (Abbreviate),
// unless that ends on a word such as "and" or "of" or gives the label of
// another name, in which case it keeps its first and last words around an
// ellipsis ("Volunteering…employment"), as many last words as fit. Names that still cannot be told apart in max
// characters, and repeated names, get " (2)", " (3)", ... in order.
func DistinctLabels(names []string, max int) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = Abbreviate(n, max)
		if out[i] != n && endsOnCutWord(out[i]) {
			out[i] = headTail(n, max)
		}
	}
	// Different names with one label: first and last words instead.
	groups := map[string][]int{}
	for i, l := range out {
		groups[l] = append(groups[l], i)
	}
	for _, g := range groups {
		if len(g) < 2 || allSame(names, g) {
			continue
		}
		for _, i := range g {
			if utf8.RuneCountInString(names[i]) > max {
				out[i] = headTail(names[i], max)
			}
		}
	}
	seen := map[string]int{}
	for i, l := range out {
		seen[l]++
		if seen[l] > 1 {
			suffix := " (" + strconv.Itoa(seen[l]) + ")"
			out[i] = Abbreviate(l, max-utf8.RuneCountInString(suffix)) + suffix
		}
	}
	return out
}

func allSame(names []string, idx []int) bool {
	for _, i := range idx[1:] {
		if names[i] != names[idx[0]] {
			return false
		}
	}
	return true
}

func endsOnCutWord(label string) bool {
	l := strings.TrimSuffix(label, "…")
	ws := strings.Fields(l)
	if len(ws) == 0 {
		return false
	}
	return cutWords[strings.ToLower(ws[len(ws)-1])]
}

// headTail keeps the first word of name and as many of its last words as
// fit (cut in the middle when even one does not) around an ellipsis, in
// at most max characters.
func headTail(name string, max int) string {
	ws := strings.Fields(name)
	if len(ws) < 2 || max < 5 {
		return Abbreviate(name, max)
	}
	head := ws[0]
	best := ""
	for k := 1; k < len(ws); k++ {
		t := strings.Join(ws[len(ws)-k:], " ")
		if cutWords[strings.ToLower(ws[len(ws)-k])] {
			continue
		}
		s := head + "…" + t
		if utf8.RuneCountInString(s) > max {
			break
		}
		best = s
	}
	if best != "" {
		return best
	}
	// Even one last word does not fit: split the budget.
	hr, tr := []rune(head), []rune(ws[len(ws)-1])
	room := max - 1
	h := min(len(hr), room/2)
	t := min(len(tr), room-h)
	h = min(len(hr), room-t)
	return string(hr[:h]) + "…" + string(tr[len(tr)-t:])
}
