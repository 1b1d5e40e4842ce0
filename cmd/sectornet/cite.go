package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

func newCiteCmd(s *streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:     "cite [MEASURE...]",
		Short:   "Print each measure's definition, formula, the tool it matches and its references (or BibTeX)",
		Long:    helpLong("cite") + " " + strings.Join(graph.MethodIDs(), ", ") + ".",
		Example: helpExample("cite"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var ms []graph.Method
			if len(args) == 0 {
				ms = graph.Methods()
			}
			for _, name := range args {
				m, ok := graph.LookupMethod(name)
				if !ok {
					return usageErr(fmt.Errorf("unknown measure %q (want one of %s)", name, strings.Join(graph.MethodIDs(), ", ")))
				}
				ms = append(ms, m)
			}
			switch format {
			case "text", "md", "bibtex":
			default:
				return usageErr(fmt.Errorf("--format %q: want text, md or bibtex", format))
			}
			return out.WriteCite(s.Out, ms, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, md or bibtex")
	return cmd
}
