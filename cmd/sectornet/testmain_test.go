package main

import (
	"os"
	"testing"

	"github.com/sectornet/sectornet/out"
)

// mainEnv set to 1 makes the test binary run sectornet's main with its
// arguments.
const mainEnv = "SECTORNET_TEST_MAIN"

// hangEnv set to 1 (with mainEnv) makes the run hang without looking at
// its context.
const hangEnv = "SECTORNET_TEST_HANG"

// TestMain lets the test binary serve as the Graphviz child process that
// diagrams are laid out in (see out.GraphvizEnv).
func TestMain(m *testing.M) {
	if engine := os.Getenv(out.GraphvizEnv); engine != "" {
		os.Exit(out.ServeGraphviz(engine, os.Stdin, os.Stdout, os.Stderr))
	}
	if os.Getenv(mainEnv) == "1" {
		if os.Getenv(hangEnv) == "1" {
			beforeRun = func() { os.Stderr.WriteString("hanging\n"); select {} } // work that never stops (TestWatchdog)
		}
		main() // the test binary as sectornet itself (TestReportInterrupted, TestWatchdog)
	}
	code := m.Run()
	if sampleReportDir != "" {
		os.RemoveAll(sampleReportDir)
	}
	os.Exit(code)
}
