package out

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sectornet/sectornet/graph"
)

// Abbreviate shortens name to at most max characters for a label: the
// part before a " – " or " - " separator when that fits, else the longest
// run of whole words that fits followed by "…". Names that fit are
// returned as they are.
func Abbreviate(name string, max int) string {
	if utf8.RuneCountInString(name) <= max {
		return name
	}
	for _, sep := range []string{" – ", " — ", " - ", ": ", " ("} {
		if i := strings.Index(name, sep); i > 0 && utf8.RuneCountInString(name[:i]) <= max {
			return strings.TrimSpace(name[:i]) + "…"
		}
	}
	words := strings.Fields(name)
	var b strings.Builder
	for _, w := range words {
		n := utf8.RuneCountInString(b.String())
		add := utf8.RuneCountInString(w)
		if n > 0 {
			add++
		}
		if n+add > max-1 {
			break
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	if b.Len() == 0 {
		rs := []rune(name)
		return string(rs[:max-1]) + "…"
	}
	return strings.TrimRight(b.String(), ",;:–—-") + "…"
}

// MaxLabel is the length past which labels are abbreviated; the full name
// stays in the SVG tooltip.
const MaxLabel = 26

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// andList joins "a", "a and b", "a, b and c".
func andList(ss []string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}

// orgNameList names organizations by name (their id when unnamed), at
// most limit of them (0 for all), then "and N more".
func orgNameList(d *graph.Dataset, idx []int, limit int) string {
	var names []string
	for k, i := range idx {
		if limit > 0 && k == limit {
			names = append(names, fmt.Sprintf("and %d more", len(idx)-limit))
			break
		}
		o := d.Orgs[i]
		if o.Name != "" {
			names = append(names, o.Name)
		} else {
			names = append(names, o.ID)
		}
	}
	return strings.Join(names, ", ")
}
