package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type balanceOptions struct {
	dir       string
	format    string
	table     string // --table: print only this table
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
	formatFlag(cmd, &o.format, &o.table)
	cmd.Flags().StringVar(&o.forum, "forum", "", "only this forum (by id)")
	cmd.Flags().StringVar(&o.kind, "kind", "", "only forums of this kind (forum, board, ... as in forums.csv)")
	cmd.Flags().BoolVar(&o.check, "check", false, "print one line per breach of the representation key; exit status 4 if any")
	cmd.Flags().Float64Var(&o.tolerance, "tolerance", graph.DefaultTolerance, "with --check: the largest allowed |share - target|, as a fraction (0.15 = 15 points)")
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
	if o.check && o.dir == "" {
		return usageErr(errors.New("balance --check needs DIR, the dataset to watch: it is meant for scheduled jobs, and the embedded sample would stand in for your data (sectornet balance mydata --check)"))
	}
	if o.tolerance < 0 || o.tolerance > 1 || math.IsNaN(o.tolerance) {
		return usageErr(fmt.Errorf("--tolerance %v: want a fraction from 0 to 1 (0.15 = 15 points)", o.tolerance))
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	sel, err := selectForums(a.Dataset, o.forum, o.kind)
	if err != nil {
		return err
	}
	if !o.check {
		v, err := out.BalanceTables(a, sel)
		return writeView(s, f, o.table, v, err)
	}
	c, err := out.CheckBalance(a, sel, o.tolerance)
	if err != nil {
		return err
	}
	if err := c.Write(s.Out, s.format(f)); err != nil {
		return err
	}
	if len(c.Breaches) > 0 {
		return &exitErr{code: exitCheck, err: errors.New(c.Summary())}
	}
	return nil
}

// selectForums returns the indices of the forums asked for: one by id,
// those of one kind, or all.
func selectForums(d *graph.Dataset, id, kind string) ([]int, error) {
	if len(d.Forums) == 0 {
		return nil, nil // the view says what is missing
	}
	var ids, names, kinds []string
	seen := map[string]bool{}
	for _, x := range d.Forums {
		ids = append(ids, x.ID)
		names = append(names, x.Name)
		if !seen[x.Kind] {
			seen[x.Kind] = true
			kinds = append(kinds, x.Kind)
		}
	}
	if id != "" {
		if _, ok := d.ForumIndex()[id]; !ok {
			return nil, unknownValue("--forum", "forum", id, ids, names, true)
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
