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
	"strings"
	"syscall"
	"time"

	"github.com/sectornet/sectornet/out"
	"github.com/sectornet/sectornet/out/outfile"
)

func main() {
	if engine := os.Getenv(out.GraphvizEnv); engine != "" {
		// A child process laying out one diagram (see out.GraphvizEnv).
		os.Exit(out.ServeGraphviz(engine, os.Stdin, os.Stdout, os.Stderr))
	}
	// After the first Ctrl-C or SIGTERM the work stops at its next check
	// (files are written to a temporary name, so none is left
	// half-written); a second one ends the process at once.
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		first := <-sigs
		cancel(&signalError{first})
		// A watchdog: work that does not look at its context (a long
		// kernel) must not keep the process alive; nothing half-written
		// is left in place (temporary files, the report's staging folder,
		// are removed by the next run).
		watchdog := time.NewTimer(watchdogDelay)
		select {
		case second := <-sigs:
			os.Exit(signalStatus(second))
		case <-watchdog.C:
			fmt.Fprintf(os.Stderr, "\nsectornet: interrupted (stopped after %s)\n", watchdogDelay)
			os.Exit(signalStatus(first))
		}
	}()
	outfile.Umask() // read before any goroutine creates files
	s := &streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}
	code := run(ctx, s, os.Args[1:])
	signal.Stop(sigs)
	os.Exit(code)
}

// beforeRun, when not nil, runs first in run: TestWatchdog makes it a
// computation that never looks at its context.
var beforeRun func()

// watchdogDelay is how long after the first Ctrl-C or SIGTERM the process
// ends even if the work has not stopped.
const watchdogDelay = 5 * time.Second

// signalError is the cause of a run cancelled by a signal.
type signalError struct{ sig os.Signal }

func (e *signalError) Error() string { return "interrupted by " + e.sig.String() }

// signalStatus is the shell's exit status for a process ended by sig:
// 130 for Ctrl-C (SIGINT), 143 for SIGTERM.
func signalStatus(sig os.Signal) int {
	if sig == syscall.SIGTERM {
		return exitTerminated
	}
	return exitInterrupted
}

// run executes the command line args and returns the exit status; errors
// are printed to s.Err as one "sectornet: ..." line (after any detail
// lines the command printed itself).
func run(ctx context.Context, s *streams, args []string) int {
	if beforeRun != nil {
		beforeRun()
	}
	if _, ok := s.Err.(plainWriter); !ok && s.Err != nil {
		s.Err = plainWriter{s.Err}
	}
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	s.line.End(s.Err) // the message starts on a line of its own
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		fmt.Fprintln(s.Err, "sectornet: interrupted")
		var se *signalError
		if errors.As(context.Cause(ctx), &se) {
			return signalStatus(se.sig)
		}
		return exitInterrupted
	}
	fmt.Fprintf(s.Err, "sectornet: %v\n", err)
	if cobraUsage(err) {
		return exitUsage
	}
	return exitCode(err)
}

// cobraUsage reports whether err is one of cobra's own errors about the
// command line (an unknown command, a wrong number of arguments), which
// are usage errors.
func cobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command ", "accepts ", "requires at least ", "requires at most ", "invalid argument ", "unknown flag", "unknown shorthand flag", "flag needs an argument"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
