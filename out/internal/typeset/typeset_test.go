package typeset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVisual checks the Visual order worked out by hand from UAX #9: a
// right-to-left paragraph reverses, a left-to-right one keeps its order
// with the Hebrew run reversed in place, digits inside Hebrew read forwards.
func TestVisual(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ministry of Education", "Ministry of Education"},
		{"עיריית נתניה", "הינתנ תייריע"},
		{"Government / ממשלה", "Government / הלשממ"},
		{"עמותה 2014", "2014 התומע"},
		{"עמותה (ירושלים)", "(םילשורי) התומע"},
		{"Local / רשויות מקומיות", "Local / תוימוקמ תויושר"},
		// سلام: seen initial U+FEB3, lam-alef final U+FEFC, meem isolated
		// U+FEE1; reversed for display.
		{"سلام", "\uFEE1\uFEFC\uFEB3"},
		// بيت: beh initial FE91, yeh medial FEF4, teh final FE96.
		{"بيت", "\uFE96\uFEF4\uFE91"},
	}
	for _, tt := range tests {
		if got := Visual(tt.in); got != tt.want {
			t.Errorf("Visual(%q) = %q %U, want %q", tt.in, got, []rune(got), tt.want)
		}
	}
}

// TestVisualFriBidi compares the Visual order and Arabic shaping with GNU
// FriBidi's (testdata/bidi.txt, made by testdata/bidi.sh).
func TestVisualFriBidi(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "bidi.txt"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bidi.txt:%d: no tab", i+1)
		}
		n++
		if got := Visual(in); got != want {
			t.Errorf("bidi.txt:%d: Visual(%q) = %q, FriBidi %q", i+1, in, got, want)
		}
	}
	if n < 20 {
		t.Errorf("only %d reference strings", n)
	}
}
