package data

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"
)

var (
	// A year first, then month and day: 2013-1-22, 2013/01/22, 2013.1.22,
	// perhaps with a time (2013-01-15 00:00:00, 2013-01-15T10:00).
	ymdRE = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$`)
	// Day and month in either order, then the year: 1/3/2014, 15.01.13.
	dmyRE = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$`)
	// An Excel day number: 41290 is 2013-01-15.
	serialRE = regexp.MustCompile(`^\d{5}(?:\.\d+)?$`)
)

// namedMonthLayouts are dates with the month's name, as typed or shown by
// a spreadsheet (Excel's d-mmm-yy).
var namedMonthLayouts = []string{"2 Jan 2006", "2 January 2006", "Jan 2, 2006", "January 2, 2006", "Jan 2 2006", "January 2 2006", "2-Jan-2006", "2-Jan-06", "2 Jan 06"}

// dateHint suggests the YYYY-MM-DD reading of a date written another way,
// or both readings when the day and month could be either: "" when it
// sees none.
func dateHint(s string) string {
	if m := ymdRE.FindStringSubmatch(s); m != nil {
		y, a, b := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if d, ok := ymd(y, a, b); ok {
			return "did you mean " + d + "?"
		}
		if d, ok := ymd(y, b, a); ok {
			return "did you mean " + d + "? the month comes before the day"
		}
		return ""
	}
	if m := dmyRE.FindStringSubmatch(s); m != nil {
		a, b, y := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if len(m[3]) == 2 {
			// Excel's rule for two-digit years: 00-29 are 2000-2029.
			if y < 30 {
				y += 2000
			} else {
				y += 1900
			}
		}
		dayFirst, ok1 := ymd(y, b, a)
		monthFirst, ok2 := ymd(y, a, b)
		switch {
		case ok1 && ok2 && a != b:
			return fmt.Sprintf("the day and month are ambiguous: %s (day first) or %s (month first)?", dayFirst, monthFirst)
		case ok1:
			return "did you mean " + dayFirst + "?"
		case ok2:
			return "did you mean " + monthFirst + "?"
		}
		return ""
	}
	if serialRE.MatchString(s) {
		v, _ := strconv.ParseFloat(s, 64)
		if t, err := excelize.ExcelDateToTime(v, false); err == nil {
			return "an Excel day number? it is " + t.Format("2006-01-02")
		}
	}
	for _, layout := range namedMonthLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return "did you mean " + t.Format("2006-01-02") + "?"
		}
	}
	return ""
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// ymd formats a date as YYYY-MM-DD when it exists.
func ymd(y, m, d int) (string, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// shareHint suggests the share a percentage typed as a number means: 20
// is 0.20.
func shareHint(v float64) string {
	if v < 2 || v > 100 {
		return ""
	}
	s := strconv.FormatFloat(v/100, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i < 0 {
		s += ".00"
	} else if len(s)-i == 2 {
		s += "0"
	}
	return "shares are 0..1: did you mean " + s + "?"
}

// percent reads a share written as a percentage, "30%" (or "30 %"), as
// 0.3.
func percent(s string) (float64, bool) {
	n, ok := strings.CutSuffix(s, "%")
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(n), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v / 100, true
}

// decimalCommaRE is a number written with a decimal comma: 0,3 or -1,25.
var decimalCommaRE = regexp.MustCompile(`^[-+]?\d+,\d+$`)

// spellingKey folds the ways one word is typed: case, spaces and
// punctuation, and a plural s. "Non-profits", "nonprofit" and "Nonprofit "
// share a key.
func spellingKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	k := b.String()
	if len(k) > 3 && strings.HasSuffix(k, "s") {
		k = k[:len(k)-1]
	}
	return k
}

// nameIndex maps names (lower-cased and trimmed) to the ids that carry
// them, so a name typed where an id belongs can be recognised.
type nameIndex map[string][]string

func (n nameIndex) add(name, id string) {
	k := strings.ToLower(strings.TrimSpace(name))
	if k == "" {
		return
	}
	if ids := n[k]; len(ids) == 0 || ids[len(ids)-1] != id {
		n[k] = append(ids, id)
	}
}

// hint returns `that is the name of G01; use the id` when v is the name
// of one or more ids; what is "name" or "label of sector".
func (n nameIndex) hint(v, what string) string {
	ids := n[strings.ToLower(strings.TrimSpace(v))]
	if len(ids) == 0 {
		return ""
	}
	list := ids[0]
	switch {
	case len(ids) == 2:
		list = ids[0] + " and " + ids[1]
	case len(ids) > 2:
		list = strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
	}
	return fmt.Sprintf("that is the %s %s; use the id", what, list)
}

// labelParts returns a sector label and, for a label in two languages
// ("Government / ממשלה"), each of its parts.
func labelParts(label string) []string {
	parts := []string{label}
	if strings.Contains(label, "/") {
		for _, p := range strings.Split(label, "/") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
	}
	return parts
}

// headerSynonyms are the other names people give the required columns
// (compared in lower case, with spaces, hyphens and underscores taken
// out), for 'the header has "organization": did you mean "org"?' where
// the spelling is too far off for closest.
var headerSynonyms = map[string][]string{
	"org":     {"organization", "organisation", "orgid", "organizationid", "organisationid", "member", "participant"},
	"forum":   {"forumid", "committee", "group"},
	"meeting": {"meetingid", "session"},
	"source":  {"from", "respondent", "reporter", "ego"},
	"target":  {"to", "partner", "alter"},
	"wave":    {"year", "round", "survey"},
	"id":      {"code", "orgid", "organizationid", "forumid", "meetingid"},
	"sector":  {"sectorid", "category"},
	"share":   {"target", "quota", "percent", "percentage"},
	"date":    {"meetingdate"},
}

// synonym returns the heading of header that is another name for the
// required column req.
func synonym(req string, header []string) (string, bool) {
	norm := func(s string) string {
		return strings.NewReplacer(" ", "", "-", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	}
	for _, h := range header {
		if slices.Contains(headerSynonyms[req], norm(h)) {
			return h, true
		}
	}
	return "", false
}
