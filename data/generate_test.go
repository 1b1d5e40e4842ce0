package data

import (
	"bytes"
	"math"
	"testing"
	"testing/fstest"
)

// TestGenerate checks that generated data is valid, reproducible, and has
// the shape its options ask for (sector shares and memberships per
// organization within sampling error of 20,000 draws).
func TestGenerate(t *testing.T) {
	opt := GenerateOptions{Orgs: 4000, Seed: 7}
	d, err := Generate(opt)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, name := range FilesOf(d) {
		var b bytes.Buffer
		if err := WriteFile(&b, name, d); err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b.Bytes()}
	}
	back, err := Load(fsys)
	if err != nil {
		t.Fatalf("generated data does not validate: %v", err)
	}
	if len(back.Orgs) != 4000 || len(back.Ties) != len(d.Ties) || len(back.Memberships) != len(d.Memberships) {
		t.Errorf("read back %d orgs %d ties %d memberships", len(back.Orgs), len(back.Ties), len(back.Memberships))
	}
	// Same seed, same bytes.
	d2, _ := Generate(opt)
	for _, name := range FilesOf(d) {
		var a, b bytes.Buffer
		WriteFile(&a, name, d)
		WriteFile(&b, name, d2)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s differs between two runs with one seed", name)
		}
	}
	// Shape: the nonprofit share is 0.35 (binomial sd sqrt(.35*.65/4000)
	// = 0.0075, so 4 sd is 0.03); mean distinct memberships a little under
	// 2.5 (repeated draws of one forum collapse).
	np := 0
	for _, o := range d.Orgs {
		if o.Sector == "nonprofit" {
			np++
		}
	}
	if share := float64(np) / 4000; math.Abs(share-0.35) > 0.03 {
		t.Errorf("nonprofit share %v", share)
	}
	if m := float64(len(d.Memberships)) / 4000; m < 1.8 || m > 2.6 {
		t.Errorf("mean memberships %v", m)
	}
	// Waves: 2×orgs and 3×orgs ties.
	w := map[string]int{}
	for _, tie := range d.Ties {
		w[tie.Wave]++
	}
	if w["2012"] != 8000 || w["2014"] != 12000 {
		t.Errorf("waves %v", w)
	}
	// A tiny dataset terminates.
	if d, err := Generate(GenerateOptions{Orgs: 2, Seed: 1}); err != nil || len(d.Ties) != 2 {
		t.Errorf("two orgs: %v, %v", err, d)
	}
}

// TestGenerateLimits: absurd sizes are errors at once, not an
// out-of-memory crash (issue 20).
func TestGenerateLimits(t *testing.T) {
	for _, tt := range []struct {
		o    GenerateOptions
		want string
	}{
		{GenerateOptions{Orgs: 1_000_000_000}, "--orgs 1000000000: at most 5000000 organizations"},
		{GenerateOptions{Orgs: 1000, Memberships: 1e9}, "--orgs 1000 with --memberships 1e+09 and --forum-size 16 make 6.25e+10 forums, more than 10000000"},
		{GenerateOptions{Orgs: 1000, Memberships: math.NaN()}, "--memberships NaN: want a finite number"},
		{GenerateOptions{Orgs: 1000, ForumSize: math.Inf(1)}, "--forum-size +Inf: want a finite number"},
		{GenerateOptions{Orgs: 4_000_000, Memberships: 40, ForumSize: 1000, MaxMemberships: 100}, "--orgs 4000000 with --memberships 40 make about 1.6e+08 memberships, more than 100000000"},
		{GenerateOptions{Orgs: 1000, MaxMemberships: 1 << 40}, "--max-memberships 1099511627776: at most 10000"},
	} {
		_, err := Generate(tt.o)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%+v: got %v, want %s", tt.o, err, tt.want)
		}
	}
}
