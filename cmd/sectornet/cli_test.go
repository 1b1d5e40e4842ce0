package main

import (
	"bytes"
	"context"
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
