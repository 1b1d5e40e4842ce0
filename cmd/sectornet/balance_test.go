package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// seedForum is the dataset of graph's seedDataset as files: the seed's
// 20-seat forum of three sectors (F1: 7 government, 3 business, 10
// nonprofits), an empty forum (F2) and an over-full committee (F3: 4 + 1
// in 4 seats), a key of 0.3333 for each sector. Its numbers are worked by
// hand in graph/balance_test.go (TestSectorBalancesSeed).
const seedForum = "testdata/seedforum"

// seedWarning is the warning loading seedForum prints: its forum F2 is
// not yet seated.
const seedWarning = `testdata/seedforum/forums.csv:3: warning: id "F2": no organization is a member of this forum (add its members to participation.csv, or remove the forum)` + "\n"

// csvTables reads the CSV output of several tables ("# title" lines
// between them) into rows keyed by their first cells joined with "/"
// (keyCols of them), values by column name.
// overallID names the row of all selected forums together in tables
// (out/table_balance.go).
const overallID = "all forums"

func csvTables(t *testing.T, out string, keyCols int) map[string]map[string]string {
	t.Helper()
	rows := map[string]map[string]string{}
	for _, block := range strings.Split(out, "\n\n") {
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(block), "\n") {
			if !strings.HasPrefix(l, "# ") {
				lines = append(lines, l)
			}
		}
		recs, err := csv.NewReader(strings.NewReader(strings.Join(lines, "\n"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs[1:] {
			m := map[string]string{}
			for i, c := range recs[0] {
				m[c] = r[i]
			}
			rows[strings.Join(r[:keyCols], "/")] = m
		}
		keyCols++ // the sectors table is keyed by forum and sector
	}
	return rows
}

// TestBalanceTable checks the CSV tables against the values worked by hand
// (q = 0.3333, the target; the test uses thirds as the key names every
// sector).
func TestBalanceTable(t *testing.T) {
	code, out, errs := sectornet(t, "balance", seedForum, "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	if !strings.HasPrefix(out, "# Sector balance per forum\nforum,members,capacity,over_capacity,key,blau,iqv,entropy,missing,test,statistic,df,p_value\n") ||
		!strings.Contains(out, "\n\n# Members and attendance per sector\nforum,sector,members,share,target,gap,attended,attendance_share,attendance_gap,attendance_rate\n") {
		t.Errorf("headers:\n%s", out)
	}
	rows := csvTables(t, out, 1)
	const q = .3333
	nan := math.NaN()
	num := map[string]map[string]float64{
		// F1: 7, 3, 10 of 20 (graph's TestSeedForumByHand): Blau .605, X²
		// 3.7 on 2 df, p = exp(-1.85).
		"F1": {"members": 20, "capacity": 20, "over_capacity": 0, "blau": .605, "iqv": .9075, "entropy": 0.99857933158739209,
			"statistic": 3.7, "df": 2, "p_value": math.Exp(-1.85)},
		"F2": {"members": 0, "capacity": 20, "blau": nan, "statistic": nan, "df": nan, "p_value": nan},
		// F3: 4, 1, 0 of 5 in 4 seats: exact p = 11/81 (TestExactByHand).
		"F3":         {"members": 5, "capacity": 4, "over_capacity": 1, "blau": .32, "iqv": .48, "statistic": 5.2, "df": 2, "p_value": 11.0 / 81},
		"all forums": {"members": 25, "capacity": 44, "over_capacity": 1, "blau": .6208, "statistic": 3.44, "p_value": 0.17906614791149314},
		// F1 business: 3 of 20; 1 of 30 attendances; 1 of 3 members × 2
		// meetings.
		"F1/bus": {"members": 3, "share": .15, "target": q, "gap": .15 - q, "attended": 1, "attendance_share": 1.0 / 30,
			"attendance_gap": 1.0/30 - q, "attendance_rate": 1.0 / 6},
		"F2/npo": {"members": 0, "share": nan, "target": q, "gap": nan, "attended": 0, "attendance_share": nan, "attendance_rate": nan},
		"F3/npo": {"members": 0, "share": 0, "gap": -q, "attendance_share": 0, "attendance_rate": nan},
		// All forums, nonprofits: 10 of 25 seats, 18 of 33 attendances, 17
		// members' attendances of 10 × 2.
		"all forums/npo": {"members": 10, "share": .4, "gap": .4 - q, "attended": 18, "attendance_share": 18.0 / 33,
			"attendance_gap": 18.0/33 - q, "attendance_rate": .85},
	}
	for key, want := range num {
		r, ok := rows[key]
		if !ok {
			t.Errorf("no row %s", key)
			continue
		}
		for col, w := range want {
			got := math.NaN()
			if r[col] != "" {
				var err error
				if got, err = strconv.ParseFloat(r[col], 64); err != nil {
					t.Fatal(err)
				}
			}
			if math.IsNaN(w) != math.IsNaN(got) || math.Abs(got-w) > 1e-9 {
				t.Errorf("%s %s = %q, want %v", key, col, r[col], w)
			}
		}
	}
	for key, want := range map[string]map[string]string{
		"F1":         {"key": "*", "missing": "", "test": "chi-square"},
		"F2":         {"missing": "gov bus npo", "test": "none"},
		"F3":         {"missing": "npo", "test": "exact multinomial"},
		"all forums": {"key": "seat-weighted", "test": "chi-square"},
	} {
		for col, w := range want {
			if rows[key][col] != w {
				t.Errorf("%s %s = %q, want %q", key, col, rows[key][col], w)
			}
		}
	}
	// For people: three decimals, the notes, the forum names left to JSON.
	code, out, _ = sectornet(t, "balance", seedForum)
	for _, want := range []string{
		"F1               20        20              0  *              0.605  0.907    0.999               chi-square             3.700   2   0.1572\n",
		"F1          bus           3  0.150   0.333  -0.183         1             0.033          -0.300            0.167\n",
		"in nats (natural log)",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestBalanceJSON(t *testing.T) {
	code, out, errs := sectornet(t, "balance", seedForum, "--format", "json", "--kind", "committee")
	if code != 0 {
		t.Fatal(errs)
	}
	var got struct {
		Forums []struct {
			ID, Name, Kind, Key   string
			Members, Capacity     int
			OverCapacity          int `json:"over_capacity"`
			Blau, IQV, Entropy    float64
			Missing               []string
			Meetings, Attendances int
			Sectors               []map[string]any
			Test                  map[string]any
		}
		Overall map[string]any
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Forums) != 1 {
		t.Fatalf("forums: %+v", got.Forums)
	}
	f := got.Forums[0]
	if f.ID != "F3" || f.Name != "Small committee" || f.Kind != "committee" || f.Members != 5 || f.OverCapacity != 1 ||
		f.Blau < .3199 || f.Blau > .3201 || len(f.Missing) != 1 || f.Missing[0] != "npo" || f.Meetings != 1 || f.Attendances != 3 {
		t.Errorf("F3: %+v", f)
	}
	if f.Test["method"] != "exact multinomial" || math.Abs(f.Test["p_value"].(float64)-11.0/81) > 1e-12 || f.Test["note"] != nil {
		t.Errorf("F3 test: %v", f.Test)
	}
	for _, k := range []string{"sector", "members", "share", "target", "gap", "attended", "attendance_share", "attendance_rate"} {
		if _, ok := f.Sectors[0][k]; !ok {
			t.Errorf("sector lacks %q: %v", k, f.Sectors[0])
		}
	}
	// npo: no member, so no share and no rate (null), target still there.
	npo := f.Sectors[2]
	if npo["sector"] != "npo" || npo["share"] != 0.0 || npo["attendance_rate"] != nil || npo["target"] != 0.3333 {
		t.Errorf("npo: %v", npo)
	}
	if got.Overall["id"] != overallID || got.Overall["members"] != 5.0 {
		t.Errorf("overall: %v", got.Overall)
	}
	// An empty forum: nulls, not NaN, and a note.
	_, out, _ = sectornet(t, "balance", seedForum, "--format", "json", "--forum", "F2")
	for _, want := range []string{`"blau": null`, `"missing": [
        "gov",
        "bus",
        "npo"
      ]`, `"method": "none"`, `"note": "no members"`} {
		if !strings.Contains(out, want) {
			t.Errorf("F2 lacks %q:\n%s", want, out)
		}
	}
}

func TestBalanceCheck(t *testing.T) {
	code, out, errs := sectornet(t, "balance", seedForum, "--check")
	want := `F1: bus 15% of members (3 of 20), target 33%
F1: npo 50% of members (10 of 20), target 33%
F1: bus 3% of attendances (1 of 30), target 33%
F1: npo 60% of attendances (18 of 30), target 33%
F2: no gov member (target 33%)
F2: no bus member (target 33%)
F2: no npo member (target 33%)
F3: no npo member (target 33%)
F3: 5 members, 1 over its capacity of 4
F3: gov 80% of members (4 of 5), target 33%
F3: gov 67% of attendances (2 of 3), target 33%
`
	if code != exitCheck || out != want || errs != seedWarning+"sectornet: 11 breaches of the representation key in 3 of 3 forums\n" {
		t.Errorf("code %d, stdout:\n%s\nstderr: %s", code, out, errs)
	}
	// F1 alone with a tolerance of 0.3: npo's 60% of attendances is 0.2667
	// from the key and bus's 3% is 0.3000 (exactly the tolerance: within).
	code, out, _ = sectornet(t, "balance", seedForum, "--check", "--forum", "F1", "--tolerance", "0.3")
	if code != 0 || out != "ok: 1 forum within the representation key (tolerance 0.3)\n" {
		t.Errorf("F1 at 0.3: code %d, %q", code, out)
	}
	// One member who never came: "silent".
	code, out, _ = sectornet(t, "balance", seedForum, "--check", "--forum", "F3", "--tolerance", "0.5", "--format", "csv")
	want = "forum,check,sector,value,target,message\nF3,missing,npo,0,0.3333,F3: no npo member (target 33%)\nF3,over_capacity,,5,4,\"F3: 5 members, 1 over its capacity of 4\"\n"
	if code != exitCheck || out != want {
		t.Errorf("F3 csv: code %d\n%s", code, out)
	}
}

// TestBalanceSample runs balance on the embedded sample and checks what
// its README promises: welfare has no academic, measurement no local
// authority, education is one over capacity, and members' attendance rates
// are business 48%, nonprofits 81%, government 82%, local authorities 81%,
// academia 78% (data/sample/README.md; counted with Python's csv module:
// attended / (members x their forum's meetings) = 56/117, 112/138, 72/88,
// 48/59, 42/54).
func TestBalanceSample(t *testing.T) {
	code, out, errs := sectornet(t, "balance", "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{
		"education,21,20,1,*,", "welfare,19,20,0,*,", ",academia,exact multinomial,", ",local,exact multinomial,",
		"measurement,15,20,0,own,",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("sample lacks %q", want)
		}
	}
	rates := map[string]float64{"business": .4786, "nonprofit": .8116, "government": .8182, "local": .8136, "academia": .7778}
	for _, l := range strings.Split(out, "\n") {
		f := strings.Split(l, ",")
		if len(f) == 10 && f[0] == overallID {
			var r float64
			if err := json.Unmarshal([]byte(f[9]), &r); err != nil || math.Abs(r-rates[f[1]]) > .005 {
				t.Errorf("%s attendance rate %s, README says %v", f[1], f[9], rates[f[1]])
			}
			delete(rates, f[1])
		}
	}
	if len(rates) != 0 {
		t.Errorf("no overall row for %v", rates)
	}
	// --check watches a dataset, never the sample standing in for one.
	code, _, errs = sectornet(t, "balance", "--check")
	if code != exitUsage || !strings.HasPrefix(errs, "sectornet: balance --check needs DIR, the dataset to watch") {
		t.Errorf("check without DIR: %d %q", code, errs)
	}
	dir := filepath.Join(t.TempDir(), "sample")
	if code, _, errs := sectornet(t, "init", "--sample", dir); code != 0 {
		t.Fatal(errs)
	}
	code, out, _ = sectornet(t, "balance", dir, "--check")
	if code != exitCheck || !strings.Contains(out, "welfare: no academia member (target 10%)\n") ||
		!strings.Contains(out, "employment: the academia member attended none of its 4 meetings\n") ||
		!strings.Contains(out, "education: 21 members, 1 over its capacity of 20\n") {
		t.Errorf("sample check: %d\n%s", code, out)
	}
}

func TestBalanceBadArguments(t *testing.T) {
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--forum", "F33"}, `sectornet: --forum "F33": unknown forum (did you mean "F3"? forums: F1, F2, F3)` + "\n"},
		{[]string{"--forum", "F4"}, `sectornet: --forum "F4": unknown forum (forums: F1, F2, F3)` + "\n"},
		{[]string{"--forum", "f3"}, `sectornet: --forum "f3": unknown forum (did you mean "F3"? forums: F1, F2, F3)` + "\n"},
		{[]string{"--kind", "board"}, `sectornet: --kind "board": no forum of that kind (kinds: forum, committee)` + "\n"},
		{[]string{"--kind", "forum", "--forum", "F3"}, `sectornet: --forum "F3" is of kind "committee", not "forum"` + "\n"},
		{[]string{"--tolerance", "0.2"}, "sectornet: --tolerance applies to --check\n"},
		{[]string{"--check", "--tolerance", "15"}, "sectornet: --tolerance 15: want from 0 to 1 (a fraction: 0.15 is 15 points)\n"},
	} {
		code, _, errs := sectornet(t, append([]string{"balance", seedForum}, tt.args...)...)
		if code != exitUsage || (errs != seedWarning+tt.msg && errs != tt.msg) {
			t.Errorf("%v: code %d, stderr %q; want %q", tt.args, code, errs, tt.msg)
		}
	}
}

// TestBalanceRawChiSquare: where the test's categories differ from one
// per sector, the output shows what R's chisq.test gives on the raw
// counts (testdata/keys/chisq.txt, from chisq.R): F1's key gives the empty
// aca a share of 0 (R: df 3, X² NaN; the test: df 2, X² 1/6 as R on the
// three other sectors), F2's gives npo a share of 0 and npo has a member
// (X² infinite in both, written "Infinity" in JSON, "Inf" in CSV, never
// null or empty like an undefined value), F3's names gov only (bus, npo
// and aca pooled, df 1).
func TestBalanceRawChiSquare(t *testing.T) {
	const keys = "testdata/keys"
	raw, err := os.ReadFile(keys + "/chisq.txt")
	if err != nil {
		t.Fatal(err)
	}
	ref := map[string][]string{}
	for _, l := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(l); len(f) == 5 && !strings.HasPrefix(l, "#") {
			ref[f[0]+" "+f[1]] = f[2:]
		}
	}
	code, out, errs := sectornet(t, "balance", keys, "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var got struct {
		Forums []struct {
			ID   string
			Test map[string]any
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	test := map[string]map[string]any{}
	for _, f := range got.Forums {
		test[f.ID] = f.Test
	}
	num := func(s string) any { // R's output as the JSON value sectornet writes
		switch s {
		case "NaN":
			return nil
		case "Inf":
			return "Infinity"
		}
		x, _ := strconv.ParseFloat(s, 64)
		return x
	}
	check := func(what string, got map[string]any, want []string) {
		t.Helper()
		if got == nil {
			t.Errorf("%s: missing", what)
			return
		}
		df, _ := strconv.Atoi(want[1])
		gs, ws := got["statistic"], num(want[0])
		if f, ok := gs.(float64); ok {
			if w, ok := ws.(float64); !ok || math.Abs(f-w) > 1e-12 {
				t.Errorf("%s: statistic %v, R %v", what, gs, ws)
			}
		} else if gs != ws {
			t.Errorf("%s: statistic %v, R %v", what, gs, ws)
		}
		if got["df"] != float64(df) {
			t.Errorf("%s: df %v, R %d", what, got["df"], df)
		}
	}
	check("F1 r_chisq_test", asMap(test["F1"]["r_chisq_test"]), ref["F1 raw"])
	check("F1 test", test["F1"], ref["F1 test"])
	check("F2 r_chisq_test", asMap(test["F2"]["r_chisq_test"]), ref["F2 raw"])
	if test["F2"]["statistic"] != "Infinity" || asMap(test["F2"]["r_chisq_test"])["p_value"] != 0.0 {
		t.Errorf("F2: %v", test["F2"])
	}
	check("F3 test", test["F3"], ref["F3 test"])
	if p := fmt.Sprint(test["F3"]["pooled"]); p != "[bus npo aca]" || test["F3"]["r_chisq_test"] != nil {
		t.Errorf("F3: pooled %s, r_chisq_test %v", p, test["F3"]["r_chisq_test"])
	}
	// The text and CSV tables: R's numbers in a note, Inf not empty.
	_, text, _ := sectornet(t, "balance", keys)
	for _, want := range []string{"F1: R chisq.test(x, p = key, rescale.p = TRUE) on the 4 sectors' counts gives X² NaN, df 3, p NaN, counting aca (share 0) as a category; this test leaves it out (df 2).",
		"F3: bus, npo, aca, which the key leaves out, are one category in the test"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	_, csvOut, _ := sectornet(t, "balance", keys, "--format", "csv")
	if rows := csvTables(t, csvOut, 1); rows["F2"]["statistic"] != "Inf" {
		t.Errorf("CSV F2 statistic %q, want Inf", rows["F2"]["statistic"])
	}
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
