package main

import (
	"os"
	"testing"

	"github.com/sectornet/sectornet/out"
)

// TestMain lets the test binary serve as the Graphviz child process that
// diagrams are laid out in (see out.GraphvizEnv).
func TestMain(m *testing.M) {
	if engine := os.Getenv(out.GraphvizEnv); engine != "" {
		os.Exit(out.ServeGraphviz(engine, os.Stdin, os.Stdout, os.Stderr))
	}
	code := m.Run()
	if sampleReportDir != "" {
		os.RemoveAll(sampleReportDir)
	}
	os.Exit(code)
}
