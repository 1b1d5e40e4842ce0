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

// latexEnv set to 1 makes TestLaTeXTables and TestLaTeXHebrew fail, not
// skip, without pdflatex, xelatex or pdftotext (.ci/run sets it).
const latexEnv = "SECTORNET_LATEX_TESTS"

// latexCommands are the table commands whose LaTeX output is typeset.
var latexCommands = [][]string{
	{"summary"}, {"balance"}, {"balance", "--check"}, {"centrality"}, {"brokers"}, {"sectors", "--permutations", "20"},
	{"communities"}, {"core"}, {"firsts"}, {"suggest"}, {"survey"}, {"analyze"}, {"engagement"},
	{"change", "--from", "2012", "--to", "2014", "--permutations", "20"}, {"qap", "--permutations", "20"},
}

// typeset writes the LaTeX output of every latexCommands command on
// dataset into one document with preamble,
// typesets it with engine and returns the PDF's text as pdftotext -raw
// reads it. It skips (or, under latexEnv=1, fails) without engine or
// pdftotext; install names the Debian packages that have them.
func typeset(t *testing.T, engine, install, dataset, preamble string) string {
	t.Helper()
	for _, tool := range []string{engine, "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv(latexEnv) == "1" {
				t.Fatalf("%s=1 but no %s: apt-get install %s poppler-utils", latexEnv, tool, install)
			}
			t.Skipf("no %s: install %s poppler-utils or set %s=1 to require it", tool, install, latexEnv)
		}
	}
	dir := t.TempDir()
	var doc strings.Builder
	doc.WriteString(preamble + "\\extrafloats{500}\n\\begin{document}\n")
	for i, c := range latexCommands {
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
	cmd := exec.Command(engine, "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		log := string(b)
		if i := strings.Index(log, "\n!"); i >= 0 {
			log = log[i:min(len(log), i+1500)]
		}
		t.Fatalf("%s: %v\n%s", engine, err, log)
	}
	b, err := exec.Command("pdftotext", "-raw", filepath.Join(dir, "doc.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer("ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff").Replace(string(b)) // the ligatures
}

// TestLaTeXTables typesets with a real pdflatex the LaTeX output of every
// table command on latexData (the balance table's notes hold Σ and ²: it
// failed under pdflatex even on ASCII data), and reads the PDF's text
// back: every hostile name is there as it was typed.
func TestLaTeXTables(t *testing.T) {
	text := typeset(t, "pdflatex", "texlive-latex-recommended", latexData,
		"\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{booktabs}\n")
	for _, want := range []string{"[1] one in brackets", "[2pt] a skip", "*star with a star", "{x} in braces",
		"a_b^c~d\\ back", "$5 & 10% #1", "<less> |bar| >more", "[Government] & co", "*NGOs {50%}", "Business_#1 $\\"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// hebrewPreamble is the preamble README gives for tables with Hebrew:
// xelatex, babel's bidi, a font with Hebrew letters (Debian
// fonts-dejavu-core).
const hebrewPreamble = `\documentclass{article}
\usepackage[bidi=default]{babel}
\babelprovide[main,import]{english}
\babelprovide[import]{hebrew}
\babelfont{rm}{DejaVu Sans}
\usepackage{booktabs}
`

// TestLaTeXHebrew typesets with a real xelatex, with README's preamble,
// every table of the sample dataset (data/sample), whose sector labels mix English and
// Hebrew ("Government / ממשלה") and whose forums and organizations have
// Hebrew names, and reads the PDF back: the Latin runs read left to right
// and every Hebrew word is there in its logical order. (lualatex with
// TeX Live 2022's babel, bidi=basic, lays out a table cell that holds any
// Hebrew right to left whole: "ממשלה / tnemnrevoG". README says so.)
func TestLaTeXHebrew(t *testing.T) {
	text := typeset(t, "xelatex", "texlive-xetex texlive-latex-recommended fonts-dejavu-core", "../../data/sample", hebrewPreamble)
	// Visual order puts "/" before the Hebrew; pdftotext wraps each
	// Hebrew run in U+202B ... U+202C.
	strip := strings.NewReplacer("\u202b", "", "\u202c", "")
	text = strip.Replace(text)
	for _, want := range []string{"Government / ממשלה", "Business / עסקים", "Nonprofits / עמותות", "Academia / אקדמיה",
		"עיריית", "נתניה", "קבוצת", "מדיה", "Ministry of Welfare and Social Services"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "tnemnrevoG") || strings.Contains(text, "הלשממ") {
		t.Error("the PDF has text laid out in the wrong direction")
	}
}
