package out

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sectornet/sectornet/graph"
)

// Analysis is the analysis of one dataset: the dataset, the networks built
// from it, and every measure, test and layout computed from them. Each
// result is computed on first use, at most once, and kept; every table,
// figure and headline is a view that reads what it needs from here. A
// command asks an Analysis for one view; the report asks one Analysis for
// all of them, so a measure that several views show (betweenness sizes the
// network diagram, ranks the centrality chart, fills the centrality table
// and names the top brokers) is computed once.
//
// An Analysis is safe for concurrent use. A computation stopped by its
// context is not kept: the next caller computes it again.
type Analysis struct {
	Dataset *graph.Dataset
	opts    AnalysisOptions

	mu   sync.Mutex
	memo map[any]*result
	work map[any]*Work
}

// AnalysisOptions are what an Analysis needs from the program that runs it.
type AnalysisOptions struct {
	// Source is the dataset's folder or workbook as the user named it,
	// "" for the embedded sample.
	Source string
	// Layout lays diagrams out (see LayoutFunc); nil lays them out in
	// this process with GraphvizJSON.
	Layout LayoutFunc
	// Progress, when not nil, returns the progress callback of a long
	// computation named what (or nil for none).
	Progress func(what string) func(done, total int)
	// Phase, when not nil, starts the status line of a computation of
	// unknown length named what.
	Phase func(what string) Phase
	// LiteralCSV makes the report's CSV tables literal (--raw) instead
	// of spreadsheet-safe (see Cells).
	LiteralCSV bool
	// Context, when not nil, stops the computations whose methods take
	// no context (Network's projection, Brokerage) once it is cancelled.
	Context context.Context
}

// Phase is the status line of a computation of unknown length.
type Phase interface {
	Set(detail string) // the latest detail (a Louvain level and sweep)
	End()
}

// NewAnalysis returns the analysis of d; nothing is computed yet.
func NewAnalysis(d *graph.Dataset, o AnalysisOptions) *Analysis {
	return &Analysis{Dataset: d, opts: o, memo: map[any]*result{}, work: map[any]*Work{}}
}

// ctx is the analysis's context (AnalysisOptions.Context), for the
// computations whose methods take none.
func (a *Analysis) ctx() context.Context {
	if a.opts.Context == nil {
		return context.Background()
	}
	return a.opts.Context
}

// Source is the dataset's folder or workbook, "" for the embedded sample.
func (a *Analysis) Source() string { return a.opts.Source }

// SampleMark ends the title of every table, figure and export made from
// the embedded sample, so that it never passes for a dataset's results.
const SampleMark = " (embedded sample: synthetic data)"

// SampleNote is the first note of a diagram's legend made from the
// embedded sample.
const SampleNote = "Data: the embedded sample (synthetic)."

// result is one memoized computation.
type result struct {
	mu   sync.Mutex
	done bool
	v    any
	err  error
}

// memo returns the result of f for key, computing it on the first call
// only. Errors are kept too (the same request fails the same way), except
// a cancelled context's.
func memo[T any](a *Analysis, key any, f func() (T, error)) (T, error) {
	a.mu.Lock()
	r := a.memo[key]
	if r == nil {
		r = &result{}
		a.memo[key] = r
	}
	a.mu.Unlock()
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.done {
		start := time.Now()
		v, err := f()
		elapsed := time.Since(start)
		a.mu.Lock()
		w := a.work[key]
		if w == nil {
			w = &Work{Kind: strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf("%T", key), "out."), "Key"), Key: fmt.Sprintf("%+v", key)}
			a.work[key] = w
		}
		w.Runs++
		w.Elapsed += elapsed
		a.mu.Unlock()
		if err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
			return v, err
		}
		r.v, r.err, r.done = v, err, true
	}
	v, _ := r.v.(T)
	return v, r.err
}

// Work is one computation an Analysis ran: its kind ("network",
// "paths", "layout", ...), its key, how many times it ran and the time
// it took (of computations that use other results, their own share
// only when those were computed before).
type Work struct {
	Kind, Key string
	Runs      int
	Elapsed   time.Duration
}

