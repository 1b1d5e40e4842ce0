package out

import (
	"fmt"
	"math"

	"github.com/sectornet/sectornet/graph"
)

// EngagementSection is the report's "Engagement and trends" section: the
// story of who keeps coming and who drifts away as its lead, the seats
// filled, lapsed members and the log-rank test as measures, the watch list
// as its first table, then the caller's figures (attendance heat map,
// retention curves, trends) and tables (EngagementTables, RetentionTables,
// TrendTable, IndicatorsTable, with the files the report wrote them to).
// Skipped when d has no forum meetings.
func EngagementSection(d *graph.Dataset, e *graph.Engagement, r graph.Retention, ci graph.CIIndicators, figures []DocFigure, tables []DocTable) DocSection {
	s := DocSection{ID: "engagement", Title: "Engagement and trends"}
	if len(e.Members) == 0 || countMet(e) == 0 {
		s.Skipped = "the dataset has no forum meetings with members (meetings.csv, participation.csv)"
		return s
	}
	var seats graph.AttendanceCounts
	lapsed, never := 0, 0
	for _, me := range e.Members {
		seats.Held += me.Held
		seats.Attended += me.Attended
		switch me.Tier {
		case graph.TierLapsed:
			lapsed++
		case graph.TierNever:
			never++
		}
	}
	s.Lead = []string{
		fmt.Sprintf("Members came to %s of the %d meetings they could have attended (%d forum seats in %d forums that met). %d %s lapsed: they came before but to none of their forum's last %d meetings; %d never came at all.",
			percent(seats.Rate()), seats.Held, len(e.Members), countMet(e), lapsed, plural(lapsed, "member has", "members have"), e.Options.Recent, never),
	}
	low, lowRate := -1, math.Inf(1)
	for k, g := range e.Sectors {
		if g.Held > 0 && g.Rate() < lowRate {
			low, lowRate = k, g.Rate()
		}
	}
	if low >= 0 {
		g := e.Sectors[low]
		s.Lead = append(s.Lead, fmt.Sprintf("%s came least: to %s of their meetings, %s of the most recent ones; %d of their %d seats have lapsed.",
			d.Sectors[low].Name(), percent(g.Rate()), percent(g.RecentRate()), g.Tiers[graph.TierLapsed], g.Members))
	}
	s.Lead = append(s.Lead, "The watch list below is what sectornet engagement --check prints after each meeting's attendance is entered.")
	s.Measures = []MeasureNote{
		{Name: "seats filled", Value: percent(seats.Rate()),
			Meaning: "the share of the meetings members could attend that they did: continuous communication needs people in the room"},
		{Name: "lapsed members", Value: fmt.Sprint(lapsed),
			Meaning: fmt.Sprintf("members who came before but missed their forum's last %d meetings: partners to call before they are lost", e.Options.Recent)},
	}
	if lr := r.LogRank; !math.IsNaN(lr.P) {
		s.Measures = append(s.Measures, MeasureNote{Name: "retention by sector (log-rank p)", Value: fmt.Sprintf("%.2g", lr.P),
			Meaning: "whether members of some sectors stop coming sooner than others; a small p (below 0.05) says the difference is unlikely to be chance"})
	}
	if ci.Backbone >= 0 && ci.BackboneRank > 0 {
		s.Measures = append(s.Measures, MeasureNote{Name: "brokerage of the backbone", Value: fmt.Sprint(ci.BackboneBrokerage),
			Meaning: fmt.Sprintf("the brokerage roles of %s, which connects organizations of different sectors (betweenness rank %d)", d.Orgs[ci.Backbone].Name, ci.BackboneRank)})
	}
	s.Figures = figures
	s.Tables = append([]DocTable{{Table: WatchTable(d, e)}}, tables...)
	return s
}
