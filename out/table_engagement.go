package out

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

func meetingDate(d *graph.Dataset, m int) any {
	if m < 0 {
		return nil
	}
	return d.Meetings[m].Date.Format("2006-01-02")
}

func tierCounts(t [6]int) []any {
	out := make([]any, 0, len(graph.Tiers))
	for _, k := range graph.Tiers {
		out = append(out, t[k])
	}
	return out
}

func tierColumns() []string {
	var cs []string
	for _, k := range graph.Tiers {
		cs = append(cs, strings.ReplaceAll(k.String(), " ", "_"))
	}
	return cs
}

// EngagementThresholds says in one line how the tiers are drawn.
func EngagementThresholds(o graph.EngagementOptions) string {
	return fmt.Sprintf("Tiers: core attends at least %s of the meetings held since joining, regular at least %s, occasional less; lapsed attended before but none of the forum's last %d; never attended none.",
		percent(o.Core), percent(o.Regular), o.Recent)
}

func percent(v float64) string { return FormatFloat(math.Round(v*1000)/10) + "%" }

// EngagementTables are the attendance record of every forum member, of
// every organization in a forum, and their sums per sector and per forum.
func EngagementTables(d *graph.Dataset, e *graph.Engagement) []*Table {
	o := e.Options
	recent := fmt.Sprintf("recent: the forum's last %d meetings", o.Recent)
	mt := &Table{Name: "members", Title: "Attendance of each forum member",
		Columns: []string{"forum", "org", "name", "sector", "held", "attended", "rate", "recent_held", "recent_attended", "recent_rate", "earlier_rate", "first", "last", "missed_in_a_row", "tier"}}
	for _, me := range e.Members {
		org := d.Orgs[me.Org]
		mt.Add(d.Forums[me.Forum].ID, org.ID, org.Name, org.Sector, me.Held, me.Attended, me.Rate(), me.RecentHeld, me.RecentAttended,
			me.RecentRate(), me.EarlierRate(), meetingDate(d, me.First), meetingDate(d, me.Last), me.Missed, me.Tier.String())
	}
	mt.Notes = []string{"held: meetings of the forum since the member joined (participation.csv's joined column; from the start when blank); " + recent + "; earlier: the meetings before them.",
		EngagementThresholds(o)}
	ot := &Table{Name: "organizations", Title: "Attendance of each organization over its forums",
		Columns: []string{"org", "name", "sector", "forums", "held", "attended", "rate", "recent_rate", "guest_attendances", "first", "last", "missed_in_a_row", "tier"}}
	for _, oe := range e.Orgs {
		if oe.Memberships == 0 && oe.Guest == 0 {
			continue
		}
		org := d.Orgs[oe.Org]
		tier := any(oe.Tier.String())
		if oe.Memberships == 0 {
			tier = nil // a guest only
		}
		ot.Add(org.ID, org.Name, org.Sector, oe.Memberships, oe.Held, oe.Attended, oe.Rate(), oe.RecentRate(), oe.Guest,
			meetingDate(d, oe.First), meetingDate(d, oe.Last), oe.Missed, tier)
	}
	ot.Notes = []string{"Sums over the organization's forums; guest attendances are at meetings of forums it does not sit in (not in the rates); missed_in_a_row counts its forums' meetings since its last attendance anywhere."}
	group := func(name, title, col string, gs []graph.GroupEngagement, id func(int) string) *Table {
		t := &Table{Name: name, Title: title, Columns: append([]string{col, "members", "held", "attended", "rate", "recent_rate"}, tierColumns()...)}
		for _, g := range gs {
			if g.Members == 0 {
				continue
			}
			t.Add(append([]any{id(g.Index), g.Members, g.Held, g.Attended, g.Rate(), g.RecentRate()}, tierCounts(g.Tiers)...)...)
		}
		return t
	}
	st := group("sectors", "Attendance per sector", "sector", e.Sectors, func(k int) string { return d.Sectors[k].ID })
	st.Notes = []string{"members counts forum seats: an organization in three forums counts three times; the tiers count seats too."}
	ft := group("forums", "Attendance per forum", "forum", e.Forums, func(f int) string { return d.Forums[f].ID })
	return []*Table{mt, ot, st, ft}
}

