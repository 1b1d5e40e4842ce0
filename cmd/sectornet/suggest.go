package main

import (
	"context"
	"errors"

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
		Use:   "suggest [DIR]",
		Short: "Introductions worth making: cross-sector pairs the network predicts but that do not collaborate yet",
		Long: `List pairs of organizations from different sectors with no collaboration tie in
the latest wave (--wave), ranked by the Adamic-Adar index of the network that
joins that wave's ties with the forum memberships: the sum, over the forums
and partners the two share, of 1/log(degree), so a small shared forum or a
shared partner with few ties counts for more than a large forum or a hub
(networkx.adamic_adar_index on that graph). Each row spells out its reason:
the shared forums, the common partners, and earlier waves in which the pair
collaborated. Pairs with nothing in common are not listed.`,
		Example: `  sectornet suggest                       # the embedded sample
  sectornet suggest mydata --org R09 --top 5
  sectornet suggest mydata --type "joint project" --format csv`,
		Args: dirArg,
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
	if o.limit < 0 {
		return usageErr(errors.New("--top must be 0 or more"))
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
