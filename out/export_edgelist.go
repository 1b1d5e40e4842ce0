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
	// A dense projection has millions of ties: each id is encoded once,
	// and the rows refer to the nodes.
	type row struct {
		s, t int
		w    float64
	}
	rows := make([]row, 0, g.M())
	for _, e := range g.Edges() {
		a, b := e.U, e.V
		if ids[b] < ids[a] {
			a, b = b, a
		}
		rows = append(rows, row{a, b, e.W})
	}
	sort.Slice(rows, func(i, j int) bool {
		if ids[rows[i].s] != ids[rows[j].s] {
			return ids[rows[i].s] < ids[rows[j].s]
		}
		return ids[rows[i].t] < ids[rows[j].t]
	})
	enc := make([]string, len(ids))
	for i, id := range ids {
		enc[i] = cells.csvField(id)
	}
	bw := bufio.NewWriter(w)
	cells.writeCSVRecord(bw, []string{"source", "target", "weight"})
	for _, r := range rows {
		bw.WriteString(enc[r.s])
		bw.WriteByte(',')
		bw.WriteString(enc[r.t])
		bw.WriteByte(',')
		bw.WriteString(cells.csvField(FormatFloat(r.w)))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