// WatchMessage is one line of the engagement watch list, in words.
func WatchMessage(d *graph.Dataset, e *graph.Engagement, w graph.Watch) string {
	f := oneLine(d.Forums[w.Forum].ID)
	if w.Member < 0 {
		return fmt.Sprintf("%s: no %s member or guest at the last %d %s (target %s)",
			f, oneLine(d.Sectors[w.Sector].ID), w.Window, plural(w.Window, "meeting", "meetings"), percent(w.Target))
	}
	me := e.Members[w.Member]
	org := d.Orgs[me.Org]
	before := fmt.Sprintf("%d of %d before", me.Attended-me.RecentAttended, me.Held-me.RecentHeld)
	if w.Kind == graph.WatchLapsed {
		return fmt.Sprintf("%s: %s (%s) came to none of the last %d %s (%s; last on %s)",
			f, oneLine(org.Name), oneLine(org.ID), me.RecentHeld, plural(me.RecentHeld, "meeting", "meetings"), before, meetingDate(d, me.Last))
	}
	return fmt.Sprintf("%s: %s (%s) came to %d of the last %d meetings, down from %s",
		f, oneLine(org.Name), oneLine(org.ID), me.RecentAttended, me.RecentHeld, before)
}

// WatchTable is the watch list as a table (forum, check, org, sector,
// earlier and recent rates, target, message).
func WatchTable(d *graph.Dataset, e *graph.Engagement) *Table {
	t := &Table{Name: "watch", Title: "Engagement watch list",
		Columns: []string{"forum", "check", "org", "sector", "earlier_rate", "recent_rate", "missed_in_a_row", "target", "message"}}
	for _, w := range e.Watch {
		var org, missed any
		if w.Org >= 0 {
			org, missed = d.Orgs[w.Org].ID, w.Missed
		}
		var sector any
		if w.Sector >= 0 {
			sector = d.Sectors[w.Sector].ID
		}
		t.Add(d.Forums[w.Forum].ID, strings.ReplaceAll(w.Kind.String(), " ", "_"), org, sector, w.Earlier, w.Recent, missed, w.Target, WatchMessage(d, e, w))
	}
	return t
}

// WriteWatch writes the watch list of e: a line each in the table format
// (an ok line when the list is empty), else WatchTable in format f. It
// returns the one line that ends a check whose list is not empty ("3
// lines on the engagement watch list in 2 of 4 forums"), "" when it is
// empty.
func WriteWatch(w io.Writer, d *graph.Dataset, e *graph.Engagement, f Format) (string, error) {
	forums := 0 // forums with members that met
	for f, g := range e.Forums {
		if g.Members > 0 && len(e.Schedule[f]) > 0 {
			forums++
		}
	}
	if f == FormatTable {
		for _, x := range e.Watch {
			if _, err := fmt.Fprintln(w, WatchMessage(d, e, x)); err != nil {
				return "", err
			}
		}
		if len(e.Watch) == 0 {
			if _, err := fmt.Fprintf(w, "ok: no member lapsed or falling, and every targeted sector at the last %d meetings, in %d %s\n",
				e.Options.Recent, forums, plural(forums, "forum", "forums")); err != nil {
				return "", err
			}
		}
	} else if err := WatchTable(d, e).Write(w, f); err != nil {
		return "", err
	}
	if len(e.Watch) == 0 {
		return "", nil
	}
	in := map[int]bool{}
	for _, x := range e.Watch {
		in[x.Forum] = true
	}
	return fmt.Sprintf("%d %s on the engagement watch list in %d of %d %s",
		len(e.Watch), plural(len(e.Watch), "line", "lines"), len(in), forums, plural(forums, "forum", "forums")), nil
}

