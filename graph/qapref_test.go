package graph

import (
	"bufio"
	"compress/gzip"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// qapRef is one model of testdata/qap_ref.txt, as R sna fitted it.
type qapRef struct {
	id, dataset string
	model       QAPModel
	null        QAPNull
	reps        int
	outcome     string
	specs       []string
	terms       map[string][3]float64 // sum, sum of squares, missing
	termOrder   []string
	coefs       []qapRefCoef
	fit         map[string]float64
}

type qapRefCoef struct {
	name string
	v    [12]float64 // estimate se stat ple pge pabs min q1 median mean q3 max
}

// openRef opens a reference file, gunzipping a .gz one.
func openRef(t *testing.T, file string) io.ReadCloser {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(file, ".gz") {
		return f
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return struct {
		io.Reader
		io.Closer
	}{z, f}
}

func loadQAPRefs(t *testing.T, file string) []*qapRef {
	t.Helper()
	f := openRef(t, file)
	defer f.Close()
	var refs []*qapRef
	byID := map[string]*qapRef{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	num := func(s string) float64 {
		if s == "NA" || s == "NaN" {
			return math.NaN()
		}
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
		if fs[0] != "model" && byID[fs[1]] == nil {
			t.Fatalf("%s:%d: model %q not declared", file, line, fs[1])
		}
		switch fs[0] {
		case "model":
			model, err := ParseQAPModel(fs[3])
			if err != nil {
				t.Fatal(err)
			}
			null, err := ParseQAPNull(fs[4])
			if err != nil {
				t.Fatal(err)
			}
			r := &qapRef{id: fs[1], dataset: fs[2], model: model, null: null, reps: int(num(fs[5])), outcome: fs[6],
				specs: strings.Split(fs[7], ","), terms: map[string][3]float64{}, fit: map[string]float64{}}
			refs = append(refs, r)
			byID[r.id] = r
		case "term":
			r := byID[fs[1]]
			r.terms[fs[2]] = [3]float64{num(fs[3]), num(fs[4]), num(fs[5])}
			r.termOrder = append(r.termOrder, fs[2])
		case "coef":
			c := qapRefCoef{name: fs[2]}
			for i := range c.v {
				c.v[i] = math.NaN()
				if 3+i < len(fs) {
					c.v[i] = num(fs[3+i])
				}
			}
			byID[fs[1]].coefs = append(byID[fs[1]].coefs, c)
		case "fit":
			byID[fs[1]].fit[fs[2]] = num(fs[3])
		case "perm", "dist":
			// the exact replay's lines (qap_replay.txt.gz), read by
			// loadQAPReplay
		default:
			t.Fatalf("%s:%d: unknown line %q", file, line, sc.Text())
		}
	}
	var complete []*qapRef // a run of qap_ref.R still under way ends with a partial model
	for _, r := range refs {
		if len(r.coefs) > 0 {
			complete = append(complete, r)
		}
	}
	return complete
}

// TestQAPSNA compares QAP with R sna netlm and netlogit
// (testdata/qap_ref.R, qap_ref_sample.txt and qap_ref_qap300.txt: the
// models whose runs have finished, sna being slow) on the sample dataset
// and on qap300,
// 300 survey-shaped organizations (testdata/qap300.py): every dyadic
// variable as R built it from the CSV files (sum, sum of squares and
// missing count), the coefficients, standard errors, t or z values and
// fit statistics to 1e-9, and the permutation p-values and null
// distributions, drawn from other random numbers but as many of them,
// within their Monte Carlo error.
func TestQAPSNA(t *testing.T) {
	var refs []*qapRef
	for _, part := range []string{"sample", "qap300"} {
		file := filepath.Join("testdata", "qap_ref_"+part+".txt")
		if _, err := os.Stat(file); os.IsNotExist(err) && part == "qap300" {
			continue // qap300 is checked by TestQAPReplaySNA
		}
		rs := loadQAPRefs(t, file)
		if len(rs) == 0 {
			t.Fatal("no models in ", file)
		}
		refs = append(refs, rs...)
	}
	dirs := map[string]string{"sample": filepath.Join("testdata", "qapsample"), "qap300": filepath.Join("testdata", "qap300")}
	datasets := map[string]*Dataset{}
	for _, ref := range refs {
		t.Run(ref.id+"/"+ref.dataset, func(t *testing.T) {
			d := datasets[ref.dataset]
			if d == nil {
				d = loadCSVDataset(t, dirs[ref.dataset])
				datasets[ref.dataset] = d
			}
			y, terms := refDesign(t, d, ref.outcome, ref.specs)
			// The dyadic variables, as R built them.
			check := func(name string, x Dyads) {
				want, ok := ref.terms[name]
				if !ok {
					t.Errorf("term %q: not in the reference (it has %v)", name, ref.termOrder)
					return
				}
				var s, s2 float64
				miss := 0
				for _, v := range x.V {
					if math.IsNaN(v) {
						miss++
						continue
					}
					s += v
					s2 += v * v
				}
				if !relNear(s, want[0], 1e-12) || !relNear(s2, want[1], 1e-12) || float64(miss) != want[2] {
					t.Errorf("term %q: sum %v, sum of squares %v, missing %d; R %v", name, s, s2, miss, want)
				}
			}
			check(ref.outcome, y.X)
			for _, tm := range terms {
				check(tm.Name, tm.X)
			}
			if len(terms)+1 != len(ref.coefs) {
				t.Fatalf("%d terms, R has %d coefficients", len(terms), len(ref.coefs)-1)
			}
			fit, err := QAP(context.Background(), y.X, terms, QAPOptions{Model: ref.model, Null: ref.null, Permutations: ref.reps, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if fit.Failed > 0 {
				t.Errorf("%d permutation fits failed", fit.Failed)
			}
			if got := float64(fit.N); got != ref.fit["n"] {
				t.Errorf("dyads fitted %v, R %v", got, ref.fit["n"])
			}
			stats := map[string]float64{
				"r_squared": fit.RSquared, "adj_r_squared": fit.AdjRSquared, "sigma": fit.Sigma, "f": fit.F,
				"deviance": fit.Deviance, "null_deviance": fit.NullDeviance, "df_null": float64(fit.DFNull),
				"aic": fit.AIC, "bic": fit.BIC, "pseudo_r2": fit.PseudoR2, "deviance_r2": fit.DevianceR2,
				"intercept_deviance": fit.InterceptDeviance, "fraction_correct": fit.FractionCorrect,
			}
			for k, want := range ref.fit {
				if k == "n" {
					continue
				}
				got, ok := stats[k]
				if !ok {
					t.Errorf("fit statistic %q: not computed", k)
					continue
				}
				if !relNear(got, want, 1e-9) {
					t.Errorf("%s = %.12g, R %.12g", k, got, want)
				}
			}
			reps := float64(ref.reps)
			for j, rc := range ref.coefs {
				c := fit.Coefficients[j]
				if c.Name != rc.name {
					t.Errorf("coefficient %d: %q, R %q", j, c.Name, rc.name)
				}
				if !relNear(c.Estimate, rc.v[0], 1e-9) || !relNear(c.SE, rc.v[1], 1e-9) || !relNear(c.Statistic, rc.v[2], 1e-9) {
					t.Errorf("%s: estimate %.12g se %.12g stat %.12g; R %.12g %.12g %.12g", c.Name, c.Estimate, c.SE, c.Statistic, rc.v[0], rc.v[1], rc.v[2])
				}
				// p-values: two estimates of one probability from reps
				// permutations each; their difference has SD sqrt(2p(1-p)/reps).
				for k, got := range []float64{c.PLessEq, c.PGreaterEq, c.PTwoSided} {
					want := rc.v[3+k]
					p := (got + want) / 2
					tol := 4.5*math.Sqrt(2*p*(1-p)/reps) + 2/reps
					if math.Abs(got-want) > tol {
						t.Errorf("%s: p-value %d = %.4f, R %.4f (tolerance %.4f)", c.Name, k, got, want, tol)
					}
				}
				// The null distribution's mean and median, within Monte
				// Carlo error on the scale of its interquartile range.
				spread := math.Max(c.Null.Q3-c.Null.Q1, rc.v[10]-rc.v[7]) / 1.349
				tol := 5*spread*math.Sqrt(2/reps) + 1e-9
				if math.Abs(c.Null.Mean-rc.v[9]) > tol*1.5 || math.Abs(c.Null.Median-rc.v[8]) > tol*1.5 {
					t.Errorf("%s: null mean %.4f median %.4f, R %.4f %.4f (tolerance %.4f)", c.Name, c.Null.Mean, c.Null.Median, rc.v[9], rc.v[8], tol*1.5)
				}
			}
		})
	}
}

// TestQAPReplaySNA replays R sna's own permutations (testdata/qap_replay.R
// and qap_replay.txt.gz: 13 models of the sample and of qap300, both
// schemes, 20 permutations each, recorded by drawing sample(1:n) again
// after sna's seed): with the permutations sna drew, QAP must find sna's
// statistic for every permutation and coefficient (fit$dist, to 1e-9: the
// logistic fits follow glm.fit's iterations from its start), and so sna's
// p-values exactly. This checks the permutation
// schemes themselves: which matrix is permuted, how the residuals of
// semi-partialling are built, and which statistic is compared.
func TestQAPReplaySNA(t *testing.T) {
	file := filepath.Join("testdata", "qap_replay.txt.gz")
	refs := loadQAPRefs(t, file)
	if len(refs) != 13 {
		t.Fatalf("%d models in %s, want 13", len(refs), file)
	}
	perms := map[string]map[[2]int][]int32{}
	dists := map[string]map[[2]int]float64{}
	f := openRef(t, file)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 4 {
			continue
		}
		coef, _ := strconv.Atoi(fs[2])
		rep, _ := strconv.Atoi(fs[3])
		switch fs[0] {
		case "perm":
			if perms[fs[1]] == nil {
				perms[fs[1]] = map[[2]int][]int32{}
			}
			o := make([]int32, len(fs)-4)
			for a, x := range fs[4:] {
				v, err := strconv.Atoi(x)
				if err != nil {
					t.Fatal(err)
				}
				o[a] = int32(v - 1)
			}
			if coef > 0 {
				coef-- // R's coefficients count from 1; qapy's are 0
			}
			perms[fs[1]][[2]int{coef, rep - 1}] = o
		case "dist":
			if dists[fs[1]] == nil {
				dists[fs[1]] = map[[2]int]float64{}
			}
			v, err := strconv.ParseFloat(fs[4], 64)
			if err != nil {
				t.Fatal(err)
			}
			dists[fs[1]][[2]int{coef - 1, rep - 1}] = v
		}
	}
	f.Close()
	dirs := map[string]string{"sample": filepath.Join("testdata", "qapsample"), "qap300": filepath.Join("testdata", "qap300")}
	datasets := map[string]*Dataset{}
	for _, ref := range refs {
		t.Run(ref.id, func(t *testing.T) {
			d := datasets[ref.dataset]
			if d == nil {
				d = loadCSVDataset(t, dirs[ref.dataset])
				datasets[ref.dataset] = d
			}
			y, terms := refDesign(t, d, ref.outcome, ref.specs)
			ps := perms[ref.id]
			missing := false
			o := QAPOptions{Model: ref.model, Null: ref.null, Permutations: ref.reps,
				permutation: func(coef, rep int, dst []int32) {
					p, ok := ps[[2]int{coef, rep}]
					if !ok || len(p) != len(dst) {
						missing = true
						for a := range dst {
							dst[a] = int32(a)
						}
						return
					}
					copy(dst, p)
				}}
			// Keep the statistics of every permutation.
			var got [][]float64
			o.keepDist = func(dist [][]float64) { got = dist }
			fit, err := QAP(context.Background(), y.X, terms, o)
			if err != nil {
				t.Fatal(err)
			}
			if missing {
				t.Fatal("a permutation is missing from the reference")
			}
			const tol = 1e-9
			want := dists[ref.id]
			bad := 0
			for j := range got {
				for r, v := range got[j] {
					w, ok := want[[2]int{j, r}]
					if !ok {
						t.Fatalf("no sna statistic for coefficient %d, permutation %d", j+1, r+1)
					}
					if !relNear(v, w, tol) {
						bad++
						if bad <= 5 {
							t.Errorf("%s permutation %d: statistic %.12g, sna %.12g", fit.Coefficients[j].Name, r+1, v, w)
						}
					}
				}
			}
			for j, rc := range ref.coefs {
				c := fit.Coefficients[j]
				if !relNear(c.Estimate, rc.v[0], 1e-9) || !relNear(c.SE, rc.v[1], 1e-9) || !relNear(c.Statistic, rc.v[2], 1e-9) {
					t.Errorf("%s: estimate %.12g se %.12g stat %.12g; sna %.12g %.12g %.12g", c.Name, c.Estimate, c.SE, c.Statistic, rc.v[0], rc.v[1], rc.v[2])
				}
				if c.PLessEq != rc.v[3] || c.PGreaterEq != rc.v[4] || c.PTwoSided != rc.v[5] {
					t.Errorf("%s: p-values %v %v %v, sna %v %v %v", c.Name, c.PLessEq, c.PGreaterEq, c.PTwoSided, rc.v[3], rc.v[4], rc.v[5])
				}
			}
		})
	}
}

// refDesign builds a reference model's outcome and terms from d, as the
// R scripts name them.
func refDesign(t *testing.T, d *Dataset, outcome string, specs []string) (QAPTerm, []QAPTerm) {
	t.Helper()
	y, terms, err := QAPDesign(d, outcome, specs, TieSelection{})
	if err != nil {
		t.Fatal(err)
	}
	return y, terms
}
