package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type balanceOptions struct {
	dir       string
	format    string
	forum     string
	kind      string
	check     bool
	tolerance float64
	tolSet    bool
}

// overallID names the row of all selected forums together in tables.
const overallID = "all forums"

func newBalanceCmd(s *streams) *cobra.Command {
	var o balanceOptions
	cmd := &cobra.Command{
		Use:   "balance [DIR]",
		Short: "Sector balance per forum against the representation key, in membership and in attendance",
		Long: `For each forum, and for all of them together ("all forums", counting seats):

  members, share   member organizations per sector and their share
  target, gap      the representation key's share for the sector (quotas.csv:
                   the forum's own rows, else the rows of *) and share - target
  blau, iqv        Blau's heterogeneity 1 - Σ share², and the index of
                   qualitative variation blau / (1 - 1/k), k = sectors in the
                   dataset (1: spread evenly over every sector)
  entropy          Shannon entropy -Σ share ln share, in nats (natural log)
  missing          sectors with a positive target and no member
  over_capacity    members beyond the forum's capacity
  test             a goodness-of-fit test of the members per sector against
                   the key: Pearson's chi-square (as R chisq.test) when every
                   expected count is 5 or more, else the exact multinomial
                   test (as R EMT::multinomial.test); statistic is Pearson's
                   X² either way, p_value comes from the method named
  attended         attendances of the sector at the forum's meetings (each
                   organization once per meeting, guests included), their
                   share and its gap to the target: who was heard
  attendance_rate  the sector's members' attendances / (members x meetings):
                   the share of the meetings they could attend that they did

Sectors the key leaves out have no target; in the test they share what the
key leaves unallocated (1 - Σ targets). A key naming every sector is
rescaled to sum to 1 for the test (0.33, 0.33, 0.33 means thirds).

The test's categories: the sectors the key leaves out are pooled into one,
and a sector whose target is 0 is left out of X² and df. R's
chisq.test(x, p = key, rescale.p = TRUE) on the raw sector counts counts it
(and gets X² NaN when it is empty); where the two differ, a note gives R's
X², df and p (r_chisq_test in JSON), and pooled names the pooled sectors.
The exact test counts seatings within a relative 1e-7 of the observed one's
probability as equally likely (as R's fisher.test; they are equal in exact
arithmetic), where R's EMT::multinomial.test compares rounded values. An
infinite X² (a member in a sector whose target is 0) is Inf, "Infinity" in
JSON; undefined values are empty, null in JSON.

With --check, print one line per breach of the key and exit with status 4 if
there is any: a targeted sector with no member, a forum over capacity, a
share or attendance share more than --tolerance from its target, or a
targeted sector whose members never attended a meeting the forum held.`,
		Example: `  sectornet balance                          # the embedded sample
  sectornet balance mydata --forum health
  sectornet balance mydata --kind forum --format json
  sectornet balance mydata --check --tolerance 0.1   # for a scheduled job`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			o.tolSet = cmd.Flags().Changed("tolerance")
			return runBalance(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format)
	cmd.Flags().StringVar(&o.forum, "forum", "", "only this forum (by id)")
	cmd.Flags().StringVar(&o.kind, "kind", "", "only forums of this kind (forum, board, ... as in forums.csv)")
	cmd.Flags().BoolVar(&o.check, "check", false, "print one line per breach of the representation key; exit status 4 if any")
	cmd.Flags().Float64Var(&o.tolerance, "tolerance", 0.15, "with --check: the largest allowed |share - target|, as a fraction (0.15 = 15 points)")
	return cmd
}

func runBalance(ctx context.Context, s *streams, o balanceOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	if o.tolSet && !o.check {
		return usageErr(errors.New("--tolerance applies to --check"))
	}
	if o.tolerance < 0 || o.tolerance > 1 || math.IsNaN(o.tolerance) {
		return usageErr(fmt.Errorf("--tolerance %v: want a fraction from 0 to 1 (0.15 = 15 points)", o.tolerance))
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	sel, err := selectForums(d, o.forum, o.kind)
	if err != nil {
		return err
	}
	b := graph.SectorBalances(d, sel)
	if o.check {
		return writeBreaches(s, f, d, breaches(d, b, o.tolerance), len(sel), o.tolerance)
	}
	if f == out.FormatJSON {
		fs := make([]any, len(b.Forums))
		for i, fb := range b.Forums {
			fs[i] = forumJSON(d, fb)
		}
		return out.WriteJSON(s.Out, out.Row{Keys: []string{"forums", "overall"}, Values: []any{fs, forumJSON(d, b.Overall)}})
	}
	return writeTables(s, f, balanceTables(d, b)...)
}

// selectForums returns the indices of the forums asked for: one by id,
// those of one kind, or all.
func selectForums(d *graph.Dataset, id, kind string) ([]int, error) {
	if len(d.Forums) == 0 {
		return nil, errors.New("balance needs forums (forums.csv); the dataset has none")
	}
	var ids, kinds []string
	seen := map[string]bool{}
	for _, x := range d.Forums {
		ids = append(ids, x.ID)
		if !seen[x.Kind] {
			seen[x.Kind] = true
			kinds = append(kinds, x.Kind)
		}
	}
	if id != "" {
		if _, ok := d.ForumIndex()[id]; !ok {
			msg := fmt.Sprintf("--forum %q: unknown forum", id)
			if hint := data.DidYouMean(id, ids); hint != "" {
				msg += " (" + hint + ")"
			}
			return nil, usageErr(errors.New(msg))
		}
	}
	if kind != "" && !seen[kind] {
		msg := fmt.Sprintf("--kind %q: no forum of that kind (kinds: %s)", kind, strings.Join(kinds, ", "))
		return nil, usageErr(errors.New(msg))
	}
	var sel []int
	for i, x := range d.Forums {
		if (id == "" || x.ID == id) && (kind == "" || x.Kind == kind) {
			sel = append(sel, i)
		}
	}
	if len(sel) == 0 {
		x := d.Forums[d.ForumIndex()[id]]
		return nil, usageErr(fmt.Errorf("--forum %q is of kind %q, not %q", id, x.Kind, kind))
	}
	return sel, nil
}

func sectorNames(d *graph.Dataset, ks []int) []string {
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

func forumJSON(d *graph.Dataset, fb graph.ForumBalance) out.Row {
	id, name, kind := overallID, "All selected forums", ""
	if fb.Forum >= 0 {
		x := d.Forums[fb.Forum]
		id, name, kind = x.ID, x.Name, x.Kind
	}
	missing := sectorNames(d, fb.Missing)
	if missing == nil {
		missing = []string{}
	}
	ss := make([]out.Row, len(fb.Sectors))
	for i, x := range fb.Sectors {
		ss[i] = out.Row{
			Keys: []string{"sector", "label", "members", "share", "target", "gap",
				"attended", "attendance_share", "attendance_gap", "member_attended", "attendance_rate"},
			Values: []any{d.Sectors[x.Sector].ID, d.Sectors[x.Sector].Name(), x.Members, x.Share, x.Target, x.Gap,
				x.Attended, x.AttendanceShare, x.AttendanceGap, x.MemberAttended, x.AttendanceRate},
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
		rtest = out.Row{Keys: []string{"statistic", "df", "p_value"}, Values: []any{r.Statistic, r.DF, r.PValue}}
	}
	pooled := sectorNames(d, fb.Pooled)
	if pooled == nil {
		pooled = []string{}
	}
	test := out.Row{
		Keys:   []string{"method", "statistic", "df", "p_value", "p_observed", "min_expected", "note", "pooled", "r_chisq_test"},
		Values: []any{t.Method.String(), t.Statistic, df, t.PValue, t.PObserved, t.MinExpected, note, pooled, rtest},
	}
	return out.Row{
		Keys: []string{"id", "name", "kind", "key", "members", "organizations", "capacity", "over_capacity",
			"blau", "iqv", "entropy", "missing", "meetings", "attendances", "guest_attendances", "sectors", "test"},
		Values: []any{id, name, kind, keyLabel(fb), fb.Members, fb.Organizations, fb.Capacity, fb.OverCapacity,
			fb.Blau, fb.IQV, fb.Entropy, missing, fb.Meetings, fb.Attendances, fb.GuestAttendances, ss, test},
	}
}

// balanceTables returns the forums table and the long sectors table, each
// ending with the row of all forums together when there are several.
func balanceTables(d *graph.Dataset, b graph.Balance) []*out.Table {
	ft := &out.Table{Name: "forums", Title: "Sector balance per forum",
		Columns: []string{"forum", "members", "capacity", "over_capacity", "key", "blau", "iqv", "entropy", "missing", "test", "statistic", "df", "p_value"}}
	st := &out.Table{Name: "sectors", Title: "Members and attendance per sector",
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
		r3 := func(v float64) out.Rounded { return out.Round(v, 3) }
		ft.Add(id, fb.Members, capacity, fb.OverCapacity, keyLabel(fb), r3(fb.Blau), r3(fb.IQV), r3(fb.Entropy),
			strings.Join(sectorNames(d, fb.Missing), " "), fb.Test.Method.String(), r3(fb.Test.Statistic), df, fb.Test.PValue)
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
	return []*out.Table{ft, st}
}

// rawTestNotes say where the test's categories differ from one per
// sector, as R's chisq.test on the raw counts has them: R's result when
// the key gives a sector a share of 0, the pooled sectors when it leaves
// out two or more.
func rawTestNotes(d *graph.Dataset, id string, fb graph.ForumBalance) []string {
	var notes []string
	if r := fb.RTest; r != nil {
		zero := sectorNames(d, r.Zero)
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
			id, strings.Join(sectorNames(d, fb.Pooled), ", "), fb.Test.DF))
	}
	return notes
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// breach is one departure from the representation key.
type breach struct {
	forum, check, sector string
	value, target        float64
	message              string
}

func pct(v float64) string { return fmt.Sprintf("%.0f%%", 100*v) }

// breaches lists the departures of the forums (not of all forums together)
// from their key: missing sectors, over capacity, shares and attendance
// shares beyond tol of the target, targeted sectors whose members never
// came. A gap of exactly tol is within it.
func breaches(d *graph.Dataset, b graph.Balance, tol float64) []breach {
	var bs []breach
	const eps = 1e-9 // shares are ratios of counts; keep 0.45 - 0.30 within 0.15
	for _, fb := range b.Forums {
		x := d.Forums[fb.Forum]
		for _, k := range fb.Missing {
			s := fb.Sectors[k]
			bs = append(bs, breach{x.ID, "missing", d.Sectors[k].ID, 0, s.Target,
				fmt.Sprintf("%s: no %s member (target %s)", x.ID, d.Sectors[k].ID, pct(s.Target))})
		}
		if fb.OverCapacity > 0 {
			bs = append(bs, breach{x.ID, "over_capacity", "", float64(fb.Members), float64(fb.Capacity),
				fmt.Sprintf("%s: %d members, %d over its capacity of %d", x.ID, fb.Members, fb.OverCapacity, fb.Capacity)})
		}
		for _, s := range fb.Sectors {
			id := d.Sectors[s.Sector].ID
			if math.Abs(s.Gap) > tol+eps && !(s.Target > 0 && s.Members == 0) { // missing says it
				bs = append(bs, breach{x.ID, "share", id, s.Share, s.Target,
					fmt.Sprintf("%s: %s %s of members (%d of %d), target %s", x.ID, id, pct(s.Share), s.Members, fb.Members, pct(s.Target))})
			}
		}
		for _, s := range fb.Sectors {
			id := d.Sectors[s.Sector].ID
			if s.Target > 0 && s.Members > 0 && fb.Meetings > 0 && s.MemberAttended == 0 {
				bs = append(bs, breach{x.ID, "silent", id, 0, s.Target,
					fmt.Sprintf("%s: %s attended none of its %d meetings", x.ID, plural(s.Members, "the "+id+" member", fmt.Sprintf("the %d %s members", s.Members, id)), fb.Meetings)})
			} else if math.Abs(s.AttendanceGap) > tol+eps && !(s.Target > 0 && s.Members == 0 && s.Attended == 0) {
				bs = append(bs, breach{x.ID, "attendance_share", id, s.AttendanceShare, s.Target,
					fmt.Sprintf("%s: %s %s of attendances (%d of %d), target %s", x.ID, id, pct(s.AttendanceShare), s.Attended, fb.Attendances, pct(s.Target))})
			}
		}
	}
	return bs
}

func writeBreaches(s *streams, f out.Format, d *graph.Dataset, bs []breach, forums int, tol float64) error {
	var err error
	if f == out.FormatTable {
		for _, b := range bs {
			if _, err = fmt.Fprintln(s.Out, b.message); err != nil {
				return err
			}
		}
		if len(bs) == 0 {
			_, err = fmt.Fprintf(s.Out, "ok: %d %s within the representation key (tolerance %s)\n", forums, plural(forums, "forum", "forums"), out.FormatFloat(tol))
		}
	} else {
		t := &out.Table{Name: "breaches", Title: "Breaches of the representation key (tolerance " + out.FormatFloat(tol) + ")",
			Columns: []string{"forum", "check", "sector", "value", "target", "message"}}
		for _, b := range bs {
			var sector any = b.sector
			if b.sector == "" {
				sector = nil // over capacity: the whole forum
			}
			t.Add(b.forum, b.check, sector, b.value, b.target, b.message)
		}
		err = t.Write(s.Out, f)
	}
	if err != nil {
		return err
	}
	if len(bs) > 0 {
		n := map[string]bool{}
		for _, b := range bs {
			n[b.forum] = true
		}
		return &exitErr{code: exitCheck, err: fmt.Errorf("%d %s of the representation key in %d of %d %s",
			len(bs), plural(len(bs), "breach", "breaches"), len(n), forums, plural(forums, "forum", "forums"))}
	}
	return nil
}