// Work lists every computation the analysis ran, sorted by kind and key:
// the evidence that each ran once.
func (a *Analysis) Work() []Work {
	a.mu.Lock()
	defer a.mu.Unlock()
	var ws []Work
	for _, w := range a.work {
		ws = append(ws, *w)
	}
	slices.SortFunc(ws, func(x, y Work) int {
		if c := strings.Compare(x.Kind, y.Kind); c != 0 {
			return c
		}
		return strings.Compare(x.Key, y.Key)
	})
	return ws
}

func (a *Analysis) progress(what string) func(done, total int) {
	if a.opts.Progress == nil {
		return nil
	}
	return a.opts.Progress(what)
}

type noPhase struct{}

func (noPhase) Set(string) {}
func (noPhase) End()       {}

func (a *Analysis) phase(what string) Phase {
	if a.opts.Phase == nil {
		return noPhase{}
	}
	return a.opts.Phase(what)
}

// The keys of the memoized computations; their type names are the kinds
// Work reports.
type (
	networkKey struct{ spec graph.NetworkSpec }
	pathsKey   struct {
		spec  graph.NetworkSpec
		paths graph.Paths
	}
	approxPathsKey struct {
		spec         graph.NetworkSpec
		approx       Approx
		seed         uint64
		wantB, wantC bool
	}
	eigenvectorKey struct{ spec graph.NetworkSpec }
	pagerankKey    struct {
		spec graph.NetworkSpec
		stop graph.PageRankStop
	}
	louvainKey struct {
		spec       graph.NetworkSpec
		resolution float64
		seed       uint64
	}
	brokerageKey struct{ spec graph.NetworkSpec }
	trianglesKey struct{ spec graph.NetworkSpec }
	mapLayoutKey struct {
		spec       graph.NetworkSpec
		method     string
		resolution float64
		seed       uint64
	}
	eiTestKey struct {
		spec graph.NetworkSpec
		reps int
		seed uint64
	}
	twoModeKey   struct{ basis graph.Basis }
	balanceKey   struct{ forums string }
	tieChangeKey struct{ o graph.ChangeOptions } // with Permutations and Seed 0
	changeKey    struct{ o graph.ChangeOptions }
	firstsKey    struct{}
	tieTestKey   struct {
		spec graph.NetworkSpec
		test graph.BackboneSpec
	}
	layoutKey struct {
		engine      string
		nodes, ties int
		dot         string // SHA-256 of the Graphviz source
	}
)

// Network returns the one-mode network spec describes.
func (a *Analysis) Network(spec graph.NetworkSpec) (*graph.Network, error) {
	return memo(a, networkKey{spec}, func() (*graph.Network, error) {
		ph := a.phase("building the network")
		defer ph.End()
		g, err := graph.OneModeContext(a.ctx(), a.Dataset, spec)
		if err != nil && a.ctx().Err() == nil {
			return nil, &RequestError{err}
		}
		return g, err
	})
}

// Describe says in one line which network spec is.
func (a *Analysis) Describe(spec graph.NetworkSpec) string {
	switch spec.Basis {
	case graph.BasisTies:
		w := spec.Wave
		if w == "" {
			ws := a.Dataset.Waves()
			w = ws[len(ws)-1]
		}
		s := "collaboration ties reported in wave " + w
		if spec.Type != "" {
			s += " (type " + spec.Type + ")"
		}
		if spec.Rule != graph.RuleMax || spec.Missing != graph.MissingReconstruct {
			s += fmt.Sprintf(", reports combined by the %s rule, nonrespondents' ties %s (respondents: %s)", spec.Rule, map[graph.Missing]string{graph.MissingReconstruct: "reconstructed", graph.MissingDrop: "dropped"}[spec.Missing], RespondentSource(graph.Responses(a.Dataset, w).Inferred))
		}
		return s
	case graph.BasisMeetings:
		return "organizations tied by meetings attended together, weight " + spec.Weighting.String()
	}
	return "organizations tied by shared forums, weight " + spec.Weighting.String()
}

