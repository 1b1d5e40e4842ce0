package out

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// overallID names the row of all selected forums together in tables.
const overallID = "all forums"

// errNoForums is the error of a balance view of a dataset without forums.
var errNoForums = errors.New("balance needs forums (forums.csv); the dataset has none")

// BalanceTables are the forums table and the long sectors table of the
// forums (indices into Dataset.Forums; nil for all), each ending with the
// row of all forums together when there are several; in JSON one object
// with every forum and the overall balance.
func BalanceTables(a *Analysis, forums []int) (*Tables, error) {
	d := a.Dataset
	if len(d.Forums) == 0 {
		return nil, errNoForums
	}
	b := a.Balance(forums)
	ft := &Table{Name: "forums", Title: "Sector balance per forum",
		Columns: []string{"forum", "members", "capacity", "over_capacity", "key", "blau", "iqv", "entropy", "missing", "test", "statistic", "df", "p_value"}}
	st := &Table{Name: "sectors", Title: "Members and attendance per sector",
		Columns: []string{"forum", "sector", "members", "share", "target", "gap", "attended", "attendance_share", "attendance_gap", "attendance_rate"}}
	rows := b.Forums
	if len(b.Forums) > 1 {
		rows = append(append([]graph.ForumBalance(nil), b.Forums...), b.Overall)
	}
	for _, fb := range rows {
		id := overallID
		if fb.Forum >= 0 {
			id = d.Forums[fb.Forum].ID
		}
		var capacity, df any = fb.Capacity, fb.Test.DF
		if fb.Capacity == 0 {
			capacity = nil
		}
		if fb.Test.Method == graph.TestNone {
			df = nil
		}
		r3 := func(v float64) Rounded { return Round(v, 3) }
		ft.Add(id, fb.Members, capacity, fb.OverCapacity, keyLabel(fb), r3(fb.Blau), r3(fb.IQV), r3(fb.Entropy),
			strings.Join(sectorIDs(d, fb.Missing), " "), fb.Test.Method.String(), r3(fb.Test.Statistic), df, fb.Test.PValue)
		if n := testNote(fb); n != "" && fb.Members > 0 {
			ft.Notes = append(ft.Notes, id+": "+n+".")
		}
		ft.Notes = append(ft.Notes, rawTestNotes(d, id, fb)...)
		for _, x := range fb.Sectors {
			st.Add(id, d.Sectors[x.Sector].ID, x.Members, r3(x.Share), r3(x.Target), r3(x.Gap),
				x.Attended, r3(x.AttendanceShare), r3(x.AttendanceGap), r3(x.AttendanceRate))
		}
	}
	keyNote := "key: the quota rows used (own, * or none)"
	if len(b.Forums) > 1 {
		keyNote += "; all forums: the forums' targets weighted by their members"
	}
	ft.Notes = append(ft.Notes,
		keyNote+".",
		"blau = 1 - Σ share²; iqv = blau / (1 - 1/k), k = "+fmt.Sprint(len(d.Sectors))+" sectors; entropy = -Σ share ln share, in nats (natural log).",
		fmt.Sprintf("test: chi-square (as R chisq.test) when every expected count is %d or more, else exact multinomial (as R EMT::multinomial.test);", graph.MinExpected),
		"statistic is Pearson's X² either way. p_value: how often seating members at random by the key departs from it at least this much;",
		"with 20 seats only large departures give a small p, so read the gaps too.")
	if len(b.Forums) > 1 {
		ft.Notes = append(ft.Notes, "all forums counts seats: an organization in three forums counts three times.")
	}
	st.Notes = append(st.Notes,
		"share = members / forum members; gap = share - target.",
		"attended: attendances at the forum's meetings, guests included; attendance_rate = members' attendances / (members x meetings).")

	fs := make([]any, len(b.Forums))
	for i, fb := range b.Forums {
		fs[i] = forumJSON(d, fb)
	}
	return &Tables{Tables: []*Table{ft, st}, JSON: Object{KV("forums", fs), KV("overall", forumJSON(d, b.Overall))}}, nil
}

func sectorIDs(d *graph.Dataset, ks []int) []string {
	var ns []string
	for _, k := range ks {
		ns = append(ns, d.Sectors[k].ID)
	}
	return ns
}

