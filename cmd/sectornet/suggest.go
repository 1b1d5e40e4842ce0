package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type suggestOptions struct {
	survey  surveyFlags
	dir     string
	format  string
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
  sectornet suggest mydata --org R09 --limit 5
  sectornet suggest mydata --type "joint project" --format csv`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runSuggest(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format)
	f := cmd.Flags()
	f.StringVar(&o.org, "org", "", "only introductions for this organization (its id)")
	f.IntVar(&o.limit, "limit", 20, "at most this many suggestions (0 for all)")
	f.StringVar(&o.wave, "wave", "", "the wave whose ties count (default: the latest)")
	f.StringVar(&o.tieType, "type", "", "count only ties of this type")
	o.survey.add(cmd)
	return cmd
}

func runSuggest(ctx context.Context, s *streams, o suggestOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	if o.limit < 0 {
		return usageErr(errors.New("--limit must be 0 or more"))
	}
	rule, missing, err := o.survey.parse()
	if err != nil {
		return err
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	org := -1
	if o.org != "" {
		i, ok := d.OrgIndex()[o.org]
		if !ok {
			msg := fmt.Sprintf("--org %q: unknown organization", o.org)
			if hint := data.DidYouMean(o.org, orgIDs(d)); hint != "" {
				msg += " (" + hint + ")"
			}
			return usageErr(errors.New(msg))
		}
		org = i
	}
	ss, wave, err := graph.Suggest(d, graph.SuggestOptions{Wave: o.wave, Type: o.tieType, Org: org, Limit: o.limit, Rule: rule, Missing: missing})
	if err != nil {
		return usageErr(err)
	}
	what := "ties of wave " + wave
	if o.tieType != "" {
		what = o.tieType + " " + what
	}
	title := "Introductions worth making (" + what + ")"
	if org >= 0 {
		title = "Introductions worth making for " + d.Orgs[org].ID + " (" + what + ")"
	}
	t := &out.Table{Name: "suggestions", Title: title,
		Columns: []string{"rank", "org_a", "name_a", "sector_a", "org_b", "name_b", "sector_b", "adamic_adar", "shared_forums", "common_partners", "reason"}}
	for k, x := range ss {
		a, b := x.A, x.B
		if org >= 0 && b == org {
			a, b = b, a
		}
		oa, ob := d.Orgs[a], d.Orgs[b]
		t.Add(k+1, oa.ID, oa.Name, oa.Sector, ob.ID, ob.Name, ob.Sector, x.Score, len(x.SharedForums), len(x.CommonPartners), suggestionReason(d, x, wave))
	}
	t.Notes = append(t.Notes, "Pairs from different sectors with no tie in wave "+wave+", ranked by the Adamic-Adar index over shared forums and common partners (sum of 1/log(degree) over what they share).")
	if len(ss) == 0 {
		t.Notes = append(t.Notes, "No pair from different sectors without a tie shares a forum or a partner.")
	}
	return writeTables(s, f, t)
}

// suggestionReason spells out what a suggested pair has in common.
func suggestionReason(d *graph.Dataset, x graph.Suggestion, wave string) string {
	var parts []string
	if len(x.SharedForums) > 0 {
		names := make([]string, len(x.SharedForums))
		for k, f := range x.SharedForums {
			names[k] = d.Forums[f].Name
			if names[k] == "" {
				names[k] = d.Forums[f].ID
			}
		}
		parts = append(parts, "both in "+andList(names))
	}
	if n := len(x.CommonPartners); n > 0 {
		parts = append(parts, fmt.Sprintf("%d common %s: %s", n, plural(n, "partner", "partners"), orgNameList(d, x.CommonPartners, 5)))
	}
	if len(x.EarlierWaves) > 0 {
		parts = append(parts, "collaborated in "+andList(x.EarlierWaves)+", not in "+wave)
	}
	return strings.Join(parts, "; ")
}

// andList joins "a", "a and b", "a, b and c".
func andList(ss []string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}