// Paths returns the exact betweenness and closeness of the network spec
// describes, with path lengths paths.
func (a *Analysis) Paths(ctx context.Context, spec graph.NetworkSpec, paths graph.Paths) (graph.PathCentrality, error) {
	g, err := a.Network(spec)
	if err != nil {
		return graph.PathCentrality{}, err
	}
	return memo(a, pathsKey{spec, paths}, func() (graph.PathCentrality, error) {
		return graph.ShortestPathCentrality(ctx, g, graph.PathOptions{Paths: paths, Progress: a.progress("betweenness and closeness")})
	})
}

// Eigenvector returns the eigenvector centrality of the network spec
// describes.
func (a *Analysis) Eigenvector(spec graph.NetworkSpec) ([]float64, error) {
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	return memo(a, eigenvectorKey{spec}, func() ([]float64, error) {
		v, err := graph.Eigenvector(g)
		if err != nil {
			return nil, fmt.Errorf("eigenvector centrality: %w", err)
		}
		return v, nil
	})
}

// PageRank returns the PageRank of the network spec describes (damping
// 0.85), stopped by stop.
func (a *Analysis) PageRank(spec graph.NetworkSpec, stop graph.PageRankStop) ([]float64, error) {
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	return memo(a, pagerankKey{spec, stop}, func() ([]float64, error) {
		v, err := graph.PageRank(g, graph.PageRankOptions{Stop: stop})
		if err != nil {
			return nil, fmt.Errorf("pagerank: %w", err)
		}
		return v, nil
	})
}

// Louvain returns the Louvain communities of the network spec describes.
func (a *Analysis) Louvain(ctx context.Context, spec graph.NetworkSpec, resolution float64, seed uint64) (graph.Groups, error) {
	g, err := a.Network(spec)
	if err != nil {
		return graph.Groups{}, err
	}
	return memo(a, louvainKey{spec, resolution, seed}, func() (graph.Groups, error) {
		ph := a.phase("communities (Louvain)")
		defer ph.End()
		return graph.LouvainContext(ctx, g, resolution, seed, func(level, sweep int) {
			ph.Set(fmt.Sprintf("level %d, sweep %d", level, sweep))
		})
	})
}

// Brokerage returns the Gould-Fernandez brokerage roles of every
// organization between sectors in the network spec describes.
func (a *Analysis) Brokerage(spec graph.NetworkSpec) ([]graph.Brokerage, error) {
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	return memo(a, brokerageKey{spec}, func() ([]graph.Brokerage, error) {
		return graph.BrokerageRolesContext(a.ctx(), g, graph.SectorGroups(a.Dataset))
	})
}

// MapLayout returns ForceLayout's positions of the organizations of the
// network spec describes, each starting around its community (method,
// resolution, seed) when the network has ties, with seed's start: the
// map of report.html. The slices are shared: copy them to change them.
func (a *Analysis) MapLayout(ctx context.Context, spec graph.NetworkSpec, method string, resolution float64, seed uint64) (x, y []float64, err error) {
	g, err := a.Network(spec)
	if err != nil {
		return nil, nil, err
	}
	xy, err := memo(a, mapLayoutKey{spec, method, resolution, seed}, func() ([2][]float64, error) {
		o := ForceOptions{Seed: seed}
		if g.M() > 0 {
			comm, err := a.Communities(ctx, spec, method, resolution, seed)
			if err != nil {
				return [2][]float64{}, err
			}
			if comm.K > 0 {
				o.Groups = comm.Label
			}
		}
		x, y, err := ForceLayout(ctx, g, o)
		return [2][]float64{x, y}, err
	})
	return xy[0], xy[1], err
}

// Triangles returns the triangles at every organization of the network
// spec describes (graph.Triangles), for its clustering and transitivity.
func (a *Analysis) Triangles(ctx context.Context, spec graph.NetworkSpec) ([]int64, error) {
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	return memo(a, trianglesKey{spec}, func() ([]int64, error) { return graph.TrianglesContext(ctx, g) })
}

