package out

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// FirstsTables say, meeting by meeting, how many pairs of organizations met
// for the first time, and of those from different sectors; which top
// meetings (0 for all) introduced the most cross-sector pairs; with pairs,
// every pair's first meeting.
func FirstsTables(ctx context.Context, a *Analysis, top int, pairs bool) (*Tables, error) {
	d := a.Dataset
	if len(d.Meetings) == 0 || len(d.Attendance) == 0 {
		return nil, &RequestError{errors.New("firsts needs meetings (meetings.csv) and who attended them (attendance.csv); the dataset has none")}
	}
	fr := a.Firsts()
	date := func(m int) string { return d.Meetings[m].Date.Format("2006-01-02") }

	mt := &Table{Name: "meetings", Title: "First meetings, meeting by meeting",
		Columns: []string{"meeting", "forum", "date", "attendees", "pairs", "new_pairs", "new_cross_sector_pairs", "cumulative_pairs", "cumulative_cross_sector_pairs"}}
	for _, m := range fr.Meetings {
		x := d.Meetings[m.Meeting]
		mt.Add(x.ID, x.Forum, date(m.Meeting), m.Attendees, m.Pairs, m.NewPairs, m.NewCrossSector, m.Cumulative, m.CumulativeCross)
	}
	if n := len(fr.Meetings); n > 0 {
		last := fr.Meetings[n-1]
		mt.Notes = append(mt.Notes, fmt.Sprintf("%d distinct pairs of organizations met at %d meetings; %d of them from different sectors.", last.Cumulative, n, last.CumulativeCross))
	}

	tt := &Table{Name: "top_meetings", Title: "Meetings that introduced the most cross-sector pairs",
		Columns: []string{"rank", "meeting", "forum", "date", "new_cross_sector_pairs", "new_pairs"}}
	for k, m := range fr.TopIntroducers(top) {
		x := d.Meetings[m.Meeting]
		tt.Add(k+1, x.ID, x.Forum, date(m.Meeting), m.NewCrossSector, m.NewPairs)
	}
	ts := []*Table{mt, tt}
	if pairs {
		pt := &Table{Name: "pairs", Title: "Pairs and their first meeting together",
			Columns: []string{"org_a", "org_b", "sector_a", "sector_b", "cross_sector", "first_meeting", "first_date", "meetings_together"}}
		for _, p := range fr.Pairs {
			a, b := d.Orgs[p.A], d.Orgs[p.B]
			pt.Add(a.ID, b.ID, a.Sector, b.Sector, p.CrossSector, d.Meetings[p.Meeting].ID, date(p.Meeting), p.Meetings)
		}
		ts = append(ts, pt)
	}
	return tables(ts...), ctx.Err()
}

// SuggestOptions choose the introductions SuggestTable lists.
type SuggestOptions struct {
	Org     int // only introductions for this organization (index into Dataset.Orgs); -1 for all
	Limit   int // at most this many; 0 for all
	Wave    string
	Type    string
	Rule    graph.Rule
	Missing graph.Missing
}

// SuggestTable lists introductions worth making: cross-sector pairs with no
// tie in the wave, ranked by the Adamic-Adar index over shared forums and
// common partners, each with its reason spelled out.
func SuggestTable(ctx context.Context, a *Analysis, o SuggestOptions) (*Tables, error) {
	d := a.Dataset
	ss, wave, err := graph.Suggest(d, graph.SuggestOptions{Wave: o.Wave, Type: o.Type, Org: o.Org, Limit: o.Limit, Rule: o.Rule, Missing: o.Missing})
	if err != nil {
		return nil, &RequestError{err}
	}
	what := "ties of wave " + wave
	if o.Type != "" {
		what = o.Type + " " + what
	}
	title := "Introductions worth making (" + what + ")"
	if o.Org >= 0 {
		title = "Introductions worth making for " + d.Orgs[o.Org].ID + " (" + what + ")"
	}
	t := &Table{Name: "suggestions", Title: title,
		Columns: []string{"rank", "org_a", "name_a", "sector_a", "org_b", "name_b", "sector_b", "adamic_adar", "shared_forums", "common_partners", "reason"}}
	for k, x := range ss {
		a, b := x.A, x.B
		if o.Org >= 0 && b == o.Org {
			a, b = b, a
		}
		oa, ob := d.Orgs[a], d.Orgs[b]
		t.Add(k+1, oa.ID, oa.Name, oa.Sector, ob.ID, ob.Name, ob.Sector, x.Score, len(x.SharedForums), len(x.CommonPartners), suggestionReason(d, x, wave))
	}
	t.Notes = append(t.Notes, "Pairs from different sectors with no tie in wave "+wave+", ranked by the Adamic-Adar index over shared forums and common partners (sum of 1/log(degree) over what they share).")
	if len(ss) == 0 {
		t.Notes = append(t.Notes, "No pair from different sectors without a tie shares a forum or a partner.")
	}
	return tables(t), ctx.Err()
}

// suggestionReason spells out what a suggested pair has in common.
func suggestionReason(d *graph.Dataset, x graph.Suggestion, wave string) string {
	var parts []string
	if len(x.SharedForums) > 0 {
		names := make([]string, len(x.SharedForums))
		for k, f := range x.SharedForums {
			names[k] = d.Forums[f].Name
			if names[k] == "" {
				names[k] = d.Forums[f].ID
			}
		}
		parts = append(parts, "both in "+andList(names))
	}
	if n := len(x.CommonPartners); n > 0 {
		parts = append(parts, fmt.Sprintf("%d common %s: %s", n, plural(n, "partner", "partners"), orgNameList(d, x.CommonPartners, 5)))
	}
	if len(x.EarlierWaves) > 0 {
		parts = append(parts, "collaborated in "+andList(x.EarlierWaves)+", not in "+wave)
	}
	return strings.Join(parts, "; ")
}
