package graph

// Fuzz targets for the differential checks (diff_test.go): each decodes a
// network from bytes and runs one check, so `go test -fuzz` explores
// shapes the generators do not make. .ci/run runs each for a fixed number
// of inputs; crashers go to testdata/fuzz as regressions.

import "testing"

// fuzzWeights are the tie weights a byte picks: ties, powers of 2 (exact
// path lengths), counts and awkward reals.
var fuzzWeights = [8]float64{1, 1, 2, 0.5, 3, 4, 0.3, 1.7}

// decodeCase reads a one-mode network: byte 0 gives the number of nodes
// (1..48), byte 1 the number of sectors (1..4), then each 3 bytes a tie
// (u, v, weight index); ties of a node to itself are skipped, repeated
// ties add their weights. Sectors cycle through the bytes.
func decodeCase(data []byte) tcase {
	if len(data) < 2 {
		return tcase{name: "fuzz", n: 1, labels: []int{0}}
	}
	n := 1 + int(data[0])%48
	k := 1 + int(data[1])%4
	c := tcase{name: "fuzz", n: n, labels: make([]int, n)}
	for i := range c.labels {
		c.labels[i] = int(data[i%len(data)]) % k
	}
	for i := 2; i+2 < len(data); i += 3 {
		u, v := int(data[i])%n, int(data[i+1])%n
		if u != v {
			c.edges = append(c.edges, Edge{U: min(u, v), V: max(u, v), W: fuzzWeights[data[i+2]%8]})
		}
	}
	return c
}

// decodeAffiliation reads two-mode data: byte 0 the number of
// organizations (1..40), byte 1 of groups (1..24), then each 2 bytes a
// membership.
func decodeAffiliation(data []byte) tcase {
	if len(data) < 2 {
		return tcase{name: "fuzz", orgs: 1, groups: 1}
	}
	c := tcase{name: "fuzz", orgs: 1 + int(data[0])%40, groups: 1 + int(data[1])%24}
	for i := 2; i+1 < len(data); i += 2 {
		c.pairs = append(c.pairs, [2]int{int(data[i]) % c.orgs, int(data[i+1]) % c.groups})
	}
	return c
}

// encodeCase is decodeCase's inverse for seeds (at most 48 nodes).
func encodeCase(c tcase) []byte {
	b := []byte{byte(c.n - 1), 3}
	for _, e := range c.edges {
		w := byte(0)
		for i, x := range fuzzWeights {
			if x == e.W {
				w = byte(i)
			}
		}
		b = append(b, byte(e.U), byte(e.V), w)
	}
	return b
}

func addSeeds(f *testing.F) {
	f.Add(encodeCase(tcase{n: 12, edges: broom().Edges()}))
	f.Add([]byte{2, 0, 0, 1, 4, 1, 2, 4, 0, 2, 0}) // the weak twin tie triangle
	for _, c := range genCases(7, 20, 12) {
		if c.n <= 48 {
			f.Add(encodeCase(c))
		}
	}
}

func fuzzOneMode(f *testing.F, check diffCheck) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c := decodeCase(data)
		if msg := safeCheck(check, c); msg != "" {
			small := shrink(c, check)
			t.Fatalf("%s\nsmallest failing network: %s\n  %s", msg, small.goString(), safeCheck(check, small))
		}
	})
}

func FuzzPaths(f *testing.F)      { fuzzOneMode(f, checkPaths) }
func FuzzTwins(f *testing.F)      { fuzzOneMode(f, checkTwins) }
func FuzzApprox(f *testing.F)     { fuzzOneMode(f, checkApprox) }
func FuzzSampler(f *testing.F)    { fuzzOneMode(f, checkPathSampler) }
func FuzzSpectral(f *testing.F)   { fuzzOneMode(f, checkSpectral) }
func FuzzStructural(f *testing.F) { fuzzOneMode(f, checkStructural) }

func FuzzTwoMode(f *testing.F) {
	f.Add([]byte{6, 4, 0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 3, 2, 4, 2, 3, 3, 4, 3, 5, 3, 6, 3, 4, 4, 5, 4, 6, 4})
	f.Add([]byte{8, 2, 0, 0, 0, 1, 1, 0, 2, 0, 3, 1, 3, 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		c := decodeAffiliation(data)
		if msg := safeCheck(checkTwoMode, c); msg != "" {
			small := shrink(c, checkTwoMode)
			t.Fatalf("%s\nsmallest failing network: %s\n  %s", msg, small.goString(), safeCheck(checkTwoMode, small))
		}
	})
}
