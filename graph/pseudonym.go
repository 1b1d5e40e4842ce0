package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// compareCodes orders codes by label, then number ("Business 9" before
// "Business 10").
func compareCodes(a, b string) int {
	la, na := splitCode(a)
	lb, nb := splitCode(b)
	if la != lb {
		return strings.Compare(la, lb)
	}
	if na != nb {
		return na - nb
	}
	return strings.Compare(a, b)
}

func splitCode(c string) (string, int) {
	if i := strings.LastIndexByte(c, ' '); i > 0 {
		if n, err := strconv.Atoi(c[i+1:]); err == nil {
			return c[:i], n
		}
	}
	return c, 0
}

// KeyEntry maps one pseudonym back to the organization it stands for.
type KeyEntry struct {
	Code     string // "Government 07"
	ID, Name string // the organization's id and name when the code was given
	Sector   string // its sector id then
}

// PseudonymOptions choose what a pseudonymized dataset keeps.
type PseudonymOptions struct {
	// Keep names the organizations' attribute columns to keep (by key,
	// case-insensitively); every other attribute column is left out,
	// since free text can name the organization.
	Keep []string
	// Seed orders the numbering of new codes within a sector (a shuffle,
	// so the numbers do not follow the file's order).
	Seed uint64
}

// SectorCodeLabel is the word a sector's pseudonyms start with: its label,
// or the part before " / " of a bilingual label ("Government / ממשלה"
// gives "Government"), or its id.
func SectorCodeLabel(s Sector) string {
	l := s.Name()
	if i := strings.Index(l, " / "); i > 0 {
		l = l[:i]
	}
	return strings.TrimSpace(l)
}

// Pseudonymize returns a copy of d in which every organization's id and
// name are its code from key (a new code for an organization the key does
// not hold, appended to the returned key), people's names are cleared
// (participation, attendance, respondents), and only the attribute
// columns in o.Keep are kept. Codes are "<sector> NN": the sector's code
// label (SectorCodeLabel) and a number, two digits or more, unique within
// the sector. Organizations come in code order (by sector, then number).
// Forums, meetings, waves and scores are unchanged; the
// loader's warnings are left out, since they quote values.
//
// added counts the new codes. The key's entries are matched by id; an
// error reports a key that gives one code to two organizations.
func Pseudonymize(d *Dataset, key []KeyEntry, o PseudonymOptions) (_ *Dataset, _ []KeyEntry, added int, err error) {
	codeOf := map[string]string{}
	used := map[string]bool{}
	next := map[string]int{} // code label -> highest number used
	key = append([]KeyEntry(nil), key...)
	for _, e := range key {
		if used[e.Code] {
			return nil, nil, 0, fmt.Errorf("code %q is given twice", e.Code)
		}
		if _, dup := codeOf[e.ID]; dup {
			return nil, nil, 0, fmt.Errorf("organization %q has two codes", e.ID)
		}
		used[e.Code] = true
		codeOf[e.ID] = e.Code
		if i := strings.LastIndexByte(e.Code, ' '); i > 0 {
			if n, err := strconv.Atoi(e.Code[i+1:]); err == nil && n > next[e.Code[:i]] {
				next[e.Code[:i]] = n
			}
		}
	}
	si := d.SectorIndex()
	label := func(sector string) string {
		if k, ok := si[sector]; ok {
			if l := SectorCodeLabel(d.Sectors[k]); l != "" {
				return l
			}
		}
		if sector == "" {
			return "Organization"
		}
		return sector
	}
	// New organizations, per code label in a seeded random order.
	var fresh []int
	for i, org := range d.Orgs {
		if _, ok := codeOf[org.ID]; !ok {
			fresh = append(fresh, i)
		}
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x5ec7041e7))
	rng.Shuffle(len(fresh), func(a, b int) { fresh[a], fresh[b] = fresh[b], fresh[a] })
	perLabel := map[string]int{}
	for _, i := range fresh {
		perLabel[label(d.Orgs[i].Sector)]++
	}
	for _, i := range fresh {
		org := d.Orgs[i]
		l := label(org.Sector)
		width := max(2, len(strconv.Itoa(next[l]+perLabel[l])))
		var code string
		for {
			next[l]++
			code = fmt.Sprintf("%s %0*d", l, width, next[l])
			if !used[code] {
				break
			}
		}
		used[code] = true
		codeOf[org.ID] = code
		key = append(key, KeyEntry{Code: code, ID: org.ID, Name: org.Name, Sector: org.Sector})
		added++
	}
	keep := map[string]bool{}
	for _, k := range o.Keep {
		keep[strings.ToLower(k)] = true
	}
	c := func(id string) string {
		if code, ok := codeOf[id]; ok {
			return code
		}
		return id
	}
	// A copy of d with every field (so fields added later are kept), the
	// slices that name organizations or people replaced.
	cp := *d
	p := &cp
	p.Orgs, p.Memberships, p.Attendance, p.Ties, p.Respondents = nil, nil, nil, nil, nil
	p.Warnings = nil // their values can quote names
	for _, org := range d.Orgs {
		q := org
		q.ID, q.Name, q.Attrs = c(org.ID), c(org.ID), nil
		for _, a := range org.Attrs {
			if keep[strings.ToLower(a.Key)] {
				q.Attrs = append(q.Attrs, a)
			}
		}
		p.Orgs = append(p.Orgs, q)
	}
	for _, m := range d.Memberships {
		m.Org, m.Person = c(m.Org), ""
		p.Memberships = append(p.Memberships, m)
	}
	for _, a := range d.Attendance {
		a.Org, a.Person = c(a.Org), ""
		p.Attendance = append(p.Attendance, a)
	}
	for _, t := range d.Ties {
		t.Source, t.Target = c(t.Source), c(t.Target)
		p.Ties = append(p.Ties, t)
	}
	for _, r := range d.Respondents {
		r.Org, r.Person = c(r.Org), ""
		p.Respondents = append(p.Respondents, r)
	}
	// Organizations in code order (sector, then number), so no table's
	// row order repeats the original file's (often alphabetical) order.
	slices.SortStableFunc(p.Orgs, func(a, b Organization) int {
		if x, y := si[a.Sector], si[b.Sector]; x != y {
			return x - y
		}
		return compareCodes(a.ID, b.ID)
	})
	slices.SortStableFunc(key[len(key)-added:], func(a, b KeyEntry) int { return compareCodes(a.Code, b.Code) })
	return p, key, added, nil
}
