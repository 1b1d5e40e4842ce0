package main

import (
	"context"
	"errors"
	"fmt"
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

func newBalanceCmd(s *streams) *cobra.Command {
	var o balanceOptions
	cmd := &cobra.Command{
		Use:     "balance [DIR]",
		Short:   "Sector balance per forum against the representation key, in membership and in attendance",
		Long:    helpLong("balance"),
		Example: helpExample("balance"),
		Args:    dirArg,
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
