package data

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/sectornet/sectornet/graph"
)

// parseRespondents reads respondents.csv: one row per organization that
// answered a wave (org, wave; optional date YYYY-MM-DD and person).
// Repeated rows count once.
func parseRespondents(t *table, errs *List) ([]graph.Respondent, []int) {
	var out []graph.Respondent
	var ls []int
	for r := range t.records() {
		org, ok1 := requireValue(t, r, "org", errs)
		wave, ok2 := requireValue(t, r, "wave", errs)
		if !ok1 || !ok2 {
			continue
		}
		x := graph.Respondent{Org: org, Wave: wave, Person: t.get(r, "person")}
		if ds := t.get(r, "date"); ds != "" {
			d, err := time.Parse("2006-01-02", ds)
			if err != nil {
				// Reported, and kept, so its reports are not reported again.
				errs.add(&Error{File: t.file, Line: r.line, Column: t.colName("date"), Value: ds, Err: fmt.Errorf("%w: want YYYY-MM-DD", ErrDate)})
			}
			x.Date = d
		}
		out = append(out, x)
		ls = append(ls, r.line)
	}
	return out, ls
}

// parsePartner reads PARTNER's six dimensions of a report (columns
// reliability, mission, openness, power, involvement, resources, each a
// score from 1 to 4); nil when the row gives none.
func parsePartner(t *table, r record, errs *List) (*graph.PartnerReport, bool) {
	var v [6]float64
	any, ok := false, true
	for i, col := range graph.PartnerDimensions {
		x, good := parseNumber(t, r, col, math.NaN(), 1, 4, "a PARTNER score from 1 (not at all) to 4 (a great deal)", errs)
		if !good {
			ok = false
			continue
		}
		v[i] = x
		if !math.IsNaN(x) {
			any = true
		}
	}
	if !ok || !any {
		return nil, ok
	}
	return &graph.PartnerReport{Reliability: v[0], Mission: v[1], Openness: v[2], Power: v[3], Involvement: v[4], Resources: v[5]}, true
}

// RespondedColumn is the optional column of organizations.csv that lists
// the waves an organization answered ("2012 2014" or "2012;2014"), an
// alternative to respondents.csv.
const RespondedColumn = "responded"

// checkRespondents resolves respondents.csv's organizations, adds the
// waves of organizations.csv's responded column, and checks that every
// report of a wave with a respondent list comes from a listed respondent.
func checkRespondents(d *graph.Dataset, ln *lines, skipRefs bool, file string, errs *List) {
	known := map[string]bool{}
	ids := make([]string, len(d.Orgs))
	for i, o := range d.Orgs {
		known[o.ID] = true
		ids[i] = o.ID
	}
	if !skipRefs {
		for i, x := range d.Respondents {
			if !known[x.Org] {
				errs.add(&Error{File: FileRespondents, Line: ln.respondents[i], Column: "org", Value: x.Org, Err: fmt.Errorf("%w organization", ErrUnknown), Hint: suggest(x.Org, ids)})
			}
		}
	}
	for i := range d.Orgs {
		o := &d.Orgs[i]
		for k, a := range o.Attrs {
			if !strings.EqualFold(a.Key, RespondedColumn) {
				continue
			}
			for _, w := range strings.FieldsFunc(a.Value, func(r rune) bool { return r == ';' || r == ',' || r == ' ' || r == '|' }) {
				d.Respondents = append(d.Respondents, graph.Respondent{Org: o.ID, Wave: w})
				ln.respondents = append(ln.respondents, 0)
			}
			o.Attrs = append(o.Attrs[:k:k], o.Attrs[k+1:]...)
			break
		}
	}
	listed := map[string]map[string]bool{}
	for _, x := range d.Respondents {
		if listed[x.Wave] == nil {
			listed[x.Wave] = map[string]bool{}
		}
		listed[x.Wave][x.Org] = true
	}
	reported := map[[2]string]bool{}
	for i, t := range d.Ties {
		l := listed[t.Wave]
		if l == nil || l[t.Source] || !known[t.Source] || reported[[2]string{t.Wave, t.Source}] {
			continue
		}
		reported[[2]string{t.Wave, t.Source}] = true // once per organization and wave
		errs.add(&Error{File: FileTies, Line: ln.ties[i], Column: "source", Value: t.Source,
			Err:  fmt.Errorf("%w: reported a tie in wave %q but is not a respondent of that wave in %s", ErrInvalid, t.Wave, file),
			Hint: fmt.Sprintf("add the row %s,%s to %s, or check the wave", t.Source, t.Wave, file)})
	}
}
