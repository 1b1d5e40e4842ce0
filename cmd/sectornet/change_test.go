package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// waves is the two-wave dataset worked by hand in graph/change_test.go
// (wavePair): A gov, B bus, C npo, D npo, E aca, F bus (F joins in 2014);
// forums F1 {A,B,C}, F2 {C,D,E}; the rows of ties.csv interleave the
// waves, and A-B is reported by both A and B in 2012.
const waves = "testdata/waves"

// TestChangeByHand checks the change command's numbers against the hand
// working in graph/change_test.go (TestCompareWavesByHand):
// 15 pairs; 2012 ties A-B C-D D-E; 2014 ties A-B B-C D-F D-E A-E C-E;
// N00 8, N01 4, N10 1, N11 2; Hamming 5; Jaccard 2/7; new ties among
// co-participants 3 of 4 (observed 0.75) against 5 of the 12 pairs with
// no 2012 tie (expected 5/12); ratio 1.8; exact p 75/495.
func TestChangeByHand(t *testing.T) {
	code, out, errs := sectornet(t, "change", waves, "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{
		"pairs,15\n", "ties in 2012,3\n", "ties in 2014,6\n", "no tie in either (N00),8\n", "new (N01),4\n",
		"dissolved (N10),1\n", "kept (N11),2\n", "Hamming distance,5\n", "Jaccard index,0.2857142857142857\n",
		"new cross-sector ties,4\n", "new ties among co-participants,3\n", "new ties between forum co-members,2\n",
		"new ties between meeting co-attendees,2\n", "newcomers,1\n", "new ties involving a newcomer,1\n",
		"all,all,15,8,4,1,2,5,0.2857142857142857\n",
		"cross-sector,cross-sector,13,7,4,0,2,4,0.3333333333333333\n",
		"npo,aca,2,0,1,0,1,1,0.5\n",
		"all,4,3,0.75,12,5,0.4166666666666667,1.8,",
		"cross-sector,4,3,0.75,11,5,0.45454545454545453,1.65,",
		"E-I index,0.3333333333333333,1,0.6666666666666667\n",
		"mean degree,1,2,1\n",
		// Trust: A-B 2012 is (2+3)/2 = 2.5; 2012 mean (2.5+1+3)/3.
		"all,all,all,2012,3,3,2.1666666666666665,2,1.5\n", "new,all,all,2014,4,3,3,3,2.6666666666666665\n",
		// Top gainers C and E (2 new partners each, both cross-sector).
		"C,Gamma NGO,npo,2,2,1,0,\"Beta Ltd, Epsilon University\"\n",
		"E,Epsilon University,aca,2,2,0,1,\"Alpha Ministry, Gamma NGO\"\n",
		"F,Phi Startup,bus,0,1,1,0,0,1,yes\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("change lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "C,Gamma NGO,npo,2,2") > strings.Index(out, "E,Epsilon University,aca,2,2") {
		t.Error("top gainers: C should come before E (same counts, dataset order)")
	}
}

