package main

import (
	"context"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

// flagValues are the values a flag takes, for shell completion
// (`sectornet completion bash|zsh|fish|powershell`): by flag name, or
// by "command flag" where a command's flag takes other values.
var flagValues = map[string][]string{
	"basis":        {"forums", "meetings", "ties"},
	"weight":       {"count", "newman", "jaccard"},
	"paths":        {"hops", "weighted"},
	"symmetrize":   {"max", "min", "union", "reciprocated", "respondent-only"},
	"missing":      {"reconstruct", "drop"},
	"mode":         {"one", "two"},
	"universe":     {"all", "present"},
	"correction":   {"none", "holm", "bh"},
	"backbone":     {"auto", "sdsm", "fdsm", "disparity"},
	"as":           {"participation", "attendance"},
	"tool":         data.SurveyTools,
	"lang":         {"en", "he"},
	"model":        {"auto", "lm", "logit"},
	"null":         {"qapy", "qapspp"},
	"unit":         {"meetings", "days"},
	"period":       {"quarter", "half", "year", "waves", "all"},
	"label-by":     {"id", "name"},
	"labels":       {"auto", "all", "none"},
	"measure":      {"betweenness", "degree", "strength", "pagerank", "eigenvector"},
	"method":       {"leiden", "louvain"},
	"gexf-version": {out.GEXF12, out.GEXF13},
	"format":       {"table", "csv", "json", "md", "tex"},

	"backbone method": {"auto", "sdsm", "fdsm", "disparity"},
	"export format":   out.ExportFormats,
	"render format":   {"svg", "png", "pdf", "dot"},
	"chart format":    {"svg", "png", "pdf"},
	"cite format":     {"text", "md", "bibtex"},
	"render view":     out.Views,
	"chart view":      out.ChartKinds,
}

// listFlags take a comma-separated list of these values.
var listFlags = map[string]func() []string{
	"measures": func() []string { return append(append([]string{}, out.OrgMeasures...), out.StructureMeasures...) },
}

// datasetFlags complete from the dataset the command line names (the
// sample without one): waves, forums, organizations, tie types, forum
// kinds.
var datasetFlags = map[string]func(d *graph.Dataset) []string{
	"wave": (*graph.Dataset).Waves,
	"from": (*graph.Dataset).Waves,
	"to":   (*graph.Dataset).Waves,
	"type": (*graph.Dataset).TieTypes,
	"forum": func(d *graph.Dataset) []string {
		var v []string
		for _, f := range d.Forums {
			v = append(v, f.ID+"\t"+f.Name)
		}
		return v
	},
	"org": func(d *graph.Dataset) []string {
		var v []string
		for _, o := range d.Orgs {
			v = append(v, o.ID+"\t"+o.Name)
		}
		return v
	},
	"kind": (*graph.Dataset).ForumKinds,
}

// noDatasetArg are the commands whose argument is not the dataset, so
// their --wave and the like are not completed from it.
var noDatasetArg = map[string]bool{"sectornet init": true, "sectornet import matrix": true, "sectornet import survey": true, "sectornet generate": true}

// completeFlags registers the completion of flag values for cmd and
// every command under it.
func completeFlags(cmd *cobra.Command) {
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		name := f.Name
		var fn cobra.CompletionFunc
		if v, ok := flagValues[cmd.Name()+" "+name]; ok {
			fn = fixed(v)
		} else if v, ok := flagValues[name]; ok {
			fn = fixed(v)
		} else if l, ok := listFlags[name]; ok {
			fn = list(l())
		} else if get, ok := datasetFlags[name]; ok && !noDatasetArg[cmd.CommandPath()] {
			fn = fromDataset(get)
		}
		if fn != nil {
			_ = cmd.RegisterFlagCompletionFunc(name, fn)
		}
	})
	for _, c := range cmd.Commands() {
		completeFlags(c)
	}
}

func fixed(v []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return v, cobra.ShellCompDirectiveNoFileComp
	}
}

// list completes the last item of a comma-separated list.
func list(v []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		prefix := ""
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			prefix = toComplete[:i+1]
		}
		given := strings.Split(strings.TrimSuffix(prefix, ","), ",")
		var c []string
		for _, x := range v {
			if !slices.Contains(given, x) {
				c = append(c, prefix+x)
			}
		}
		return c, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// fromDataset completes from the dataset of the command line; nothing
// when it does not load.
func fromDataset(get func(*graph.Dataset) []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if cmd.Args != nil && cmd.Args(cmd, args) != nil {
			args = nil
		}
		d, err := loadDataset(context.Background(), &streams{Out: io.Discard, Err: io.Discard}, datasetDir(args))
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
		}
		return get(d), cobra.ShellCompDirectiveNoFileComp
	}
}
