package out

import (
	"bufio"
	"io"
	"sort"

	"github.com/sectornet/sectornet/graph"
)

// WriteEdgeList writes g as CSV with the header source,target,weight: one
// row per undirected tie, source < target by id (byte order), rows sorted
// by source then target. ids[i] names node i. Ids are written as cells
// says (see Cells).
func WriteEdgeList(w io.Writer, ids []string, g *graph.Network, cells Cells) error {
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
	cells.writeCSVRecord(bw, []string{"source", "target", "weight"})
	for _, r := range rows {
		cells.writeCSVRecord(bw, []string{r.s, r.t, r.w})
	}
	return bw.Flush()
}