// RetentionTables are the retention per sector (members who came, those
// who lapsed, the median time with its 95% interval) with the log-rank
// test in a note, and every step of the Kaplan-Meier curves.
func RetentionTables(d *graph.Dataset, r graph.Retention) []*Table {
	unit := r.Unit.String()
	st := &Table{Name: "retention", Title: "Retention of forum members by sector (Kaplan-Meier, in " + unit + ")",
		Columns: []string{"sector", "members_who_came", "lapsed", "still_coming_at_end", "median", "median_lower_95", "median_upper_95"}}
	add := func(id string, km graph.KMCurve) {
		end := math.NaN()
		if n := len(km.Steps); n > 0 {
			end = km.Steps[n-1].Survival
		}
		st.Add(id, km.Subjects, km.Events, end, km.Median, km.MedianLower, km.MedianUpper)
	}
	for k, km := range r.Sectors {
		if km.Subjects > 0 {
			add(d.Sectors[k].ID, km)
		}
	}
	add("all", r.All)
	lr := r.LogRank
	st.Notes = []string{
		fmt.Sprintf("A member lapses when it attended none of its forum's last meetings; its time runs from its first attendance to its last (%s), others are censored at the forum's last meeting. %d %s who never came %s left out. Median: the time by which half had lapsed (empty when fewer than half did).",
			unitPhrase(r.Unit), r.Never, plural(r.Never, "member", "members"), plural(r.Never, "is", "are")),
	}
	if !math.IsNaN(lr.Statistic) {
		st.Notes = append(st.Notes, fmt.Sprintf("Log-rank test of equal retention in the %d sectors: chi-square %s, df %d, p = %s (as R survival's survdiff).",
			lr.Groups, FormatFloat(math.Round(lr.Statistic*1000)/1000), lr.DF, FormatFloat(pRound(lr.P))))
	}
	ct := &Table{Name: "retention_curve", Title: "Kaplan-Meier retention curves",
		Columns: []string{"sector", "time", "at_risk", "lapsed", "censored", "still_coming", "std_err", "lower_95", "upper_95"}}
	curve := func(id string, km graph.KMCurve) {
		for _, s := range km.Steps {
			ct.Add(id, s.Time, s.AtRisk, s.Events, s.Censored, s.Survival, s.StdErr, s.Lower, s.Upper)
		}
	}
	for k, km := range r.Sectors {
		curve(d.Sectors[k].ID, km)
	}
	curve("all", r.All)
	return []*Table{st, ct}
}

func unitPhrase(u graph.RetentionUnit) string {
	if u == graph.RetentionDays {
		return "days between them"
	}
	return "meetings of the forum, both counted"
}

// pRound keeps four significant digits of a p-value.
func pRound(p float64) float64 {
	if p == 0 || math.IsNaN(p) || math.IsInf(p, 0) {
		return p
	}
	mag := math.Pow(10, 3-math.Floor(math.Log10(p)))
	return math.Round(p*mag) / mag
}

// TrendTable is the indicators per period, with each targeted sector's
// attendance share and its gap to the key.
func TrendTable(d *graph.Dataset, trends []graph.PeriodTrend, p graph.Period) *Table {
	t := &Table{Name: "trends", Title: "Indicators per " + periodWord(p),
		Columns: []string{"period", "start", "end", "meetings", "attendances", "organizations", "pairs_met", "cross_sector_pairs", "cross_share", "new_pairs", "new_cross_sector_pairs", "density", "ei"}}
	for _, s := range d.Sectors {
		t.Columns = append(t.Columns, "voice_"+s.ID, "voice_gap_"+s.ID)
	}
	for _, pt := range trends {
		var start, end any
		if !pt.Start.IsZero() {
			start = pt.Start.Format("2006-01-02")
		}
		if !pt.End.IsZero() {
			end = pt.End.Format("2006-01-02")
		}
		row := []any{pt.Label, start, end, pt.Meetings, pt.Attendances, pt.Orgs, pt.Pairs, pt.Cross, pt.CrossShare, pt.NewPairs, pt.NewCross, pt.Density, pt.EI.Index}
		for _, v := range pt.Voice {
			row = append(row, v.Share, v.Gap)
		}
		t.Add(row...)
	}
	t.Notes = []string{"pairs_met: pairs of organizations at a meeting of the period together; new_pairs: meeting for the first time; density and ei: the period's co-attendance network over every organization; voice: the sector's share of attendances, gap: less its target (the key of each meeting's forum, averaged over the attendances)."}
	return t
}