// keyLabel says which quota rows a forum's targets come from.
func keyLabel(fb graph.ForumBalance) string {
	switch fb.KeySource {
	case "":
		return "none"
	case "forums":
		return "seat-weighted"
	case graph.KeyAll:
		return "*"
	}
	return "own"
}

// testNote explains a test result that needs explaining, or "".
func testNote(fb graph.ForumBalance) string {
	t := fb.Test
	switch {
	case fb.Members == 0:
		return "no members"
	case t.Method == graph.TestNone:
		return "no representation key"
	case t.Impossible:
		return "members in a sector whose target is 0: impossible under the key"
	case t.TooLarge:
		return fmt.Sprintf("an expected count is under %d but the exact test has too many outcomes; chi-square approximation", graph.MinExpected)
	}
	return ""
}

func forumJSON(d *graph.Dataset, fb graph.ForumBalance) Object {
	id, name, kind := overallID, "All selected forums", ""
	if fb.Forum >= 0 {
		x := d.Forums[fb.Forum]
		id, name, kind = x.ID, x.Name, x.Kind
	}
	missing := sectorIDs(d, fb.Missing)
	if missing == nil {
		missing = []string{}
	}
	ss := make([]Object, len(fb.Sectors))
	for i, x := range fb.Sectors {
		ss[i] = Object{
			KV("sector", d.Sectors[x.Sector].ID), KV("label", d.Sectors[x.Sector].Name()),
			KV("members", x.Members), KV("share", x.Share), KV("target", x.Target), KV("gap", x.Gap),
			KV("attended", x.Attended), KV("attendance_share", x.AttendanceShare), KV("attendance_gap", x.AttendanceGap),
			KV("member_attended", x.MemberAttended), KV("attendance_rate", x.AttendanceRate),
		}
	}
	t := fb.Test
	var df any = t.DF
	if t.Method == graph.TestNone {
		df = nil
	}
	var note any
	if n := testNote(fb); n != "" {
		note = n
	}
	var rtest any
	if r := fb.RTest; r != nil {
		rtest = Object{KV("statistic", r.Statistic), KV("df", r.DF), KV("p_value", r.PValue)}
	}
	pooled := sectorIDs(d, fb.Pooled)
	if pooled == nil {
		pooled = []string{}
	}
	test := Object{
		KV("method", t.Method.String()), KV("statistic", t.Statistic), KV("df", df), KV("p_value", t.PValue),
		KV("p_observed", t.PObserved), KV("min_expected", t.MinExpected), KV("note", note),
		KV("pooled", pooled), KV("r_chisq_test", rtest),
	}
	return Object{
		KV("id", id), KV("name", name), KV("kind", kind), KV("key", keyLabel(fb)),
		KV("members", fb.Members), KV("organizations", fb.Organizations), KV("capacity", fb.Capacity), KV("over_capacity", fb.OverCapacity),
		KV("blau", fb.Blau), KV("iqv", fb.IQV), KV("entropy", fb.Entropy), KV("missing", missing),
		KV("meetings", fb.Meetings), KV("attendances", fb.Attendances), KV("guest_attendances", fb.GuestAttendances),
		KV("sectors", ss), KV("test", test),
	}
}

