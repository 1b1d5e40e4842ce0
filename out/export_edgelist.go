package out

import (
	"bufio"
	"encoding/csv"
	"io"
	"sort"

	"github.com/sectornet/sectornet/graph"
)

// WriteEdgeList writes g as CSV with the header source,target,weight: one
// row per undirected tie, source < target by id (byte order), rows sorted
// by source then target. ids[i] names node i.
func WriteEdgeList(w io.Writer, ids []string, g *graph.Network) error {
	type row struct{ s, t, w string }
	rows := make([]row, 0, g.M())
	for _, e := range g.Edges() {
		a, b := ids[e.U], ids[e.V]
		if b < a {
			a, b = b, a
		}
		rows = append(rows, row{a, b, FormatFloat(e.W)})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].s != rows[j].s {
			return rows[i].s < rows[j].s
		}
		return rows[i].t < rows[j].t
	})
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	cw.Write([]string{"source", "target", "weight"})
	for _, r := range rows {
		cw.Write([]string{r.s, r.t, r.w})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
