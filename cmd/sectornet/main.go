// Command sectornet maps and measures cross-sector stakeholder networks:
// which organizations sit together in which forums and meetings, who
// collaborates with whom, and how that changes.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/sectornet/sectornet/out"
)

func main() {
	if engine := os.Getenv(out.GraphvizEnv); engine != "" {
		// A child process laying out one diagram (see out.GraphvizEnv).
		os.Exit(out.ServeGraphviz(engine, os.Stdin, os.Stdout, os.Stderr))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first Ctrl-C the work stops at its next check (files are
	// written to a temporary name, so none is left half-written); a
	// second one ends the process at once.
	context.AfterFunc(ctx, stop)
	s := &streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}
	code := run(ctx, s, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes the command line args and returns the exit status; errors
// are printed to s.Err as one "sectornet: ..." line (after any detail
// lines the command printed itself).
func run(ctx context.Context, s *streams, args []string) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		fmt.Fprintln(s.Err, "sectornet: interrupted")
		return exitInterrupted
	}
	fmt.Fprintf(s.Err, "sectornet: %v\n", err)
	return exitCode(err)
}