// rawTestNotes say where the test's categories differ from one per
// sector, as R's chisq.test on the raw counts has them: R's result when
// the key gives a sector a share of 0, the pooled sectors when it leaves
// out two or more.
func rawTestNotes(d *graph.Dataset, id string, fb graph.ForumBalance) []string {
	var notes []string
	if r := fb.RTest; r != nil {
		zero := sectorIDs(d, r.Zero)
		num := func(v float64) string {
			switch {
			case math.IsNaN(v):
				return "NaN"
			case math.IsInf(v, 1):
				return "Inf"
			}
			return strconv.FormatFloat(v, 'g', 4, 64)
		}
		notes = append(notes, fmt.Sprintf("%s: R chisq.test(x, p = key, rescale.p = TRUE) on the %d sectors' counts gives X² %s, df %d, p %s, counting %s (share 0) as a category; this test leaves %s out (df %d).",
			id, len(fb.Sectors), num(r.Statistic), r.DF, num(r.PValue), strings.Join(zero, ", "), pronoun(len(zero)), fb.Test.DF))
	}
	if len(fb.Pooled) > 0 {
		notes = append(notes, fmt.Sprintf("%s: %s, which the key leaves out, are one category in the test, expected to take the share the key leaves unallocated (df %d); chisq.test on the raw counts would need a share for each.",
			id, strings.Join(sectorIDs(d, fb.Pooled), ", "), fb.Test.DF))
	}
	return notes
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// BalanceCheck is the check of the forums against their representation
// key: every breach, for a person one line each.
type BalanceCheck struct {
	Breaches  []graph.Breach
	Messages  []string // one per breach
	Forums    int      // forums checked
	Tolerance float64
	d         *graph.Dataset
	b         graph.Balance
}

// CheckBalance checks the forums (indices into Dataset.Forums; nil for
// all) against their key with tolerance tol (see graph.Breaches).
func CheckBalance(a *Analysis, forums []int, tol float64) (*BalanceCheck, error) {
	d := a.Dataset
	if len(d.Forums) == 0 {
		return nil, errNoForums
	}
	b := a.Balance(forums)
	c := &BalanceCheck{Breaches: graph.Breaches(b, tol), Forums: len(b.Forums), Tolerance: tol, d: d, b: b}
	for _, x := range c.Breaches {
		c.Messages = append(c.Messages, BreachMessage(d, b, x))
	}
	return c, nil
}

// BreachMessage says breach x of balance b in one line, e.g. "health: no
// business member (target 20%)".
func BreachMessage(d *graph.Dataset, b graph.Balance, x graph.Breach) string {
	fb := b.Forums[x.Forum]
	// Ids go to the terminal: no control character (an ESC sequence in a
	// forum id would set the terminal's title or colours).
	id := oneLine(d.Forums[fb.Forum].ID)
	if x.Kind == graph.BreachOverCapacity {
		return fmt.Sprintf("%s: %d members, %d over its capacity of %d", id, fb.Members, fb.OverCapacity, fb.Capacity)
	}
	sec := oneLine(d.Sectors[x.Sector].ID)
	s := fb.Sectors[x.Sector]
	switch x.Kind {
	case graph.BreachMissing:
		return fmt.Sprintf("%s: no %s member (target %s)", id, sec, pct(s.Target))
	case graph.BreachShare:
		return fmt.Sprintf("%s: %s %s of members (%d of %d), target %s", id, sec, pct(s.Share), s.Members, fb.Members, pct(s.Target))
	case graph.BreachSilent:
		return fmt.Sprintf("%s: %s attended none of its %d meetings", id, plural(s.Members, "the "+sec+" member", fmt.Sprintf("the %d %s members", s.Members, sec)), fb.Meetings)
	}
	return fmt.Sprintf("%s: %s %s of attendances (%d of %d), target %s", id, sec, pct(s.AttendanceShare), s.Attended, fb.Attendances, pct(s.Target))
}

// BreachForums returns the number of forums with a breach.
func (c *BalanceCheck) BreachForums() int {
	n := map[int]bool{}
	for _, x := range c.Breaches {
		n[x.Forum] = true
	}
	return len(n)
}

// Summary says the breaches in one line, for an error message.
func (c *BalanceCheck) Summary() string {
	return fmt.Sprintf("%d %s of the representation key in %d of %d %s",
		len(c.Breaches), plural(len(c.Breaches), "breach", "breaches"), c.BreachForums(), c.Forums, plural(c.Forums, "forum", "forums"))
}

// Write writes the check: in the table format one line per breach (or an
// "ok" line), else a table of the breaches.
func (c *BalanceCheck) Write(w io.Writer, f Format) error {
	if f == FormatTable {
		for _, m := range c.Messages {
			if _, err := fmt.Fprintln(w, m); err != nil {
				return err
			}
		}
		if len(c.Breaches) == 0 {
			_, err := fmt.Fprintf(w, "ok: %d %s within the representation key (tolerance %s)\n", c.Forums, plural(c.Forums, "forum", "forums"), FormatFloat(c.Tolerance))
			return err
		}
		return nil
	}
	t := &Table{Name: "breaches", Title: "Breaches of the representation key (tolerance " + FormatFloat(c.Tolerance) + ")",
		Columns: []string{"forum", "check", "sector", "value", "target", "message"}}
	for k, x := range c.Breaches {
		var sector any
		if x.Sector >= 0 {
			sector = c.d.Sectors[x.Sector].ID
		}
		t.Add(c.d.Forums[c.b.Forums[x.Forum].Forum].ID, x.Kind.String(), sector, x.Value, x.Target, c.Messages[k])
	}
	return t.Write(w, f)
}
