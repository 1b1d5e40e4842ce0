package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

func newBalanceCmd(s *streams) *cobra.Command {
	var forum, kind string
	var check bool
	var tolerance float64
	cmd := viewCmd(s, "balance [DIR]", "Sector balance per forum against the representation key, in membership and in attendance", func(cmd *cobra.Command, va viewArgs) (view, error) {
		if cmd.Flags().Changed("tolerance") && !check {
			return nil, usageErr(errors.New("--tolerance applies to --check"))
		}
		if check && va.dir == "" {
			return nil, usageErr(errors.New("balance --check needs DIR, the dataset to watch: it is meant for scheduled jobs, and the embedded sample would stand in for your data (sectornet balance mydata --check)"))
		}
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			sel, err := selectForums(a.Dataset, forum, kind)
			if err != nil {
				return nil, err
			}
			if !check {
				return out.BalanceTables(a, sel)
			}
			c, err := out.CheckBalance(a, sel, tolerance)
			if err != nil {
				return nil, err
			}
			if err := c.Write(s.Out, s.format(va.format)); err != nil {
				return nil, err
			}
			if len(c.Breaches) > 0 {
				return nil, &exitErr{code: exitCheck, err: errors.New(c.Summary())}
			}
			return nil, nil
		}, nil
	})
	cmd.Flags().StringVar(&forum, "forum", "", "only this forum (by id)")
	cmd.Flags().StringVar(&kind, "kind", "", "only forums of this kind (forum, board, ... as in forums.csv)")
	cmd.Flags().BoolVar(&check, "check", false, "print one line per breach of the representation key; exit status 4 if any")
	cmd.Flags().Float64Var(&tolerance, "tolerance", graph.DefaultTolerance, "with --check: the largest allowed |share - target|, as a fraction (0.15 = 15 points)")
	return cmd
}

// selectForums returns the indices of the forums asked for: one by id,
// those of one kind, or all.
func selectForums(d *graph.Dataset, id, kind string) ([]int, error) {
	if len(d.Forums) == 0 {
		return nil, nil // the view says what is missing
	}
	if _, ok := d.ForumIndex()[id]; id != "" && !ok {
		var ids, names []string
		for _, x := range d.Forums {
			ids, names = append(ids, x.ID), append(names, x.Name)
		}
		return nil, unknownValue("--forum", "forum", id, ids, names, true)
	}
	if kinds := d.ForumKinds(); kind != "" && !slices.Contains(kinds, kind) {
		return nil, usageErr(fmt.Errorf("--kind %q: no forum of that kind (kinds: %s)", kind, strings.Join(kinds, ", ")))
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
