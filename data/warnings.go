package data

import (
	"encoding/csv"
	"fmt"
	"strings"
	"sync"

	"github.com/sectornet/sectornet/graph"
)

// warnDataset reports what loads but may not say what the dataset's
// authors meant, as warnings: the same sector or tie type spelled two
// ways (each becomes one of its own), a sector label typed as its id, a
// quota for a sector no organization is in, a forum without members, a
// meeting without attendance. Files that were
// not read whole give no warning about what they would hold.
func warnDataset(d *graph.Dataset, ln *lines, haveSectors bool, present, incomplete map[string]bool, w refWords, errs *List) {
	if !haveSectors && !incomplete[FileOrganizations] {
		warnVariants(errs, FileOrganizations, "sector", "organizations", func(yield func(string, int) bool) {
			for i, o := range d.Orgs {
				if o.Sector != "\x00" && !yield(o.Sector, ln.orgs[i]) {
					return
				}
			}
		}, sampleLabels())
	}
	if !incomplete[FileTies] {
		warnVariants(errs, FileTies, "type", "ties", func(yield func(string, int) bool) {
			for i, t := range d.Ties {
				if t.Type != "" && !yield(t.Type, ln.ties[i]) {
					return
				}
			}
		}, nil)
	}
	if !incomplete[FileOrganizations] {
		has := map[string]bool{}
		for _, o := range d.Orgs {
			has[o.Sector] = true
		}
		known := map[string]bool{}
		for _, s := range d.Sectors {
			known[s.ID] = true
		}
		warned := map[string]bool{}
		for i, q := range d.Quotas {
			if known[q.Sector] && !has[q.Sector] && q.Share > 0 && !warned[q.Sector] {
				warned[q.Sector] = true
				errs.warnf(FileQuotas, ln.quotas[i], "sector", q.Sector, "add its organizations to "+w.orgs()+", or remove its quotas",
					"no organization is in this sector, so its target cannot be met")
			}
		}
	}
	if present[FileParticipation] && !incomplete[FileParticipation] {
		has := map[string]bool{}
		for _, m := range d.Memberships {
			has[m.Forum] = true
		}
		var ids []string
		var at []int
		for i, f := range d.Forums {
			if !has[f.ID] {
				ids, at = append(ids, f.ID), append(at, ln.forums[i])
			}
		}
		warnEach(errs, FileForums, ids, at, "forum", "forums",
			"no organization is a member of this forum", "add its members to "+w.participation+", or remove the forum",
			"have no members", "add their members to "+w.participation+", or remove them")
	}
	switch {
	case len(d.Meetings) == 0 || incomplete[FileMeetings]:
	case !present[FileAttendance]:
		errs.warnf(FileMeetings, 0, "", "", "add "+w.attendance+" (meeting,org) to measure who came",
			"%d %s and no attendance, so no meeting network and no attendance counts", len(d.Meetings), plural(len(d.Meetings), "meeting", "meetings"))
	case !incomplete[FileAttendance]:
		has := map[string]bool{}
		for _, a := range d.Attendance {
			has[a.Meeting] = true
		}
		var ids []string
		var at []int
		for i, m := range d.Meetings {
			if !has[m.ID] {
				ids, at = append(ids, m.ID), append(at, ln.meetings[i])
			}
		}
		warnEach(errs, FileMeetings, ids, at, "meeting", "meetings",
			"no attendance recorded for this meeting", "add who attended to "+w.attendance+", or remove the meeting",
			"have no attendance recorded", "add who attended to "+w.attendance+", or remove them")
	}
	if !incomplete[FileTies] && !incomplete[FileRespondents] && len(d.Respondents) > 0 {
		has := map[string]bool{}
		for _, t := range d.Ties {
			has[t.Wave] = true
		}
		warned := map[string]bool{}
		for i, x := range d.Respondents {
			if has[x.Wave] || warned[x.Wave] {
				continue
			}
			warned[x.Wave] = true
			file, line := FileRespondents, ln.respondents[i]
			if line == 0 {
				file = FileOrganizations // the responded column
			}
			errs.warnf(file, line, "wave", x.Wave, "add its reports to "+w.ties+", or check the wave",
				"no tie was reported in this wave, so its collaboration network is empty")
		}
	}
}

