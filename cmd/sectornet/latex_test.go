package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// latexData names organizations, sectors and forums with what breaks a
// LaTeX table: a first cell "[1]" (taken as the optional argument of the
// \\ before it: "Illegal unit of measure"), "[2pt]" (taken as a skip: the
// text vanishes), "*star" (the star form of \\: printed "star"), braces,
// and every special character (& % $ # _ ^ ~ \ < > |). All ASCII, so
// pdflatex can typeset it.
const latexData = "testdata/latex"

// latexEnv set to 1 makes TestLaTeXTables fail, not skip, without
// pdflatex (.ci/run sets it).
const latexEnv = "SECTORNET_LATEX_TESTS"

// TestLaTeXTables typesets with a real pdflatex the LaTeX output of every
// table command on latexData (the balance table's notes hold Σ and ²: it
// failed under pdflatex even on ASCII data), and reads the PDF's text
// back: every hostile name is there as it was typed. (Hebrew and Arabic
// names need xelatex or lualatex: see README.)
func TestLaTeXTables(t *testing.T) {
	if _, err := exec.LookPath("pdflatex"); err != nil {
		if os.Getenv(latexEnv) == "1" {
			t.Fatalf("%s=1 but no pdflatex: apt-get install texlive-latex-recommended", latexEnv)
		}
		t.Skipf("no pdflatex: install texlive-latex-recommended (pdflatex, booktabs) or set %s=1 to require it", latexEnv)
	}
	commands := [][]string{
		{"summary"}, {"balance"}, {"balance", "--check"}, {"centrality"}, {"brokers"}, {"sectors", "--permutations", "20"},
		{"communities"}, {"core"}, {"firsts"}, {"suggest"}, {"survey"}, {"analyze"}, {"engagement"},
		{"change", "--from", "2012", "--to", "2014", "--permutations", "20"}, {"qap", "--permutations", "20"},
	}
	dataset := latexData
	dir := t.TempDir()
	var doc strings.Builder
	doc.WriteString("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{booktabs}\n\\extrafloats{500}\n\\begin{document}\n")
	for i, c := range commands {
		args := append([]string{c[0], dataset}, c[1:]...)
		code, stdout, errs := sectornet(t, append(args, "--format", "tex")...)
		if code != exitOK && code != exitCheck {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		file := filepath.Join(dir, "t"+string(rune('a'+i))+".tex")
		os.WriteFile(file, []byte(stdout), 0o644)
		doc.WriteString("\\input{" + filepath.Base(file) + "}\n\\clearpage\n")
	}
	doc.WriteString("\\end{document}\n")
	os.WriteFile(filepath.Join(dir, "doc.tex"), []byte(doc.String()), 0o644)
	cmd := exec.Command("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		log := string(b)
		if i := strings.Index(log, "\n!"); i >= 0 {
			log = log[i:min(len(log), i+1500)]
		}
		t.Fatalf("pdflatex: %v\n%s", err, log)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv(latexEnv) == "1" {
			t.Fatal("no pdftotext: apt-get install poppler-utils")
		}
		t.Skip("no pdftotext (poppler-utils) to read the PDF back")
	}
	b, err := exec.Command("pdftotext", "-raw", filepath.Join(dir, "doc.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff").Replace(string(b)) // the ligatures
	for _, want := range []string{"[1] one in brackets", "[2pt] a skip", "*star with a star", "{x} in braces",
		"a_b^c~d\\ back", "$5 & 10% #1", "<less> |bar| >more", "[Government] & co", "*NGOs {50%}", "Business_#1 $\\"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}