// EIPermutationTest returns the permutation test of the sector E-I index
// of the network spec describes.
func (a *Analysis) EIPermutationTest(ctx context.Context, spec graph.NetworkSpec, reps int, seed uint64) (graph.EIPermutation, error) {
	g, err := a.Network(spec)
	if err != nil {
		return graph.EIPermutation{}, err
	}
	return memo(a, eiTestKey{spec, reps, seed}, func() (graph.EIPermutation, error) {
		return graph.EIPermutationTest(ctx, g, graph.SectorGroups(a.Dataset), graph.PermutationOptions{Reps: reps, Seed: seed, Progress: a.progress("E-I permutation test")})
	})
}

// TwoMode returns the two-mode centralities of organizations and forums
// (or meetings, for graph.BasisMeetings).
func (a *Analysis) TwoMode(ctx context.Context, basis graph.Basis) (graph.TwoModeCentrality, error) {
	return memo(a, twoModeKey{basis}, func() (graph.TwoModeCentrality, error) {
		return graph.TwoMode(ctx, a.affiliation(basis), graph.PathOptions{Progress: a.progress("betweenness and closeness")})
	})
}

func (a *Analysis) affiliation(basis graph.Basis) *graph.Affiliation {
	if basis == graph.BasisMeetings {
		return graph.MeetingAffiliation(a.Dataset)
	}
	return graph.ForumAffiliation(a.Dataset)
}

// Balance returns the sector balance of the forums (indices into
// Dataset.Forums; nil for all).
func (a *Analysis) Balance(forums []int) graph.Balance {
	b, _ := memo(a, balanceKey{fmt.Sprint(forums)}, func() (graph.Balance, error) {
		return graph.SectorBalances(a.Dataset, forums), nil
	})
	return b
}

// Change returns the comparison of two survey waves o asks for. The tie
// change is computed once per pair of waves, type and universe; the
// permutation test once per number of permutations and seed.
func (a *Analysis) Change(ctx context.Context, o graph.ChangeOptions) (*graph.Change, error) {
	b := o
	b.Permutations, b.Seed = 0, 0
	base, err := memo(a, tieChangeKey{b}, func() (*graph.Change, error) {
		c, err := graph.CompareWaves(ctx, a.Dataset, b)
		if err != nil && ctx.Err() == nil {
			return nil, &RequestError{err}
		}
		return c, err
	})
	if err != nil || o.Permutations == 0 && o.Seed == 0 {
		return base, err
	}
	return memo(a, changeKey{o}, func() (*graph.Change, error) {
		if o.Permutations < 0 {
			return nil, &RequestError{fmt.Errorf("the number of permutations must be 0 or more, not %d", o.Permutations)}
		}
		c := *base
		var err error
		x := c.Attribution
		if c.Attribution, err = graph.Attribute(ctx, x.Candidates, x.Coparticipants, x.New, x.NewCoparticipant, o.Permutations, o.Seed); err != nil {
			return nil, err
		}
		x = c.CrossAttribution
		if c.CrossAttribution, err = graph.Attribute(ctx, x.Candidates, x.Coparticipants, x.New, x.NewCoparticipant, o.Permutations, o.Seed); err != nil {
			return nil, err
		}
		return &c, nil
	})
}

// TieTest returns the backbone test of every tie of the network spec
// describes (see graph.TestTies).
func (a *Analysis) TieTest(ctx context.Context, spec graph.NetworkSpec, test graph.BackboneSpec) (*graph.TieTest, error) {
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	return memo(a, tieTestKey{spec, test}, func() (*graph.TieTest, error) {
		ph := a.phase("testing ties")
		defer ph.End()
		t, err := graph.TestTiesOn(ctx, a.Dataset, g, spec, test)
		if err != nil && ctx.Err() == nil {
			return nil, &RequestError{err}
		}
		return t, err
	})
}

// Firsts returns who met whom first, meeting by meeting.
func (a *Analysis) Firsts() graph.Firsts {
	f, _ := memo(a, firstsKey{}, func() (graph.Firsts, error) { return graph.FirstMeetings(a.Dataset), nil })
	return f
}

// RequestError is an error in what a view was asked for, not in the
// machine: a wave, type or organization the dataset lacks, a view the
// dataset cannot give. cmd exits with its usage status for it.
type RequestError struct{ Err error }

func (e *RequestError) Error() string { return e.Err.Error() }
func (e *RequestError) Unwrap() error { return e.Err }