func TestChangeJSON(t *testing.T) {
	code, out, errs := sectornet(t, "change", waves, "--from", "2012", "--to", "2014", "--format", "json", "--seed", "3", "--permutations", "499")
	if code != 0 {
		t.Fatal(errs)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for key, want := range map[string]any{
		"from": "2012", "to": "2014", "ties_before": 3.0, "ties_after": 6.0, "new": 4.0, "dissolved": 1.0, "kept": 2.0,
		"hamming": 5.0, "jaccard": 2.0 / 7, "new_cross_sector": 4.0, "new_among_coparticipants": 3.0, "no_tie": 8.0,
	} {
		if v[key] != want {
			t.Errorf("%s = %v, want %v", key, v[key], want)
		}
	}
	a := v["attribution"].(map[string]any)
	for key, want := range map[string]any{"observed_share": 0.75, "expected_share": 5.0 / 12, "ratio": 1.8, "seed": 3.0, "permutations": 499.0} {
		if a[key] != want {
			t.Errorf("attribution.%s = %v, want %v", key, a[key], want)
		}
	}
	if p := a["p_value"].(float64); p <= 0 || p > 1 {
		t.Errorf("p_value %v", p)
	}
	if orgs := v["orgs"].([]any); len(orgs) != 6 {
		t.Errorf("%d orgs", len(orgs))
	}
}

// TestChangeSeed: the same seed gives the same bytes, another seed another
// permutation p-value, and the seed is printed.
func TestChangeSeed(t *testing.T) {
	_, a, _ := sectornet(t, "change", waves, "--seed", "11", "--permutations", "999")
	_, b, _ := sectornet(t, "change", waves, "--seed", "11", "--permutations", "999")
	_, c, _ := sectornet(t, "change", waves, "--seed", "12", "--permutations", "999")
	if a != b {
		t.Error("same seed, different output")
	}
	if a == c {
		t.Error("seeds 11 and 12 gave the same output")
	}
	if !strings.Contains(a, "999 random sets") || !strings.Contains(a, "seed 11 (--seed)") {
		t.Errorf("the seed and the number of permutations are not printed:\n%s", a)
	}
}

// TestChangeWaves: three waves give every consecutive pair; --type keeps
// one type; the errors name the waves.
func TestChangeWaves(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"organizations.csv", "sectors.csv", "forums.csv", "participation.csv", "meetings.csv", "attendance.csv", "ties.csv"} {
		b, err := os.ReadFile(filepath.Join(waves, f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "ties.csv" {
			b = append(b, "A,B,2016,information,,\nB,E,2016,information,,\n"...)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	code, out, errs := sectornet(t, "change", dir, "--format", "json", "--permutations", "0")
	if code != 0 {
		t.Fatal(errs)
	}
	var v []map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	// 2014 to 2016: A-B kept; B-E new; B-C D-F D-E A-E C-E dissolved.
	if len(v) != 2 || v[0]["from"] != "2012" || v[1]["from"] != "2014" || v[1]["to"] != "2016" ||
		v[1]["kept"] != 1.0 || v[1]["new"] != 1.0 || v[1]["dissolved"] != 5.0 {
		t.Errorf("pairs of waves: %v", out)
	}
	// joint project: 2012 C-D; 2014 A-E, C-E.
	_, out, _ = sectornet(t, "change", waves, "--type", "joint project", "--format", "csv", "--permutations", "0")
	for _, want := range []string{"2012 to 2014 (type joint project): tie change", "new (N01),2\n", "dissolved (N10),1\n", "kept (N11),0\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("--type: lacks %q\n%s", want, out)
		}
	}
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--from", "2011"}, `sectornet: --from: no ties in wave "2011" (waves: "2012", "2014")` + "\n"},
		{[]string{"--from", "2014", "--to", "2012"}, `sectornet: --from "2014" must come before --to "2012" (waves in order: "2012", "2014")` + "\n"},
		{[]string{"--type", "gossip"}, `sectornet: no ties of type "gossip" (types: "information", "joint project")` + "\n"},
		{[]string{"--universe", "some"}, `sectornet: unknown universe "some" (want all or present)` + "\n"},
	} {
		code, _, errs := sectornet(t, append([]string{"change", waves}, tt.args...)...)
		if code != exitUsage || errs != tt.msg {
			t.Errorf("%v: code %d, stderr %q; want %q", tt.args, code, errs, tt.msg)
		}
	}
	// The good dataset's --universe present: A, B, C are named in both
	// waves; 3 pairs, 2012 A-B A-C, 2014 A-B: kept 1, dissolved 1.
	_, out, _ = sectornet(t, "change", good, "--universe", "present", "--format", "csv", "--permutations", "0")
	if !strings.Contains(out, "pairs,3\n") || !strings.Contains(out, "kept (N11),1\n") || !strings.Contains(out, "dissolved (N10),1\n") {
		t.Errorf("--universe present:\n%s", out)
	}
}

// TestFirsts: meetings in date order M2, M1, M5 (same day as M1, listed
// after it), M3, M4, as worked by hand in graph TestFirstMeetingsByHand.
func TestFirsts(t *testing.T) {
	code, out, errs := sectornet(t, "firsts", waves, "--format", "csv", "--pairs")
	if code != 0 {
		t.Fatal(errs)
	}
	want := "meeting,forum,date,attendees,pairs,new_pairs,new_cross_sector_pairs,cumulative_pairs,cumulative_cross_sector_pairs\n" +
		"M2,F2,2012-06-01,2,1,1,1,1,1\n" +
		"M1,F1,2013-03-01,2,1,1,1,2,2\n" +
		"M5,F1,2013-03-01,3,3,2,2,4,4\n" +
		"M3,F2,2014-05-01,3,3,3,3,7,7\n" +
		"M4,F1,2015-01-10,3,3,2,1,9,8\n"
	if !strings.Contains(out, want) {
		t.Errorf("firsts:\n%s\nwant:\n%s", out, want)
	}
	for _, w := range []string{
		"rank,meeting,forum,date,new_cross_sector_pairs,new_pairs\n1,M3,F2,2014-05-01,3,3\n2,M5,F1,2013-03-01,2,2\n3,M4,F1,2015-01-10,1,2\n",
		"A,B,gov,bus,yes,M1,2013-03-01,2\n", "C,D,npo,npo,no,M4,2015-01-10,1\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("firsts lacks %q:\n%s", w, out)
		}
	}
}

// TestSuggest: worked by hand in graph TestSuggestByHand: A-C scores
// 2/ln 3 + 1/ln 4 = 2.541825..., B-E 1/ln 3 + 1/ln 4, E-F 1/ln 3, A-D
// 1/ln 4.
func TestSuggest(t *testing.T) {
	code, out, errs := sectornet(t, "suggest", waves, "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	l3, l4 := 1/math.Log(3), 1/math.Log(4)
	want := []struct {
		a, b   string
		score  float64
		reason string
	}{
		{"A", "C", 2*l3 + l4, "both in Education; 2 common partners: Beta Ltd, Epsilon University"},
		{"B", "E", l3 + l4, "2 common partners: Alpha Ministry, Gamma NGO"},
		{"E", "F", l3, "1 common partner: Delta Association"},
		{"A", "D", l4, "1 common partner: Epsilon University"},
	}
	if len(rows) != len(want)+1 || strings.Join(rows[0], ",") != "rank,org_a,name_a,sector_a,org_b,name_b,sector_b,adamic_adar,shared_forums,common_partners,reason" {
		t.Fatalf("suggest:\n%s", out)
	}
	for k, w := range want {
		r := rows[k+1]
		score, _ := strconv.ParseFloat(r[7], 64)
		if r[0] != strconv.Itoa(k+1) || r[1] != w.a || r[4] != w.b || math.Abs(score-w.score) > 1e-12 || r[10] != w.reason {
			t.Errorf("row %d: %v, want %+v", k+1, r, w)
		}
	}
	// --org E lists E first in each row; --limit 1 keeps the best.
	_, out, _ = sectornet(t, "suggest", waves, "--format", "csv", "--org", "E", "--limit", "1")
	if !strings.Contains(out, "\n1,E,Epsilon University,aca,B,Beta Ltd,bus,1.63158") || strings.Count(out, "\n") != 2 {
		t.Errorf("--org E --limit 1:\n%s", out)
	}
	// Earlier collaboration is spelled out: in the good dataset A-C
	// collaborated in 2012, not in 2014.
	_, out, _ = sectornet(t, "suggest", good, "--format", "csv")
	if !strings.Contains(out, "both in Education and Welfare; collaborated in 2012, not in 2014") {
		t.Errorf("good:\n%s", out)
	}
	code, _, errs = sectornet(t, "suggest", waves, "--org", "e")
	if code != exitUsage || errs != "sectornet: --org \"e\": unknown organization (did you mean \"E\"?)\n" {
		t.Errorf("unknown org: %d %q", code, errs)
	}
}

// TestSummaryTieScores: summary lists each wave's mean trust and value,
// a tie's score being the mean of its reports. In the good dataset, A-B
// 2012 is reported by A (trust 3, value 2) and by B (no scores): 3, 2;
// A-C 2012: 2, 2. 2014: A-B 4/4, C-D 3/3, B-E none.
func TestSummaryTieScores(t *testing.T) {
	_, out, _ := sectornet(t, "summary", good, "--format", "csv")
	for _, want := range []string{
		"wave,sector_a,sector_b,ties,trust_n,trust_mean,value_n,value_mean\n",
		"2012,all,all,2,2,2.5,2,2\n", "2012,gov,bus,1,1,3,1,2\n", "2014,all,all,3,2,3.5,2,3.5\n", "2014,bus,aca,1,0,,0,\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

// TestSummaryTieScoresType: with --basis ties --type T, the scores are
// those of T's ties: information in the good dataset is A-B 2012 (3, 2)
// and C-D, B-E 2014 (C-D 3/3; B-E none).
func TestSummaryTieScoresType(t *testing.T) {
	_, out, _ := sectornet(t, "summary", good, "--basis", "ties", "--type", "information", "--format", "csv")
	for _, want := range []string{"# Trust and value of the ties per wave (type information)\n", "2012,all,all,1,1,3,1,2\n", "2014,all,all,2,1,3,1,3\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary --type lacks %q:\n%s", want, out)
		}
	}
}

// TestChangeSampleStory: the embedded sample tells the story it was built
// for: most of the 2014 ties that are new joined organizations that met in
// a forum, many times the share random new ties would have, also across
// sectors.
func TestChangeSampleStory(t *testing.T) {
	code, out, errs := sectornet(t, "change", "--format", "json", "--permutations", "999")
	if code != 0 {
		t.Fatal(errs)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"attribution", "attribution_cross_sector"} {
		a := v[key].(map[string]any)
		if a["observed_share"].(float64) < 0.5 || a["ratio"].(float64) < 3 || a["p_value"].(float64) > 0.01 {
			t.Errorf("%s: the sample does not show the forum effect: %v", key, a)
		}
	}
	if v["new_cross_sector"].(float64) < v["new"].(float64)/2 {
		t.Errorf("most new ties should cross sectors: %v of %v", v["new_cross_sector"], v["new"])
	}
}
