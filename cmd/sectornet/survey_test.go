package main

import (
	"strings"
	"testing"
)

// TestSurveyGood checks the survey tables of data/testdata/good against
// counts worked by hand from its files:
//
//	organizations A (gov), B (bus), C (npo), D (npo), E (aca)
//	2012: respondents A, B, D; reports A->B, B->A, A->C
//	      dyads A-B mutual, A-C asymmetric, 8 null: arc 2/3, dyad 1/2,
//	      dyadic 9/10; both answered only for A-B, confirmed: 1 of 1
//	      observed dyads (max): C(3,2) + 3*2 = 9, ties 2, density 2/9
//	2014: respondents A, B, C, E; reports A->B, C->D, B->E, all one-sided:
//	      arc 0, dyad 0, dyadic 7/10; both answered A-B, B-E: confirmed 0 of 2
//	      new ties: C-D, B-E (A-B is kept); C-D joins D, and B-E joins E,
//	      neither of which answered 2012: 2 of 2
func TestSurveyGood(t *testing.T) {
	code, out, errs := sectornet(t, "survey", good, "--format", "csv", "--directed")
	if code != 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{
		"2012,5,3,0.6,", "2014,5,4,0.8,",
		"2012,Nonprofits,2,1,0.5,respondents.csv", "2012,Academia,1,0,0,respondents.csv",
		"2012,3,1,1,8,0.6666666666666666,0.5,0.9,1,1,respondents.csv",
		"2014,3,0,3,7,0,0,0.7,2,0,respondents.csv",
		"2012,max,reconstruct,9,2,0.2222222222222222,",
		"2012,2014,2,2,1,2,respondents.csv",
		"2014,C,Gamma NGO,npo,yes,1,0", "2014,D,Delta Association,npo,no,0,1",
	} {
		if !strings.Contains(out, want+"\n") && !strings.Contains(out, want) {
			t.Errorf("no line with %q in\n%s", want, out)
		}
	}
}
