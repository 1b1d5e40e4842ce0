package out

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// AttendanceMapRows is the number of forum seats up to which the
// attendance heat map draws one row per member; above it, one row per
// sector and one column per period.
const AttendanceMapRows = 300

// AttendanceDiagram draws the attendance record as a heat map. Up to
// AttendanceMapRows seats: a block per forum (in dataset order), a row per
// member, grouped by sector (in the order of the sectors) and within one by
// attendance (most first), a column per meeting of the forum in date order;
// a cell is filled in the member's sector colour where it came, light grey
// where it missed a meeting held since it joined, left empty before it
// joined. Above that: a row per sector and a column per period (trends),
// each cell the share of the sector's seats filled at that period's
// meetings, from white (none) to the sector's colour (all).
func AttendanceDiagram(d *graph.Dataset, e *graph.Engagement, trends []graph.PeriodTrend, title string) *Diagram {
	if len(e.Members) > AttendanceMapRows {
		return attendanceBySector(d, e, trends, title)
	}
	styles := SectorStyles(d)
	came := map[[2]int]bool{}
	mi, oi := d.MeetingIndex(), d.OrgIndex()
	for _, a := range d.Attendance {
		m, ok1 := mi[a.Meeting]
		o, ok2 := oi[a.Org]
		if ok1 && ok2 {
			came[[2]int{m, o}] = true
		}
	}
	sec := d.OrgSectors()
	const cell, gap, nameW = 11.0, 18.0, 190.0
	dg := &Diagram{Title: title}
	add := func(n DiagramNode, x, y float64) {
		dg.Nodes = append(dg.Nodes, n)
		dg.Pos = append(dg.Pos, Point{x, y})
	}
	byForum := make([][]graph.MemberEngagement, len(d.Forums))
	for _, me := range e.Members {
		byForum[me.Forum] = append(byForum[me.Forum], me)
	}
	y := 0.0
	cols := 0
	for f, ms := range byForum {
		sched := e.Schedule[f]
		if len(ms) == 0 || len(sched) == 0 {
			continue
		}
		cols = max(cols, len(sched))
		slices.SortStableFunc(ms, func(a, b graph.MemberEngagement) int {
			if c := cmp.Compare(sec[a.Org], sec[b.Org]); c != 0 {
				return c
			}
			return cmp.Compare(b.Attended, a.Attended)
		})
		fname := d.Forums[f].Name
		if fname == "" {
			fname = d.Forums[f].ID
		}
		add(DiagramNode{ID: "forum-" + d.Forums[f].ID, Label: Abbreviate(fname, 40), Name: fname, Size: nameW + float64(len(sched))*cell, Height: 14,
			Inside: true, Plain: true, Bold: true, Class: "heading"}, (float64(len(sched))*cell-nameW)/2, y)
		y += 14
		for k, m := range sched {
			add(DiagramNode{ID: fmt.Sprintf("date-%s-%d", d.Forums[f].ID, k), Label: fmt.Sprint(k + 1), Name: d.Meetings[m].ID + " " + d.Meetings[m].Date.Format("2006-01-02"),
				Size: cell, Height: 10, Inside: true, Plain: true, Class: "heading"}, float64(k)*cell, y)
		}
		y += cell
		for _, me := range ms {
			org := d.Orgs[me.Org]
			add(DiagramNode{ID: "row-" + d.Forums[f].ID + "-" + org.ID, Label: Abbreviate(org.Name, 32), Name: org.Name,
				Info: fmt.Sprintf("%s: %d of %d meetings, %s", me.Tier, me.Attended, me.Held, org.Sector), Size: nameW, Height: cell,
				Inside: true, Plain: true, Class: "name"}, -nameW/2-4, y)
			heldFrom := len(sched) - me.Held // the meetings before it joined are the first ones
			for k, m := range sched {
				if k < heldFrom {
					continue
				}
				fill, what := "#E4E4E4", "missed"
				if came[[2]int{m, me.Org}] {
					fill, what = orgStyle(styles, sec[me.Org]).Color, "came"
				}
				add(DiagramNode{ID: fmt.Sprintf("cell-%s-%s-%d", d.Forums[f].ID, org.ID, k), Name: org.Name + ": " + what,
					Info: d.Meetings[m].ID + " " + d.Meetings[m].Date.Format("2006-01-02"), Shape: ShapeBox, Fill: fill,
					Size: cell - 1.5, Height: cell - 1.5, Class: "cell"}, float64(k)*cell, y)
			}
			y += cell
		}
		y += gap
	}
	dg.Legend.Heading = title
	for k, s := range d.Sectors {
		dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: s.Name() + ": came", Shape: ShapeSquare, Fill: styles[k].Color})
	}
	dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: "missed", Shape: ShapeSquare, Fill: "#E4E4E4"})
	dg.Legend.Notes = append(dg.Legend.Notes,
		fmt.Sprintf("View: every forum member's attendance (%d seats in %d forums that met). A row per member, grouped by sector and ordered by attendance; a column per meeting of the forum, numbered in date order; blank before a member joined.", len(e.Members), countMet(e)))
	return dg
}

