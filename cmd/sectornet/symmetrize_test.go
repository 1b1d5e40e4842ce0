package main

import (
	"strings"
	"testing"
)

// TestSymmetrizeFlags: the rule reaches the networks of the one-mode
// commands. data/testdata/good's 2014 reports are A->B, C->D, B->E, each
// one-sided; C, A, B and E answered, D did not. max keeps all three ties;
// reciprocated none; min keeps C-D (D's report is reconstructed from C's)
// and drops A-B and B-E (B and E answered and did not name them back);
// respondent-only keeps A-B and B-E.
func TestSymmetrizeFlags(t *testing.T) {
	for _, tc := range []struct {
		rule string
		want string
	}{
		{"max", "A,B,1\nB,E,1\nC,D,1\n"},
		{"min", "C,D,1\n"},
		{"reciprocated", ""},
		{"respondent-only", "A,B,1\nB,E,1\n"},
	} {
		code, out, errs := sectornet(t, "export", good, "--basis", "ties", "--wave", "2014", "--symmetrize", tc.rule)
		if code != 0 || out != "source,target,weight\n"+tc.want {
			t.Errorf("%s: code %d, %q %s", tc.rule, code, out, errs)
		}
	}
	if code, _, errs := sectornet(t, "sectors", good, "--symmetrize", "min"); code != exitUsage || !strings.Contains(errs, "apply to --basis ties") {
		t.Errorf("forums basis: code %d %s", code, errs)
	}
	if code, _, errs := sectornet(t, "centrality", good, "--basis", "ties", "--missing", "impute"); code != exitUsage || !strings.Contains(errs, `unknown missing-data treatment "impute"`) {
		t.Errorf("bad --missing: code %d %s", code, errs)
	}
	// Views that draw several waves keep the max rule and say so.
	if code, _, errs := sectornet(t, "render", good, "--view", "change", "--symmetrize", "min", "-o", t.TempDir()+"/c.svg"); code != exitUsage || !strings.Contains(errs, "--view change draws every report by the max rule") {
		t.Errorf("render change: code %d %s", code, errs)
	}
	if code, _, errs := sectornet(t, "export", good, "--format", "gexf", "--waves", "--missing", "drop"); code != exitUsage || !strings.Contains(errs, "--waves exports every report by the max rule") {
		t.Errorf("export --waves: code %d %s", code, errs)
	}
	// change warns about new ties of nonrespondents: C-D and B-E are new
	// in 2014, and C and E did not answer 2012.
	code, out, errs := sectornet(t, "change", good, "--permutations", "0")
	if code != 0 || !strings.Contains(errs, "warning: 2 of the 2 new ties from 2012 to 2014 join an organization that did not answer the 2012 survey (respondents.csv)") || !strings.Contains(out, "Warning: 2 of the 2 new ties") {
		t.Errorf("change: code %d\n%s\n%s", code, out, errs)
	}
	// respondent-only: 2012 keeps A-B (A-C joins C, who did not answer),
	// 2014 keeps A-B and B-E: one new tie.
	code, out, _ = sectornet(t, "change", good, "--permutations", "0", "--symmetrize", "respondent-only", "--format", "csv")
	if code != 0 || !strings.Contains(out, "new (N01),1\n") || !strings.Contains(out, "ties in 2012,1\n") {
		t.Errorf("change respondent-only:\n%s", out)
	}
}
