package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sectornet/sectornet/out/outfile"
)

// folderSnapshot is every file under dir (hidden ones too) with its mode
// and content.
func folderSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		st, _ := e.Info()
		rel, _ := filepath.Rel(dir, p)
		snap[filepath.ToSlash(rel)] = st.Mode().String() + "\n" + string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// sameFolder reports how snapshot got differs from want.
func sameFolder(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s is gone", what, name)
		} else if g != w {
			t.Errorf("%s: %s changed", what, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s is new", what, name)
		}
	}
}

// noTemps checks that nothing temporary is left beside or in the report
// folder dir.
func noTemps(t *testing.T, what, dir string) {
	t.Helper()
	for _, pat := range []string{filepath.Join(filepath.Dir(dir), ".*tmp*"), filepath.Join(dir, ".*tmp*"), filepath.Join(dir, "*", ".*tmp*")} {
		if ms, _ := filepath.Glob(pat); len(ms) > 0 {
			t.Errorf("%s: left behind %v", what, ms)
		}
	}
}

// TestReportInterrupted: a report into a folder that holds a report is
// stopped half-way, in process (its context cancelled as Ctrl-C does,
// after 10 files) and by a real SIGINT to a sectornet process, and fails
// half-way on a full disk: each time the folder is exactly as it was (the
// old report and a file of the user's), and nothing temporary is left
// (issue 20: an interrupt left 6 new figures beside 94 old files, a full
// disk gave exit 0 and "Skipped: no space left on device"). Then a whole
// report of a dataset with one survey wave replaces the old one and
// removes the old report's change tables, which it does not write, and
// nothing else.
func TestReportInterrupted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rep")
	if code, _, errs := sectornet(t, "report", good, "-o", dir); code != 0 {
		t.Fatal(errs)
	}
	mine := filepath.Join(dir, "figures", "mine.txt")
	os.WriteFile(mine, []byte("keep"), 0o600)
	before := folderSnapshot(t, dir)
	if _, ok := before["tables/change-change.csv"]; !ok || len(before) < 100 {
		t.Fatalf("the first report wrote %d files", len(before))
	}

	// Ctrl-C after 10 files of a report of another dataset.
	ctx, cancel := context.WithCancelCause(context.Background())
	n := 0
	outfile.FileHook = func(string) error {
		if n++; n == 10 {
			cancel(&signalError{os.Interrupt})
		}
		return nil
	}
	var stdout, stderr bytes.Buffer
	code := run(ctx, &streams{In: strings.NewReader(""), Out: &stdout, Err: &stderr}, []string{"report", hostile8, "-o", dir})
	outfile.FileHook = nil
	if code != exitInterrupted || !strings.HasSuffix(stderr.String(), "sectornet: interrupted\n") {
		t.Errorf("interrupted: exit %d, stderr %q", code, stderr.String())
	}
	sameFolder(t, "interrupted", folderSnapshot(t, dir), before)
	noTemps(t, "interrupted", dir)

	// A full disk at the first PNG.
	outfile.FileHook = func(name string) error {
		if strings.HasSuffix(name, ".png") {
			return syscall.ENOSPC
		}
		return nil
	}
	code, _, errs := sectornet(t, "report", hostile8, "-o", dir)
	outfile.FileHook = nil
	if last := errs[strings.LastIndex(errs[:len(errs)-1], "\n")+1:]; code != exitError || last != "sectornet: "+filepath.Join(dir, "figures", "network.png")+": no space left on device\n" {
		t.Errorf("full disk: exit %d, stderr %q", code, errs)
	}
	sameFolder(t, "full disk", folderSnapshot(t, dir), before)
	noTemps(t, "full disk", dir)

	// SIGINT to a sectornet process once it has started the report.
	cmd := exec.Command(os.Args[0], "report", hostile8, "-o", dir)
	cmd.Env = append(os.Environ(), mainEnv+"=1")
	pipe, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(pipe)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if strings.HasPrefix(sc.Text(), "sectornet report: building: drawing figures/") && len(lines) == 3 {
			cmd.Process.Signal(os.Interrupt)
		}
	}
	start := time.Now()
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted || lines[len(lines)-1] != "sectornet: interrupted" {
		t.Errorf("SIGINT: %v after %s, stderr:\n%s", err, time.Since(start), strings.Join(lines, "\n"))
	}
	sameFolder(t, "SIGINT", folderSnapshot(t, dir), before)
	noTemps(t, "SIGINT", dir)

	// A whole report of one wave: the old change tables go, the user's
	// file stays, and the manifest lists what this report wrote.
	one := t.TempDir()
	for _, f := range []string{"organizations.csv", "sectors.csv", "forums.csv", "participation.csv", "meetings.csv", "attendance.csv"} {
		if b, err := os.ReadFile(filepath.Join(good, f)); err == nil {
			os.WriteFile(filepath.Join(one, f), b, 0o644)
		}
	}
	ties, _ := os.ReadFile(filepath.Join(good, "ties.csv"))
	var kept []string
	for _, l := range strings.Split(string(ties), "\n") {
		if !strings.Contains(l, "2014") {
			kept = append(kept, l)
		}
	}
	os.WriteFile(filepath.Join(one, "ties.csv"), []byte(strings.Join(kept, "\n")), 0o644)
	if code, _, errs := sectornet(t, "report", one, "-o", dir); code != 0 {
		t.Fatal(errs)
	}
	after := folderSnapshot(t, dir)
	if _, ok := after["tables/change-change.csv"]; ok {
		t.Error("the old report's change tables are still there")
	}
	if after["figures/mine.txt"] != before["figures/mine.txt"] {
		t.Error("the user's file changed")
	}
	manifest := outfile.ReadManifest(dir)
	for name := range after {
		listed := false
		for _, m := range manifest {
			listed = listed || m == name
		}
		if listed == (name == "figures/mine.txt" || name == outfile.ManifestName) {
			t.Errorf("%s: listed in the manifest %v", name, listed)
		}
	}
	noTemps(t, "whole", dir)
}

// TestWatchdog: a run whose work never looks at its context (as a long
// kernel) still ends 5 seconds after SIGTERM, with 143 and a message
// (issue 20: summary got SIGTERM at 3 s and exited 0 with full output
// 142 s later).
func TestWatchdog(t *testing.T) {
	cmd := exec.Command(os.Args[0], "summary", good)
	cmd.Env = append(os.Environ(), mainEnv+"=1", hangEnv+"=1")
	pipe, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(pipe)
	if l, err := r.ReadString('\n'); l != "hanging\n" { // the signal handler is set up
		t.Fatalf("first line %q, %v", l, err)
	}
	start := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	var stderr bytes.Buffer
	stderr.ReadFrom(r)
	err := cmd.Wait()
	took := time.Since(start)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitTerminated || !strings.HasSuffix(stderr.String(), "sectornet: interrupted (stopped after 5s)\n") {
		t.Errorf("exit %v, stderr %q", err, stderr.String())
	}
	if took < watchdogDelay-time.Second || took > watchdogDelay+5*time.Second {
		t.Errorf("ended %s after SIGTERM, want about %s", took, watchdogDelay)
	}
}