func countMet(e *graph.Engagement) int {
	n := 0
	for f, s := range e.Schedule {
		if len(s) > 0 && e.Forums[f].Members > 0 {
			n++
		}
	}
	return n
}

// attendanceBySector is the aggregated heat map: sectors by periods.
func attendanceBySector(d *graph.Dataset, e *graph.Engagement, trends []graph.PeriodTrend, title string) *Diagram {
	styles := SectorStyles(d)
	// Seats held and filled per sector and period.
	mp := map[int]int{} // meeting -> period
	for p, t := range trends {
		for _, m := range meetingsIn(d, t) {
			mp[m] = p
		}
	}
	held := make([][]int, len(d.Sectors))
	filled := make([][]int, len(d.Sectors))
	for k := range held {
		held[k], filled[k] = make([]int, len(trends)), make([]int, len(trends))
	}
	came := map[[2]int]bool{}
	mi, oi := d.MeetingIndex(), d.OrgIndex()
	for _, a := range d.Attendance {
		m, ok1 := mi[a.Meeting]
		o, ok2 := oi[a.Org]
		if ok1 && ok2 {
			came[[2]int{m, o}] = true
		}
	}
	sec := d.OrgSectors()
	for _, me := range e.Members {
		s := sec[me.Org]
		if s < 0 {
			continue
		}
		sched := e.Schedule[me.Forum]
		for _, m := range sched[len(sched)-me.Held:] {
			p, ok := mp[m]
			if !ok {
				continue
			}
			held[s][p]++
			if came[[2]int{m, me.Org}] {
				filled[s][p]++
			}
		}
	}
	const cellW, cellH, nameW = 56.0, 28.0, 130.0
	dg := &Diagram{Title: title}
	add := func(n DiagramNode, x, y float64) {
		dg.Nodes = append(dg.Nodes, n)
		dg.Pos = append(dg.Pos, Point{x, y})
	}
	for p, t := range trends {
		add(DiagramNode{ID: fmt.Sprintf("period-%d", p), Label: t.Label, Name: t.Label, Size: cellW, Height: 14, Inside: true, Plain: true, Bold: true, Class: "heading"},
			float64(p)*cellW, -cellH/2-10)
	}
	for k, s := range d.Sectors {
		name, _, _ := strings.Cut(s.Name(), " / ")
		add(DiagramNode{ID: "sector-" + s.ID, Label: name, Name: s.Name(), Size: nameW, Height: cellH, Inside: true, Plain: true, Bold: true, Class: "heading"},
			-cellW/2-nameW/2-4, float64(k)*cellH)
		for p := range trends {
			r := math.NaN()
			if held[k][p] > 0 {
				r = float64(filled[k][p]) / float64(held[k][p])
			}
			label, fill := "", "#FFFFFF"
			if !math.IsNaN(r) {
				label, fill = fmt.Sprintf("%.0f%%", 100*r), mixColor("#FFFFFF", styles[k].Color, r)
			}
			add(DiagramNode{ID: fmt.Sprintf("cell-%s-%d", s.ID, p), Label: label, Name: s.Name() + ", " + trends[p].Label,
				Info: fmt.Sprintf("%d of %d seats filled", filled[k][p], held[k][p]), Shape: ShapeBox, Fill: fill,
				Size: cellW - 2, Height: cellH - 2, Inside: true, Class: "cell"}, float64(p)*cellW, float64(k)*cellH)
		}
	}
	dg.Legend.Heading = title
	for _, r := range []float64{0, 0.25, 0.5, 0.75, 1} {
		dg.Legend.Items = append(dg.Legend.Items, LegendItem{Label: fmt.Sprintf("%.0f%% of seats filled", 100*r), Shape: ShapeSquare, Fill: mixColor("#FFFFFF", "#555555", r)})
	}
	dg.Legend.Notes = append(dg.Legend.Notes,
		fmt.Sprintf("View: attendance per sector and period, aggregated: %d seats in %d forums are more than the %d rows drawn one by one. Each cell: the share of the sector's seats filled at the period's meetings, from white (none) to the sector's colour (all).",
			len(e.Members), countMet(e), AttendanceMapRows))
	return dg
}

// meetingsIn returns the meetings dated within t's start and end (open
// ends included).
func meetingsIn(d *graph.Dataset, t graph.PeriodTrend) []int {
	var ms []int
	for i, m := range d.Meetings {
		if (t.Start.IsZero() || !m.Date.Before(t.Start)) && (t.End.IsZero() || !m.Date.After(t.End)) {
			ms = append(ms, i)
		}
	}
	return ms
}

// mixColor blends colour a into b by t in 0..1 (#RRGGBB).
func mixColor(a, b string, t float64) string {
	ca, _ := ParseColor(a)
	cb, _ := ParseColor(b)
	var c [3]float64
	for i := range c {
		x, _ := parseHexByte(ca[1+2*i : 3+2*i])
		y, _ := parseHexByte(cb[1+2*i : 3+2*i])
		c[i] = float64(x) + (float64(y)-float64(x))*t
	}
	return fmt.Sprintf("#%02X%02X%02X", int(math.Round(c[0])), int(math.Round(c[1])), int(math.Round(c[2])))
}

func parseHexByte(s string) (uint64, error) { return strconv.ParseUint(s, 16, 8) }
