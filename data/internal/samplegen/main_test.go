package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestGenerateDeterministic generates the sample twice and checks that both
// runs give the same bytes, and that they are the files committed in
// data/sample (regenerate with `go generate ./data` after changing the
// generator).
func TestGenerateDeterministic(t *testing.T) {
	a, b := generate(), generate()
	if !slices.Equal(slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b))) {
		t.Fatal("two runs wrote different files")
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s: two runs differ", name)
		}
	}
	dir := filepath.Join("..", "..", "sample")
	committed, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(committed) != len(a) {
		t.Errorf("data/sample holds %d CSV files, the generator writes %d", len(committed), len(a))
	}
	for name, want := range a {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%v (run go generate ./data)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/sample/%s is not what the generator writes (run go generate ./data)", name)
		}
	}
}

// TestRunWritesFolder runs the command into a temporary
// folder, twice, and compares the bytes.
func TestRunWritesFolder(t *testing.T) {
	var runs [2]map[string][]byte
	for i := range runs {
		dir := t.TempDir()
		if err := run([]string{"-o", dir}); err != nil {
			t.Fatal(err)
		}
		runs[i] = map[string][]byte{}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			runs[i][e.Name()] = b
		}
	}
	if len(runs[0]) != 9 {
		t.Fatalf("wrote %d files, want 9", len(runs[0]))
	}
	if !maps.EqualFunc(runs[0], runs[1], bytes.Equal) {
		t.Error("two runs of samplegen wrote different bytes")
	}
}
