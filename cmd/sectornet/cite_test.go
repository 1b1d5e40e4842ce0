package main

import (
	"strings"
	"testing"
)

func TestCite(t *testing.T) {
	code, stdout, stderr := sectornet(t, "cite", "betweenness", "E-I index")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Betweenness centrality (betweenness)", "doi.org/10.2307/3033543", "E-I index (ei-index)", "UCINET"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in\n%s", want, stdout)
		}
	}
	code, stdout, _ = sectornet(t, "cite", "--format", "bibtex")
	if code != 0 || strings.Count(stdout, "\n@") < 25 || !strings.HasPrefix(stdout, "@article{newman2001,") {
		t.Errorf("bibtex of every method: exit %d\n%s", code, stdout)
	}
	code, _, stderr = sectornet(t, "cite", "bogus")
	if code != 2 || !strings.Contains(stderr, `unknown measure "bogus"`) {
		t.Errorf("unknown measure: exit %d, %s", code, stderr)
	}
}
