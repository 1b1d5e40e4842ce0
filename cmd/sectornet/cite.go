package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type citeOptions struct {
	measures []string
	format   string
}

func newCiteCmd(s *streams) *cobra.Command {
	var o citeOptions
	cmd := &cobra.Command{
		Use:     "cite [MEASURE...]",
		Short:   "Print each measure's definition, formula, the tool it matches and its references (or BibTeX)",
		Long:    helpLong("cite") + " " + strings.Join(graph.MethodIDs(), ", ") + ".",
		Example: helpExample("cite"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.measures = args
			return runCite(s, o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "text, md or bibtex")
	return cmd
}

func runCite(s *streams, o citeOptions) error {
	var ms []graph.Method
	if len(o.measures) == 0 {
		ms = graph.Methods()
	}
	for _, name := range o.measures {
		m, ok := graph.LookupMethod(name)
		if !ok {
			return usageErr(fmt.Errorf("unknown measure %q (want one of %s)", name, strings.Join(graph.MethodIDs(), ", ")))
		}
		ms = append(ms, m)
	}
	switch o.format {
	case "text", "md", "bibtex":
	default:
		return usageErr(fmt.Errorf("--format %q: want text, md or bibtex", o.format))
	}
	return out.WriteCite(s.Out, ms, o.format)
}
