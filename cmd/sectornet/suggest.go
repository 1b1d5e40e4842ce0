package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type suggestOptions struct {
	survey  surveyFlags
	dir     string
	format  string
	table   string // --table: print only this table
	org     string
	limit   int
	wave    string
	tieType string
}

func newSuggestCmd(s *streams) *cobra.Command {
	var o suggestOptions
	cmd := &cobra.Command{
		Use:     "suggest [DIR]",
		Short:   "Introductions worth making: cross-sector pairs the network predicts but that do not collaborate yet",
		Long:    helpLong("suggest"),
		Example: helpExample("suggest"),
		Args:    dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runSuggest(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format, &o.table)
	f := cmd.Flags()
	f.StringVar(&o.org, "org", "", "only introductions for this organization (its id)")
	f.IntVar(&o.limit, "top", out.DefaultSuggestLimit, "at most this many suggestions (0 for all; formerly --limit, which still works)")
	f.StringVar(&o.wave, "wave", "", "the wave whose ties count (default: the latest)")
	f.StringVar(&o.tieType, "type", "", "count only ties of this type")
	o.survey.add(cmd)
	renamedFlags(cmd, map[string]string{"limit": "top"})
	return cmd
}

func runSuggest(ctx context.Context, s *streams, o suggestOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	rule, missing, err := o.survey.parse()
	if err != nil {
		return err
	}
	a, err := loadAnalysis(ctx, s, o.dir)
	if err != nil {
		return err
	}
	org := -1
	if o.org != "" {
		if org, err = orgIndex(a.Dataset, "--org", o.org); err != nil {
			return err
		}
	}
	v, err := out.SuggestTable(ctx, a, out.SuggestOptions{Org: org, Limit: o.limit, Wave: o.wave, Type: o.tieType, Rule: rule, Missing: missing})
	return writeView(s, f, o.table, v, err)
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
