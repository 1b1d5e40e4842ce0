package out

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"
)

// Layouts lists the Graphviz layout engines a diagram can use.
var Layouts = []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi"}

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

// LayoutFunc lays out a graph in the Graphviz DOT language with a layout
// engine (dot, neato, fdp, sfdp, circo or twopi) and returns Graphviz's
// json output. GraphvizJSON does it in this process; ChildLayout in a
// child process per layout, as sectornet does (see GraphvizEnv).
type LayoutFunc func(ctx context.Context, engine string, dot []byte) ([]byte, error)

// Layout is a diagram placed by Graphviz: where every node, label and tie
// goes. One layout serves every format (Write).
type Layout struct {
	Diagram *Diagram
	placed  *placed
}

// LayOut places d with run (GraphvizJSON when nil).
func LayOut(ctx context.Context, run LayoutFunc, d *Diagram) (*Layout, error) {
	p, err := layout(ctx, run, d)
	if err != nil {
		return nil, err
	}
	return &Layout{Diagram: d, placed: p}, nil
}

// Layout returns the layout of d, computed once per Graphviz source: the
// SVG and the PNG of a figure, or two figures placing the same nodes and
// ties, share it.
func (a *Analysis) Layout(ctx context.Context, d *Diagram) (*Layout, error) {
	var src bytes.Buffer
	bw := bufio.NewWriter(&src)
	writeDOT(bw, d, false)
	bw.Flush()
	sum := sha256.Sum256(src.Bytes())
	p, err := memo(a, layoutKey{d.Layout, len(d.Nodes), len(d.Edges), hex.EncodeToString(sum[:])}, func() (*placed, error) {
		return layout(ctx, a.opts.Layout, d)
	})
	if err != nil {
		return nil, err
	}
	return &Layout{Diagram: d, placed: p}, nil
}

// layout runs Graphviz on d and returns where it placed every node and
// tie.
func layout(ctx context.Context, run LayoutFunc, d *Diagram) (*placed, error) {
	if len(d.Nodes) == 0 {
		return &placed{}, nil
	}
	if len(d.Pos) == len(d.Nodes) {
		return pinnedLayout(d), nil // placed by sectornet (diagram_pinned.go)
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
	if run == nil {
		run = GraphvizJSON
	}
	js, err := run(ctx, engine, src.Bytes())
	if err != nil {
		return nil, err
	}
	ends := make([][2]int, len(d.Edges))
	for k, e := range d.Edges {
		ends[k] = [2]int{e.U, e.V}
	}
	return parseLayout(js, len(d.Nodes), ends)
}

// GraphvizEnv is the environment variable that turns a sectornet process
// (or a test binary whose TestMain calls ServeGraphviz) into a one-shot
// Graphviz: the layout engine in the variable, DOT on standard input,
// Graphviz's json output on standard output. ChildLayout runs such a
// process.
//
// go-graphviz runs Graphviz in one WebAssembly module per process, and
// Graphviz keeps state between calls: a graph's first layout in a process
// can differ from its next one, sfdp and fdp do not reseed from "start",
// and after some sequences of layouts the module never returns (all
// measured on v0.2.10). So sectornet runs every layout in a child process
// of its own, where it is the first: the same input then gives the same
// drawing whatever was drawn before, and a stuck layout cannot hang the
// caller.
const GraphvizEnv = "SECTORNET_GRAPHVIZ_LAYOUT"

// ServeGraphviz lays out the DOT graph read from in with the engine and
// writes Graphviz's json output to w; it returns the process exit status.
// It is the child's side of ChildLayout.
func ServeGraphviz(engine string, in io.Reader, w, errw io.Writer) int {
	src, err := io.ReadAll(in)
	if err == nil {
		var js []byte
		js, err = GraphvizJSON(context.Background(), engine, src)
		if err == nil {
			_, err = w.Write(js)
		}
	}
	if err != nil {
		fmt.Fprintln(errw, err)
		return 1
	}
	return 0
}

// gvMu serializes layouts: go-graphviz is not safe for concurrent use, and
// two cores are best spent one layout at a time.
var gvMu sync.Mutex

// ChildLayout returns a LayoutFunc that runs each layout in a child
// process: the program exe (whose main calls ServeGraphviz when
// GraphvizEnv is set) with GraphvizEnv set to the engine.
func ChildLayout(exe string) LayoutFunc {
	return func(ctx context.Context, engine string, src []byte) ([]byte, error) {
		gvMu.Lock()
		defer gvMu.Unlock()
		cmd := exec.CommandContext(ctx, exe)
		cmd.Env = append(os.Environ(), GraphvizEnv+"="+engine)
		cmd.Stdin = bytes.NewReader(src)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, fmt.Errorf("Graphviz %s layout: %s", engine, msg)
		}
		return stdout.Bytes(), nil
	}
}

// GraphvizJSON lays src out with engine in this process and returns
// Graphviz's json output. Graphviz keeps state between calls (see
// GraphvizEnv): use it for one layout per process, or where the drawing
// need not be the same on every run.
func GraphvizJSON(ctx context.Context, engine string, src []byte) ([]byte, error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("starting Graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("Graphviz could not read the diagram: %w", err)
	}
	defer g.Close()
	gv.SetLayout(graphviz.Layout(engine))
	var js bytes.Buffer
	if err := gv.Render(ctx, g, "json", &js); err != nil {
		return nil, fmt.Errorf("Graphviz %s layout: %w", engine, err)
	}
	return js.Bytes(), nil
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
