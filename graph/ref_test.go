package graph

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// ref is one reference network of testdata/ with the values NetworkX,
// igraph and R sna computed on it (see testdata/measures.py and sna.R).
type ref struct {
	name    string
	groups  []int
	names   []string
	edges   []Edge
	members [][2]int // two-mode files: organization, group
	values  map[string][]float64
	scalars map[string]float64
	sets    map[string][]int // "set NAME NODE..." lines
}

// loadRef reads testdata/<name>.txt and, when present, <name>_sna.txt.
func loadRef(t testing.TB, name string) *ref {
	t.Helper()
	r := &ref{name: name, values: map[string][]float64{}, scalars: map[string]float64{}}
	base := strings.TrimSuffix(name, "4") // karate4: karate's network, sna values of its own
	files := []string{filepath.Join("testdata", base+".txt")}
	if _, err := os.Stat(filepath.Join("testdata", name+"_sna.txt")); err == nil {
		files = append(files, filepath.Join("testdata", name+"_sna.txt"))
	}
	for _, file := range files {
		r.read(t, file)
	}
	return r
}

// read adds the lines of one reference file to r.
func (r *ref) read(t testing.TB, file string) {
	t.Helper()
	if r.values == nil {
		r.values, r.scalars = map[string][]float64{}, map[string]float64{}
	}
	if r.sets == nil {
		r.sets = map[string][]int{}
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	line := 0
	num := func(s string) float64 {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%s:%d: %v", file, line, err)
		}
		return x
	}
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 || strings.HasPrefix(fs[0], "#") {
			continue
		}
		switch fs[0] {
		case "node":
			r.groups = append(r.groups, int(num(fs[2])))
			r.names = append(r.names, strings.Join(fs[3:], " "))
		case "edge":
			r.edges = append(r.edges, Edge{U: int(num(fs[1])), V: int(num(fs[2])), W: num(fs[3])})
		case "member":
			r.members = append(r.members, [2]int{int(num(fs[1])), int(num(fs[2]))})
		case "value":
			i := int(num(fs[2]))
			v := r.values[fs[1]]
			for len(v) <= i {
				v = append(v, math.NaN())
			}
			v[i] = num(fs[3])
			r.values[fs[1]] = v
		case "set":
			for _, f := range fs[2:] {
				r.sets[fs[1]] = append(r.sets[fs[1]], int(num(f)))
			}
		case "scalar":
			r.scalars[fs[1]] = num(fs[2])
		default:
			t.Fatalf("%s:%d: unknown line %q", file, line, sc.Text())
		}
	}
	f.Close()
}

func (r *ref) network() *Network { return NewNetwork(len(r.groups), r.edges) }

func (r *ref) partition() Groups {
	k := 0
	for _, g := range r.groups {
		k = max(k, g+1)
	}
	return Groups{Label: r.groups, K: k}
}

func (r *ref) value(t testing.TB, measure string) []float64 {
	t.Helper()
	v, ok := r.values[measure]
	if !ok {
		t.Fatalf("%s: no reference values for %s", r.name, measure)
	}
	return v
}

func (r *ref) scalar(t testing.TB, measure string) float64 {
	t.Helper()
	v, ok := r.scalars[measure]
	if !ok {
		t.Fatalf("%s: no reference value for %s", r.name, measure)
	}
	return v
}

// near reports whether a and b agree within tol, absolutely for values
// up to 1 and relatively above; NaN agrees only with NaN.
func near(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol*max(1, math.Abs(b))
}

// compareNodes checks got against the reference node by node.
func compareNodes(t *testing.T, r *ref, measure string, got []float64, tol float64) {
	t.Helper()
	want := r.value(t, measure)
	if len(got) < len(want) {
		t.Fatalf("%s %s: %d values, want %d", r.name, measure, len(got), len(want))
	}
	bad := 0
	for i, w := range want {
		if !near(got[i], w, tol) {
			if bad < 5 {
				t.Errorf("%s %s node %d (%s): got %.17g, want %.17g", r.name, measure, i, r.names[i], got[i], w)
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s %s: %d nodes differ in all", r.name, measure, bad)
	}
}

func compareScalar(t *testing.T, r *ref, measure string, got, tol float64) {
	t.Helper()
	if want := r.scalar(t, measure); !near(got, want, tol) {
		t.Errorf("%s %s: got %.17g, want %.17g", r.name, measure, got, want)
	}
}

func ints(x []int) []float64 {
	f := make([]float64, len(x))
	for i, v := range x {
		f[i] = float64(v)
	}
	return f
}
