package out

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

func TestFormatReference(t *testing.T) {
	ms := graph.Methods()
	refs := map[string]graph.Reference{}
	for _, r := range graph.References(ms) {
		refs[r.Key] = r
	}
	for key, want := range map[string]string{
		"freeman1977":  "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry, 40(1), 35–41. https://doi.org/10.2307/3033543",
		"gould1989":    "Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to brokerage in transaction networks. Sociological Methodology, 19, 89–126. https://doi.org/10.2307/270949",
		"blondel2008":  "Blondel, V. D., Guillaume, J.-L., Lambiotte, R., & Lefebvre, E. (2008). Fast unfolding of communities in large networks. Journal of Statistical Mechanics: Theory and Experiment, 2008(10), P10008. https://doi.org/10.1088/1742-5468/2008/10/P10008",
		"snijders2010": "Snijders, T. A. B., van de Bunt, G. G., & Steglich, C. E. G. (2010). Introduction to stochastic actor-based models for network dynamics. Social Networks, 32(1), 44–60. https://doi.org/10.1016/j.socnet.2009.02.004",
		"burt1992":     "Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press. https://doi.org/10.4159/9780674029095",
		"blau1977":     "Blau, P. M. (1977). Inequality and Heterogeneity: A Primitive Theory of Social Structure. Free Press.",
	} {
		if got := FormatReference(refs[key]); got != want {
			t.Errorf("%s:\n got %s\nwant %s", key, got, want)
		}
	}
}

func TestWriteCite(t *testing.T) {
	bw, _ := graph.LookupMethod("betweenness")
	ei, _ := graph.LookupMethod("ei")
	for _, f := range CiteFormats {
		var b bytes.Buffer
		if err := WriteCite(&b, []graph.Method{bw, ei}, f); err != nil {
			t.Fatal(err)
		}
		s := b.String()
		for _, want := range []string{"10.2307/3033543", "10.2307/2786835"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: no %s in\n%s", f, want, s)
			}
		}
		if f != "bibtex" && !strings.Contains(s, "NetworkX betweenness_centrality(normalized=True)") {
			t.Errorf("%s: the tool it matches is missing:\n%s", f, s)
		}
	}
	if err := WriteCite(&bytes.Buffer{}, nil, "docx"); err == nil {
		t.Error("an unknown format was accepted")
	}
}

// TestBibTeXReadsBack runs BibTeX (TeX Live's bibtex with plain.bst) on
// the references of every method: no error or warning, and every entry in
// the bibliography. Skipped without bibtex.
func TestBibTeXReadsBack(t *testing.T) {
	bibtex, err := exec.LookPath("bibtex")
	if err != nil {
		t.Skip("bibtex not installed (apt-get install texlive-binaries texlive-base) ")
	}
	dir := t.TempDir()
	refs := graph.References(graph.Methods())
	var bib bytes.Buffer
	if err := WriteBibTeX(&bib, refs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "refs.bib"), bib.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	aux := "\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n"
	if err := os.WriteFile(filepath.Join(dir, "doc.aux"), []byte(aux), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bibtex, "doc")
	cmd.Dir = dir
	outp, err := cmd.CombinedOutput()
	if err != nil || bytes.Contains(outp, []byte("Warning")) || bytes.Contains(outp, []byte("error")) {
		t.Fatalf("bibtex: %v\n%s\n%s", err, outp, bib.String())
	}
	bbl, err := os.ReadFile(filepath.Join(dir, "doc.bbl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range refs {
		if !bytes.Contains(bbl, []byte(`\bibitem{`+r.Key+`}`)) {
			t.Errorf("%s is not in the bibliography", r.Key)
		}
	}
}
