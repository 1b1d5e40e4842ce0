package out

import (
	"os"
	"testing"
)

// TestMain lets the test binary serve as the Graphviz child process that
// the tests' diagrams are laid out in (testLayout; see GraphvizEnv).
func TestMain(m *testing.M) {
	if engine := os.Getenv(GraphvizEnv); engine != "" {
		os.Exit(ServeGraphviz(engine, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// testLayout lays the tests' diagrams out in child processes of the test
// binary, as sectornet does, so each layout is the first in its process.
var testLayout = func() LayoutFunc {
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	return ChildLayout(exe)
}()
