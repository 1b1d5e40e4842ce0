package out

import (
	"os"
	"testing"
)

// TestMain lets the test binary serve as the Graphviz child process that
// diagrams are laid out in (see GraphvizEnv).
func TestMain(m *testing.M) {
	if engine := os.Getenv(GraphvizEnv); engine != "" {
		os.Exit(ServeGraphviz(engine, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
