package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/out"
)

func newFirstsCmd(s *streams) *cobra.Command {
	var top int
	var pairs bool
	cmd := viewCmd(s, "firsts [DIR]", "Who met whom for the first time, meeting by meeting (from attendance alone)", func(*cobra.Command, viewArgs) (view, error) {
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			return out.FirstsTables(ctx, a, top, pairs)
		}, nil
	})
	cmd.Flags().IntVar(&top, "top", out.DefaultFirstsTop, "meetings to list among those that introduced the most cross-sector pairs (0 for all)")
	cmd.Flags().BoolVar(&pairs, "pairs", false, "also list every pair with the date of its first meeting together")
	return cmd
}
