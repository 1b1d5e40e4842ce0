package main

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type communitiesOptions struct {
	dir        string
	format     string
	net        networkFlags
	resolution float64
	seed       uint64
	method     string
}

func newCommunitiesCmd(s *streams) *cobra.Command {
	var o communitiesOptions
	cmd := &cobra.Command{
		Use:   "communities [DIR]",
		Short: "Leiden or Louvain communities, their sector make-up, and whether they just reproduce the sectors",
		Long: `Find communities in the one-mode network (--basis, --weight, --wave) that
maximize the weighted modularity at resolution --resolution, with --method:

  leiden   (default) the Leiden algorithm (Traag, Waltman and van Eck 2019):
           Louvain's moves plus a refinement that guarantees every
           community is connected; at least Louvain's modularity on the
           tested networks, and as R igraph cluster_leiden reaches
  louvain  the Louvain method (Blondel et al. 2008), as NetworkX
           louvain_communities and igraph cluster_louvain

The same --seed gives the same communities on every machine and any number
of cores. Prints:

  network        the number of communities, their weighted modularity
                 (NetworkX community.modularity), the modularity of the
                 partition by sector, and the normalized mutual information
                 between communities and sectors (arithmetic mean, as
                 scikit-learn normalized_mutual_info_score): near 1, the
                 communities are the sector silos; near 0, they cut across
  communities    each community's size and its organizations per sector
  organizations  each organization's community

Communities are numbered from 0 in order of their first organization in
organizations.csv; an organization without ties is a community of its own.`,
		Example: `  sectornet communities mydata
  sectornet communities mydata --resolution 1.5 --seed 7 --format json`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runCommunities(cmd.Context(), s, o)
		},
	}
	formatFlag(cmd, &o.format)
	o.net.add(cmd)
	cmd.Flags().StringVar(&o.method, "method", "leiden", "leiden or louvain")
	cmd.Flags().Float64Var(&o.resolution, "resolution", 1, "modularity resolution γ (above 1: more, smaller communities)")
	cmd.Flags().Uint64Var(&o.seed, "seed", 1, "random seed of the method")
	return cmd
}

func runCommunities(ctx context.Context, s *streams, o communitiesOptions) error {
	f, err := parseFormat(o.format)
	if err != nil {
		return err
	}
	if !(o.resolution > 0) || math.IsInf(o.resolution, 0) {
		return usageErr(errors.New("--resolution must be a positive number"))
	}
	if err := checkMethod(o.method); err != nil {
		return err
	}
	d, g, desc, err := o.net.load(ctx, s, o.dir)
	if err != nil {
		return err
	}
	comm, err := communitiesBy(ctx, s, g, o.method, o.resolution, o.seed)
	if err != nil {
		return err
	}
	sec := graph.SectorGroups(d)
	comp := graph.Composition(comm, sec)

	title := map[string]string{"leiden": "Leiden", "louvain": "Louvain"}[o.method]
	nt := &out.Table{Name: "network", Title: "Communities (" + title + "): " + desc, Columns: []string{"measure", "value"}}
	nt.Add("communities", comm.K)
	nt.Add("modularity", graph.Modularity(g, comm, o.resolution))
	nt.Add("sector_modularity", graph.Modularity(g, sec, o.resolution))
	nt.Add("nmi_sectors", graph.NMI(comm, sec))
	nt.Add("resolution", o.resolution)
	nt.Add("seed", int64(o.seed))

	cols := []string{"community", "orgs"}
	for _, x := range d.Sectors {
		cols = append(cols, x.ID)
	}
	cols = append(cols, "largest_sector", "largest_share")
	ct := &out.Table{Name: "communities", Title: "Sector make-up of each community", Columns: cols}
	for c, row := range comp {
		cells := []any{c, 0}
		size, top := 0, 0
		for k, n := range row {
			cells = append(cells, n)
			size += n
			if n > row[top] {
				top = k
			}
		}
		cells[1] = size
		cells = append(cells, d.Sectors[top].ID, float64(row[top])/float64(size))
		ct.Add(cells...)
	}

	ot := &out.Table{Name: "organizations", Title: "Organizations", Columns: []string{"id", "name", "sector", "community"}}
	for i, org := range d.Orgs {
		ot.Add(org.ID, org.Name, org.Sector, comm.Label[i])
	}
	return writeTables(s, f, nt, ct, ot)
}

// checkMethod returns a usage error unless m is a community method.
func checkMethod(m string) error {
	if m != "leiden" && m != "louvain" {
		return usageErr(fmt.Errorf("--method %q: want leiden or louvain", m))
	}
	return nil
}

// communitiesBy finds communities with Leiden or Louvain, with a status
// line on a terminal, stopping when ctx is cancelled.
func communitiesBy(ctx context.Context, s *streams, g *graph.Network, method string, resolution float64, seed uint64) (graph.Groups, error) {
	if method == "louvain" {
		return louvain(ctx, s, g, resolution, seed)
	}
	ph := startPhase(s, "communities (Leiden)")
	defer ph.end()
	return graph.Leiden(ctx, g, graph.LeidenOptions{Resolution: resolution, Seed: seed})
}
