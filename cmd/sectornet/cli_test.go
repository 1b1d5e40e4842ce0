package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestCLIConsistency checks the exit status and the one error line of
// command-line mistakes (issue 19): unknown commands and subcommands are
// usage errors (2) with the likeliest name; so are unknown flags.
func TestCLIConsistency(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"sumary"}, exitUsage, `sectornet: unknown command "sumary" for "sectornet" (did you mean "summary"?)` + "\n"},
		{[]string{"frobnicate"}, exitUsage, `sectornet: unknown command "frobnicate" for "sectornet" (see 'sectornet --help')` + "\n"},
		{[]string{"import", "matrx"}, exitUsage, `sectornet: unknown command "matrx" for "sectornet import" (did you mean "matrix"?)` + "\n"},
		{[]string{"import"}, exitUsage, "sectornet: sectornet import needs a subcommand: matrix, survey\n"},
		{[]string{"generate", "extra"}, exitUsage, `sectornet: unknown command "extra" for "sectornet generate"` + "\n"},
		{[]string{"summary", good, "--formt", "csv"}, exitUsage, "sectornet: unknown flag: --formt (did you mean --format?)\n"},
		{[]string{"summary", good, "--nope"}, exitUsage, "sectornet: unknown flag: --nope\n"},
	} {
		code, _, errs := sectornet(t, tt.args...)
		if code != tt.code || errs != tt.msg {
			t.Errorf("%v: code %d, stderr %q; want %d, %q", tt.args, code, errs, tt.code, tt.msg)
		}
	}
}

// TestVersion: `sectornet version` and `sectornet --version` print the
// same line from the build information (a test binary has the module
// version "(devel)" or none, and the Go version).
func TestVersion(t *testing.T) {
	code1, out1, _ := sectornet(t, "version")
	code2, out2, _ := sectornet(t, "--version")
	if code1 != 0 || code2 != 0 || out1 != out2 || !strings.HasPrefix(out1, "sectornet ") || !strings.Contains(out1, "go1.") {
		t.Errorf("version: %d %q; --version: %d %q", code1, out1, code2, out2)
	}
}

// TestSignalStatus: a run cancelled by SIGTERM exits 143, by Ctrl-C 130,
// each printing one line.
func TestSignalStatus(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGTERM: exitTerminated, syscall.SIGINT: exitInterrupted} {
		ctx, cancel := context.WithCancelCause(context.Background())
		cancel(&signalError{sig})
		var stdout, stderr bytes.Buffer
		code := run(ctx, &streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}, []string{"analyze", good})
		if code != want || stderr.String() != "sectornet: interrupted\n" {
			t.Errorf("%v: code %d, stderr %q; want %d", sig, code, stderr.String(), want)
		}
	}
}

// TestValidateCounts: rows as the files hold them beside distinct records
// as the networks count them. Worked by hand from data/testdata/good:
// participation.csv has 9 rows, D in F3 twice (8 distinct); ties.csv has
// 6 reports, A-B and B-A of 2012 one tie (5 distinct); and from the
// issue for the sample: 116 membership rows against summary's 114, 339
// attendance rows against 335.
func TestValidateCounts(t *testing.T) {
	code, out, _ := sectornet(t, "validate", good)
	want := "ok: 5 organizations in 4 sectors, 3 forums, 9 membership rows (8 distinct, 1 repeated), 3 meetings, 8 attendance rows (8 distinct), 6 tie reports (5 distinct ties in 2 waves: A about B and B about A in one wave are one tie), 5 quotas, 7 respondents\n"
	if code != 0 || out != want {
		t.Errorf("good: code %d\n got %q\nwant %q", code, out, want)
	}
	_, out, _ = sectornet(t, "validate")
	if !strings.Contains(out, "116 membership rows (114 distinct, 2 repeated)") || !strings.Contains(out, "339 attendance rows (335 distinct, 4 repeated)") ||
		!strings.HasSuffix(out, "252 respondents (embedded sample: synthetic data)\n") {
		t.Errorf("sample: %q", out)
	}
	dir := t.TempDir()
	if code, _, errs := sectornet(t, "init", dir+"/d"); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ = sectornet(t, "validate", dir+"/d")
	if out != "ok: no organizations yet: the files hold only their headers (add rows to organizations.csv, forums.csv and participation.csv)\n" {
		t.Errorf("empty: %q", out)
	}
}

// TestValidateRecords: --format json lists problems and warnings as
// records, files under the dataset's folder, and still exits 3.
func TestValidateRecords(t *testing.T) {
	code, out, errs := sectornet(t, "validate", "../../data/testdata/mistakes", "--format", "json")
	var got struct {
		Findings []struct {
			Severity, File, Sheet, Letter, Column, Value, Problem, Suggestion string
			Line                                                              int
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if code != exitInvalid || len(got.Findings) != 20 || !strings.HasSuffix(errs, "9 problems found; nothing was computed\n") {
		t.Fatalf("code %d, %d records, stderr %q", code, len(got.Findings), errs)
	}
	p, w := got.Findings[2], got.Findings[19]
	if p.Severity != "problem" || p.File != filepath.FromSlash("../../data/testdata/mistakes/participation.csv") || p.Line != 6 || p.Column != "org" ||
		p.Value != "Ministry of Education" || p.Problem != "unknown organization" || p.Suggestion != "that is the name of G02; use the id" {
		t.Errorf("problem record %+v", p)
	}
	if w.Severity != "warning" || w.Line != 5 || w.Column != "type" || w.Value != "Joint projects" || w.Suggestion != `write "joint project"` {
		t.Errorf("warning record %+v", w)
	}
}

// TestImportOverwrite: import matrix -o refuses an existing file without
// --force, and its own input even with --force.
func TestImportOverwrite(t *testing.T) {
	dir := t.TempDir()
	in, outp := filepath.Join(dir, "m.csv"), filepath.Join(dir, "participation.csv")
	os.WriteFile(in, []byte("org,F1\nA,x\n"), 0o644)
	os.WriteFile(outp, []byte("hand edited\n"), 0o644)
	code, _, errs := sectornet(t, "import", "matrix", in, "--as", "participation", "-o", outp)
	if code != exitUsage || errs != "sectornet: "+outp+" already exists; nothing written (use --force to overwrite)\n" {
		t.Errorf("existing: code %d, %q", code, errs)
	}
	if b, _ := os.ReadFile(outp); string(b) != "hand edited\n" {
		t.Errorf("overwritten: %q", b)
	}
	code, _, errs = sectornet(t, "import", "matrix", in, "--as", "participation", "-o", in, "--force")
	if code != exitUsage || errs != "sectornet: "+in+" is an input of this run; nothing written (write the output elsewhere)\n" {
		t.Errorf("input: code %d, %q", code, errs)
	}
	if code, _, errs = sectornet(t, "import", "matrix", in, "--as", "participation", "-o", outp, "--force"); code != 0 {
		t.Errorf("--force: code %d, %q", code, errs)
	}
}