// warnEach warns about each of a few ids (on its line, with problem and
// fix), or about many (more than 3) in one warning on the first one's
// line that lists the first three and counts them.
func warnEach(errs *List, file string, ids []string, lines []int, one, many, problem, fix, manyProblem, manyFix string) {
	if len(ids) <= 3 {
		for i, id := range ids {
			errs.warnf(file, lines[i], "id", id, fix, "%s", problem)
		}
		return
	}
	errs.warnf(file, lines[0], "", "", manyFix, "%d %s %s: %s, …", len(ids), many, manyProblem, strings.Join(ids[:3], ", "))
}

func (w refWords) orgs() string {
	if strings.HasPrefix(w.sectors, "sheet ") {
		return "sheet organizations"
	}
	return FileOrganizations
}

// warnVariants warns about values of one column that are spellings of one
// another (Business, business; non-profit, nonprofit) and so count apart:
// each spelling but the most used, on its first line. labels, when not
// nil, maps the spelling key of a sector label (Hebrew or English) to its
// id, so a label typed beside its id is caught too.
func warnVariants(errs *List, file, col, what string, values func(yield func(string, int) bool), labels map[string]string) {
	type spelling struct {
		value       string
		first, rows int
	}
	var order []string // spelling keys in order of first use
	groups := map[string][]*spelling{}
	for v, line := range values {
		k := spellingKey(v)
		if k == "" {
			k = v
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		g := groups[k]
		var sp *spelling
		for _, x := range g {
			if x.value == v {
				sp = x
			}
		}
		if sp == nil {
			sp = &spelling{value: v, first: line}
			groups[k] = append(g, sp)
		}
		sp.rows++
	}
	// A label typed as an id joins the group of the id it labels, when
	// the dataset uses that id (or an abbreviation of it: gov for
	// government).
	if labels != nil {
		for _, k := range order {
			id, ok := labels[k]
			if !ok {
				continue
			}
			target := ""
			if _, used := groups[spellingKey(id)]; used && spellingKey(id) != k {
				target = spellingKey(id)
			} else {
				for _, k2 := range order {
					if len(k2) >= 3 && k2 != k && strings.HasPrefix(spellingKey(id), k2) {
						if target != "" {
							target = ""
							break
						}
						target = k2
					}
				}
			}
			if target != "" && len(groups[target]) > 0 {
				groups[target] = append(groups[target], groups[k]...)
				groups[k] = nil
			}
		}
	}
	for _, k := range order {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		main := g[0]
		for _, sp := range g[1:] {
			if sp.rows > main.rows {
				main = sp
			}
		}
		for _, sp := range g {
			if sp == main {
				continue
			}
			kind := "another spelling"
			if spellingKey(sp.value) != spellingKey(main.value) {
				kind = "the label"
			}
			fix := fmt.Sprintf("write %q", main.value)
			if sp.rows > 1 {
				fix += fmt.Sprintf(" on its %d lines", sp.rows)
			}
			errs.warnf(file, sp.first, col, sp.value, fix, "%s of %s %q (%d %s), so counted as a %s of its own", kind, col, main.value, main.rows, plural(main.rows, strings.TrimSuffix(what, "s"), what), col)
		}
	}
}

// sampleLabels maps the spelling key of each label of the embedded
// sample's sectors, and of each language's part of it (Government,
// ממשלה), to the sector's id.
var sampleLabels = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	f, err := Sample().Open(FileSectors)
	if err != nil {
		return m
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) == 0 {
		return m
	}
	for _, r := range recs[1:] {
		if len(r) < 2 {
			continue
		}
		for _, p := range labelParts(r[1]) {
			m[spellingKey(p)] = r[0]
		}
	}
	return m
})
