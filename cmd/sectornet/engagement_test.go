package main

import (
	"strings"
	"testing"
)

// The engagement dataset (testdata/engagement) is worked by hand in
// graph/engagement_test.go: forum F meets five times (M1-M5, January to
// May 2013), G twice (M6 in March, M7 in June). B came to M1 and M2 of F
// and lapsed; E came to M1-M3 (2 of 2 before the last three, 1 of them);
// at G's two meetings only A (gov) and B (biz, a guest) came, no nonprofit.
const engagementData = "testdata/engagement"

func TestEngagementCheck(t *testing.T) {
	code, out, errs := sectornet(t, "engagement", engagementData, "--check")
	want := "F: Beta Bank (B) came to none of the last 3 meetings (2 of 2 before; last on 2013-02-01)\n" +
		"F: Epsilon Aid (E) came to 1 of the last 3 meetings, down from 2 of 2 before\n" +
		"G: no np member or guest at the last 2 meetings (target 30%)\n"
	if code != exitCheck || out != want || !strings.Contains(errs, "sectornet: 3 lines on the engagement watch list in 2 of 2 forums") {
		t.Errorf("code %d\n%s\n%s", code, out, errs)
	}
	// --drop 0.7: E's fall (1 to 1/3) is within it. --forum F: G's line goes.
	code, out, _ = sectornet(t, "engagement", engagementData, "--check", "--drop", "0.7", "--forum", "F", "--format", "csv")
	want = "forum,check,org,sector,earlier_rate,recent_rate,missed_in_a_row,target,message\n" +
		"F,lapsed,B,biz,1,0,3,,\"F: Beta Bank (B) came to none of the last 3 meetings (2 of 2 before; last on 2013-02-01)\"\n"
	// (A field with a semicolon is quoted, for spreadsheets that split
	// CSV at semicolons: see README, Security notes.)
	if code != exitCheck || out != want {
		t.Errorf("csv: code %d\n%s", code, out)
	}
	// --recent 1: only M5 and M7 count as recent. B and E missed M5
	// (lapsed), and at M5 only A, C and H (gov, biz, gov) came: no np. At
	// M7 only B came: A lapsed in G, and neither gov nor np was there.
	code, out, _ = sectornet(t, "engagement", engagementData, "--check", "--recent", "1")
	want = "F: Beta Bank (B) came to none of the last 1 meeting (2 of 4 before; last on 2013-02-01)\n" +
		"F: Epsilon Aid (E) came to none of the last 1 meeting (3 of 4 before; last on 2013-03-01)\n" +
		"F: no np member or guest at the last 1 meeting (target 30%)\n" +
		"G: Alpha Ministry (A) came to none of the last 1 meeting (1 of 1 before; last on 2013-03-15)\n" +
		"G: no gov member or guest at the last 1 meeting (target 40%)\n" +
		"G: no np member or guest at the last 1 meeting (target 30%)\n"
	if code != exitCheck || out != want {
		t.Errorf("--recent 1: code %d\n%s", code, out)
	}
}

func TestEngagementTables(t *testing.T) {
	code, out, errs := sectornet(t, "engagement", engagementData, "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{
		// B in F: 5 held, 2 attended, recent 3 and 0, earlier 2/2, first M1, last M2, 3 missed.
		"F,B,Beta Bank,biz,5,2,0.4,3,0,0,1,2013-01-01,2013-02-01,3,lapsed\n",
		// H joined on M4's day: 2 held, came to M5.
		"F,H,Eta Office,gov,2,1,0.5,2,1,0.5,,2013-05-01,2013-05-01,0,regular\n",
		// A over F and G: 7 held, 6 attended; its last attendance M5, then M7 missed.
		"A,Alpha Ministry,gov,2,7,6,0.8571428571428571,0.8,0,2013-01-01,2013-05-01,1,core\n",
		// B: one guest attendance (M7), its last.
		"B,Beta Bank,biz,1,5,2,0.4,0,1,2013-01-01,2013-06-01,0,lapsed\n",
		// Sectors: gov = A in F and G, H: 9 held, 7 attended, recent 5 of 7; 1 core, 2 regular.
		"gov,3,9,7,0.7777777777777778,0.7142857142857143,1,2,0,0,0,0\n",
		"np,2,10,3,0.3,0.16666666666666666,0,1,0,0,1,0\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	// Indicators: 15 of 29 seats filled (A 5 of 5, B 2, C 3, D 0, E 3 of
	// 5, H 1 of 2, A in G 1 of 2); 8 pairs met (A, B, C, E at M1; A-H and
	// C-H at M5), 6 of them across sectors (all but B-C and A-H); no
	// waves and no board.
	for _, want := range []string{
		"continuous communication,share of members' seats filled,0.5172413793103449,",
		"mutually reinforcing activities,share of pairs who met that cross sectors,0.75,",
		"mutually reinforcing activities,new cross-sector collaboration ties,,needs two survey waves\n",
		"backbone support,brokerage roles of the backbone,,no backbone organization",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("indicators: missing %q", want)
		}
	}
	// Retention (meetings): 6 members came (D never); only B lapsed, at 2
	// of 5 at risk: S = 0.8 overall, the business curve 1/2 (its median 2;
	// the lower 95% curve, 0.5 exp(-1.96 √(1/2)) = 0.125, is under 1/2 at
	// 2 too, the upper one never).
	if !strings.Contains(out, "biz,2,1,0.5,2,2,\n") || !strings.Contains(out, "all,6,1,0.8,,,\n") {
		t.Errorf("retention rows:\n%s", out)
	}
}

func TestEngagementUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--recent", "0"}, "--recent 0: want from 1 to 10000 meetings"},
		{[]string{"--core", "0.4"}, "rates must satisfy 0 <= regular <= core <= 1"},
		{[]string{"--drop", "NaN"}, "--drop NaN: want from 0 to 1"},
		{[]string{"--unit", "weeks"}, `--unit "weeks": want meetings or days`},
		{[]string{"--period", "month"}, `--period "month": want quarter, half, year, waves or all`},
		{[]string{"--forum", "X"}, `--forum "X": unknown forum`},
	} {
		code, _, errs := sectornet(t, append([]string{"engagement", engagementData}, c.args...)...)
		if code != exitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%v: code %d, %q", c.args, code, errs)
		}
	}
	code, _, errs := sectornet(t, "engagement", engagementData, "--period", "waves")
	if code != exitUsage || !strings.Contains(errs, "there are no survey waves") {
		t.Errorf("waves without ties: code %d %q", code, errs)
	}
}

// TestEngagementSampleBackbone: the sample's board is chaired by the Prime
// Minister's Office (G01; data/sample/README.md), the backbone the
// indicators name when no backbone column says otherwise.
func TestEngagementSampleBackbone(t *testing.T) {
	code, out, errs := sectornet(t, "engagement", "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	if !strings.Contains(out, "backbone support,brokerage roles of the backbone,") || !strings.Contains(out, "(G01), the board's chair") {
		t.Errorf("no G01 backbone row:\n%s", out[strings.Index(out, "# Indicators"):])
	}
}
