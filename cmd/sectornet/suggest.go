package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

func newSuggestCmd(s *streams) *cobra.Command {
	var so out.SuggestOptions
	var org string
	var survey surveyFlags
	cmd := viewCmd(s, "suggest [DIR]", "Introductions worth making: cross-sector pairs the network predicts but that do not collaborate yet", func(*cobra.Command, viewArgs) (view, error) {
		var err error
		so.Rule, so.Missing, err = survey.parse()
		return func(ctx context.Context, a *out.Analysis) (*out.Tables, error) {
			o := so
			o.Org = -1
			if org != "" {
				i, err := orgIndex(a.Dataset, "--org", org)
				if err != nil {
					return nil, err
				}
				o.Org = i
			}
			return out.SuggestTable(ctx, a, o)
		}, err
	})
	f := cmd.Flags()
	f.StringVar(&org, "org", "", "only introductions for this organization (its id)")
	f.IntVar(&so.Limit, "top", out.DefaultSuggestLimit, "at most this many suggestions (0 for all; formerly --limit, which still works)")
	f.StringVar(&so.Wave, "wave", "", "the wave whose ties count (default: the latest)")
	f.StringVar(&so.Type, "type", "", "count only ties of this type")
	survey.add(cmd)
	renamedFlags(cmd, map[string]string{"limit": "top"})
	return cmd
}

// orgIndex returns the index of the organization with id, or a usage
// error naming flag with a suggestion.
func orgIndex(d *graph.Dataset, flag, id string) (int, error) {
	if i, ok := d.OrgIndex()[id]; ok {
		return i, nil
	}
	var names []string
	for _, o := range d.Orgs {
		names = append(names, o.Name)
	}
	return -1, unknownValue(flag, "organization", id, out.OrgIDs(d), names, false)
}