func periodWord(p graph.Period) string {
	switch p {
	case graph.PeriodWaves:
		return "period between survey waves"
	case graph.PeriodAll:
		return "the whole record"
	case graph.PeriodHalf:
		return "half-year"
	}
	return p.String()
}

// IndicatorsTable relates the partnership's numbers to the conditions of
// Collective Impact they inform, worded as indicators.
func IndicatorsTable(d *graph.Dataset, ci graph.CIIndicators) *Table {
	t := &Table{Name: "indicators", Title: "Indicators for the conditions of Collective Impact",
		Columns: []string{"condition", "indicator", "value", "reading"}}
	row := func(cond, ind string, v any, reading string) { t.Add(cond, ind, v, reading) }
	row("continuous communication", "meetings held", ci.Meetings, fmt.Sprintf("%d distinct attendances", ci.Attendances))
	if !math.IsNaN(ci.SeatsFilled) {
		row("continuous communication", "share of members' seats filled", ci.SeatsFilled,
			fmt.Sprintf("members came to %s of the meetings they could attend; %d %s lapsed", percent(ci.SeatsFilled), ci.Lapsed, plural(ci.Lapsed, "member has", "members have")))
	}
	if ci.FirstPeriod != "" {
		row("continuous communication", "meetings in the last period", ci.LastMeetings,
			fmt.Sprintf("%d in %s, %d in %s", ci.FirstMeetings, ci.FirstPeriod, ci.LastMeetings, ci.LastPeriod))
	}
	if !math.IsNaN(ci.CrossShareMet) {
		row("mutually reinforcing activities", "share of pairs who met that cross sectors", ci.CrossShareMet, "organizations of different sectors sitting at one meeting")
	}
	if ci.NewCrossSector >= 0 {
		row("mutually reinforcing activities", "new cross-sector collaboration ties", ci.NewCrossSector, "reported in "+ci.To+", absent in "+ci.From)
	} else {
		row("mutually reinforcing activities", "new cross-sector collaboration ties", nil, "needs two survey waves")
	}
	if ci.JointLastWave >= 0 {
		row("mutually reinforcing activities", "joint-work ties in the last wave", ci.JointLastWave, "pairs reporting a tie whose type says joint (joint project)")
	}
	if ci.Backbone >= 0 {
		o := d.Orgs[ci.Backbone]
		how := "named in organizations.csv's backbone column"
		if ci.BackboneFrom == graph.BackboneBoardChair {
			how = "the board's chair (add a backbone column to organizations.csv to name another)"
		}
		if ci.BackboneRank > 0 {
			row("backbone support", "brokerage roles of the backbone", ci.BackboneBrokerage,
				fmt.Sprintf("%s (%s), %s; betweenness rank %d of %d over shared forums", o.Name, o.ID, how, ci.BackboneRank, len(d.Orgs)))
		}
	} else {
		row("backbone support", "brokerage roles of the backbone", nil, "no backbone organization: add a backbone column (yes) to organizations.csv")
	}
	if !math.IsNaN(ci.ResponseRate) {
		src := "respondents.csv"
		if ci.ResponseInferred {
			src = "respondents inferred: organizations that reported a tie"
		}
		row("shared measurement", "survey response rate, "+ci.ResponseWave, ci.ResponseRate, src)
	} else {
		row("shared measurement", "survey response rate", nil, "needs a survey wave (ties.csv)")
	}
	t.Notes = []string{"The conditions of J. Kania and M. Kramer, \"Collective Impact\", Stanford Social Innovation Review 9(1), 2011. These numbers inform a condition; they do not show that it is met. The common agenda has no indicator in these records."}
	return t
}
