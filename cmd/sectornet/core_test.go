package main

import (
	"encoding/json"
	"testing"
)

// TestCoreCommand: the good dataset's forum network (ties A-B, A-C, A-D,
// B-C, C-D; E alone) has several perfect core/periphery splits: a
// triangle as the core ({A,B,C} or {A,C,D}) and the two others, whose
// only pair is untied, as the periphery. Over those 3 + 1 pairs the ties
// are the ideal pattern, so ρ = 1. A-D are in the 2-core (each has two
// partners among them), E in none.
func TestCoreCommand(t *testing.T) {
	code, out, errs := sectornet(t, "core", good, "--format", "json", "--permutations", "20", "--seed", "3")
	if code != 0 {
		t.Fatal(errs)
	}
	var v struct {
		Core []struct {
			Measure string   `json:"measure"`
			Value   *float64 `json:"value"`
		} `json:"core"`
		Sectors []struct {
			Sector string `json:"sector"`
			Orgs   int    `json:"orgs"`
			InCore int    `json:"in_core"`
		} `json:"sectors"`
		Orgs []struct {
			ID    string  `json:"id"`
			Block string  `json:"block"`
			Kcore int     `json:"kcore"`
			Coren float64 `json:"coreness"`
		} `json:"organizations"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	m := map[string]float64{}
	for _, r := range v.Core {
		if r.Value != nil {
			m[r.Measure] = *r.Value
		}
	}
	if m["fit"] != 1 || m["core_size"] != 3 || m["core_density"] != 1 || m["periphery_density"] != 0 || m["permutations"] != 20 || m["max_kcore"] != 2 {
		t.Errorf("core table %v", m)
	}
	if p := m["p_value"]; !(p > 0 && p <= 1) {
		t.Errorf("p_value %v", p)
	}
	core := map[string]bool{}
	for _, o := range v.Orgs {
		core[o.ID] = o.Block == "core"
		want := 2
		if o.ID == "E" {
			want = 0
		}
		if o.Kcore != want {
			t.Errorf("%s: kcore %d, want %d", o.ID, o.Kcore, want)
		}
	}
	if !core["A"] || !core["C"] || core["E"] || core["B"] == core["D"] {
		t.Errorf("core %v: want A, C and one of B, D", core)
	}
	in := 0
	for _, s := range v.Sectors {
		in += s.InCore
	}
	if in != 3 || len(v.Sectors) != 4 {
		t.Errorf("sectors %+v", v.Sectors)
	}
}

func TestCoreCommandErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"core", good, "--restarts", "0"}, "sectornet: --restarts 0: want from 1 to 100000 restarts\n"},
		{[]string{"core", good, "--permutations", "9223372036854775807"}, "sectornet: --permutations 9223372036854775807: want from 0 to 100000 permutations (0 skips the test)\n"},
		{[]string{"communities", good, "--method", "spectral"}, "sectornet: --method \"spectral\": want leiden or louvain\n"},
	} {
		code, out, errs := sectornet(t, tt.args...)
		if code != exitUsage || out != "" || errs != tt.msg {
			t.Errorf("%v: code %d, stderr %q, want %q", tt.args, code, errs, tt.msg)
		}
	}
}
