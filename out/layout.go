package out

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"
)

// Layouts lists the Graphviz layout engines a diagram can use.
var Layouts = []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi"}

// go-graphviz runs Graphviz compiled to WebAssembly with global state
// that is not safe for concurrent use, so every call holds gvMu. Only the
// json output is requested: other formats of that build are unreliable
// (no PNG strokes, no PDF, garbage for unknown formats).
var (
	gvMu   sync.Mutex
	gvInst *graphviz.Graphviz
)

// placed is a diagram after layout, in Graphviz's coordinates: points,
// y up, the drawing inside BB.
type placed struct {
	BB     [4]float64 // x0, y0, x1, y1
	Nodes  []placedNode
	Edges  []placedEdge
	HasXLP []bool
}

type placedNode struct {
	X, Y   float64 // centre
	LX, LY float64 // centre of the external label, when placed
	HasL   bool
}

type placedEdge struct {
	Pts    []pt // cubic Bézier: p0, then three points per segment
	LX, LY float64
	HasL   bool
}

type pt struct{ X, Y float64 }

// layout runs Graphviz on d and returns where it placed every node and
// tie.
func layout(ctx context.Context, d *Diagram) (*placed, error) {
	if len(d.Nodes) == 0 {
		return &placed{}, nil
	}
	var src bytes.Buffer
	bw := bufio.NewWriter(&src)
	writeDOT(bw, d, false)
	bw.Flush()
	engine := d.Layout
	ok := false
	for _, l := range Layouts {
		ok = ok || l == engine
	}
	if !ok {
		return nil, fmt.Errorf("unknown layout %q (want %s)", engine, strings.Join(Layouts, ", "))
	}

	gvMu.Lock()
	defer gvMu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if gvInst == nil {
		gv, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("starting Graphviz: %w", err)
		}
		gvInst = gv
	}
	// sfdp, and overlap removal other than scaling, start from state left
	// by the previous call in the same process (one WebAssembly module
	// serves every instance; sfdp ignores "start"), so their first layout
	// of a graph can differ from the next. The second of two consecutive
	// layouts of the same graph has always been the same whatever came
	// before (measured on go-graphviz v0.2.10), so those are run twice.
	runs := 1
	if engine == "sfdp" || engine == "fdp" {
		runs = 2
	}
	var js bytes.Buffer
	for range runs {
		g, err := graphviz.ParseBytes(src.Bytes())
		if err != nil {
			return nil, fmt.Errorf("Graphviz could not read the diagram: %w", err)
		}
		gvInst.SetLayout(graphviz.Layout(engine))
		js.Reset()
		err = gvInst.Render(ctx, g, "json", &js)
		g.Close()
		if err != nil {
			// The module may be left in a bad state: start afresh.
			gvInst.Close()
			gvInst = nil
			return nil, fmt.Errorf("Graphviz %s layout: %w", engine, err)
		}
	}
	ends := make([][2]int, len(d.Edges))
	for k, e := range d.Edges {
		ends[k] = [2]int{e.U, e.V}
	}
	return parseLayout(js.Bytes(), len(d.Nodes), ends)
}

// gvJSON is the part of Graphviz's json output that sectornet reads.
type gvJSON struct {
	BB       string `json:"bb"`
	Subgraph int    `json:"_subgraph_cnt"`
	Objects  []struct {
		ID  int    `json:"_gvid"`
		Pos string `json:"pos"`
		XLP string `json:"xlp"`
	} `json:"objects"`
	Edges []struct {
		Tail int    `json:"tail"`
		Head int    `json:"head"`
		Pos  string `json:"pos"`
		LP   string `json:"lp"`
	} `json:"edges"`
}

func parseLayout(b []byte, nNodes int, ends [][2]int) (*placed, error) {
	var j gvJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return nil, fmt.Errorf("reading Graphviz's layout: %w", err)
	}
	p := &placed{Nodes: make([]placedNode, nNodes), Edges: make([]placedEdge, len(ends))}
	bb, err := parseFloats(j.BB, 4)
	if err != nil {
		return nil, fmt.Errorf("Graphviz layout: bb %q: %w", j.BB, err)
	}
	copy(p.BB[:], bb)
	first := min(j.Subgraph, len(j.Objects))
	objs := j.Objects[first:]
	if len(objs) != nNodes {
		return nil, fmt.Errorf("Graphviz layout: %d nodes, want %d", len(objs), nNodes)
	}
	for i, o := range objs {
		xy, err := parseFloats(o.Pos, 2)
		if err != nil {
			return nil, fmt.Errorf("Graphviz layout: node %d pos %q: %w", i, o.Pos, err)
		}
		p.Nodes[i].X, p.Nodes[i].Y = xy[0], xy[1]
		if o.XLP != "" {
			if l, err := parseFloats(o.XLP, 2); err == nil {
				p.Nodes[i].LX, p.Nodes[i].LY, p.Nodes[i].HasL = l[0], l[1], true
			}
		}
	}
	if len(j.Edges) != len(ends) {
		return nil, fmt.Errorf("Graphviz layout: %d ties, want %d", len(j.Edges), len(ends))
	}
	// Graphviz numbers ties in its own traversal order: match them to the
	// diagram's by their end nodes (node ids follow the diagram's order),
	// repeated pairs in the order given.
	queue := map[[2]int][]int{}
	for k, e := range ends {
		queue[e] = append(queue[e], k)
	}
	for _, e := range j.Edges {
		key := [2]int{e.Tail - first, e.Head - first}
		q := queue[key]
		if len(q) == 0 {
			return nil, fmt.Errorf("Graphviz layout: unexpected tie %d-%d", key[0], key[1])
		}
		k := q[0]
		queue[key] = q[1:]
		pe := &p.Edges[k]
		for _, f := range strings.Fields(e.Pos) {
			if strings.HasPrefix(f, "e,") || strings.HasPrefix(f, "s,") {
				continue
			}
			xy, err := parseFloats(f, 2)
			if err != nil {
				return nil, fmt.Errorf("Graphviz layout: tie %d pos %q: %w", k, e.Pos, err)
			}
			pe.Pts = append(pe.Pts, pt{xy[0], xy[1]})
		}
		if e.LP != "" {
			if l, err := parseFloats(e.LP, 2); err == nil {
				pe.LX, pe.LY, pe.HasL = l[0], l[1], true
			}
		}
	}
	return p, nil
}

func parseFloats(s string, n int) ([]float64, error) {
	fs := strings.Split(s, ",")
	if len(fs) != n {
		return nil, fmt.Errorf("want %d numbers", n)
	}
	out := make([]float64, n)
	for i, f := range fs {
		x, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}
