package outfile

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot is every entry under dir with its content (a link's target),
// or "dir" for a folder.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case rel == ".":
		case d.Type()&fs.ModeSymlink != 0:
			l, _ := os.Readlink(p)
			m[rel] = "-> " + l
		case d.IsDir():
			m[rel] = "dir"
		default:
			b, _ := os.ReadFile(p)
			m[rel] = string(b)
		}
		return nil
	})
	return m
}

func report(t *testing.T, dir string, files map[string]string) *Folder {
	t.Helper()
	f, err := Stage(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := f.WriteFile(name, func(w io.Writer) error { _, err := io.WriteString(w, content); return err }); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// noTemps fails if a staging folder is left beside dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	if ms, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".*.tmp-*")); len(ms) > 0 {
		t.Errorf("left behind: %v", ms)
	}
}

// TestFolderCommit: a report replaces the previous one (its files that
// are not written again go), keeps every file it never wrote (a file, a
// folder, a symbolic link, a hidden file of the user's: the same files)
// and the modes of the files and the folder it replaces, the folder stays
// the same folder, and no staging folder is left.
func TestFolderCommit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rep")
	report(t, dir, map[string]string{"report.md": "one", "tables/a.csv": "a1", "tables/b.csv": "b1"}).Commit()
	if got := ReadManifest(dir); strings.Join(got, " ") != "report.md tables/a.csv tables/b.csv" {
		t.Fatalf("manifest %v", got)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600)
	os.WriteFile(filepath.Join(dir, ".hidden"), []byte("h"), 0o644)
	os.MkdirAll(filepath.Join(dir, "drafts", "old"), 0o755)
	os.WriteFile(filepath.Join(dir, "drafts", "old", "d.txt"), []byte("d"), 0o644)
	os.Symlink("../elsewhere", filepath.Join(dir, "link"))
	os.Chmod(filepath.Join(dir, "tables", "a.csv"), 0o600)
	os.Chmod(dir, 0o750)
	os.Chmod(filepath.Join(dir, "drafts"), 0o500) // the user's read-only folder
	defer os.Chmod(filepath.Join(dir, "drafts"), 0o755)
	before := snapshot(t, dir)
	mine, _ := os.Stat(filepath.Join(dir, "notes.txt"))
	oldDir, _ := os.Stat(dir)

	f := report(t, dir, map[string]string{"report.md": "two", "tables/a.csv": "a2", "figures/x.png": "x2"})
	if got := snapshot(t, dir); len(got) != len(before) {
		t.Errorf("staging changed the folder: %v", got)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, dir)
	want := map[string]string{
		"report.md": "two", "tables": "dir", "tables/a.csv": "a2", "figures": "dir", "figures/x.png": "x2",
		"notes.txt": "mine", ".hidden": "h", "drafts": "dir", "drafts/old": "dir", "drafts/old/d.txt": "d", "link": "-> ../elsewhere",
		ManifestName: "# The files sectornet report wrote in this folder; the next report removes those it does not write again, and nothing else.\nfigures/x.png\nreport.md\ntables/a.csv\n",
	}
	if len(got) != len(want) {
		t.Errorf("after: %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("after: %s = %q, want %q", k, got[k], v)
		}
	}
	modes := map[string]fs.FileMode{"": 0o750, "tables/a.csv": 0o600, "notes.txt": 0o600, "drafts": 0o500}
	for name, m := range modes {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Mode().Perm() != m {
			t.Errorf("%q: mode %v, want %v (%v)", name, st.Mode().Perm(), m, err)
		}
	}
	if st, _ := os.Stat(filepath.Join(dir, "notes.txt")); !os.SameFile(st, mine) {
		t.Error("the user's file is a copy, not the same file")
	}
	if st, _ := os.Stat(dir); !os.SameFile(st, oldDir) {
		t.Error("the report folder was replaced by another folder")
	}
	noTemps(t, dir)
}

// TestFolderCommitInPlace: a report folder that is the working directory
// ("-o .": staged beside it, not inside it) or a symbolic link to a folder
// (which stays a link) gets the report the same way.
func TestFolderCommitInPlace(t *testing.T) {
	for _, how := range []string{"working directory", "symbolic link"} {
		t.Run(how, func(t *testing.T) {
			root := t.TempDir()
			real := filepath.Join(root, "real")
			os.MkdirAll(real, 0o755)
			os.WriteFile(filepath.Join(real, "notes.txt"), []byte("mine"), 0o644)
			dir := real
			if how == "symbolic link" {
				dir = filepath.Join(root, "rep")
				os.Symlink("real", dir)
			} else {
				t.Chdir(real)
				dir = "."
			}
			report(t, dir, map[string]string{"report.md": "one", "tables/a.csv": "a"}).Commit()
			report(t, dir, map[string]string{"report.md": "two"}).Commit()
			got := snapshot(t, real)
			if got["report.md"] != "two" || got["notes.txt"] != "mine" || got["tables/a.csv"] != "" || got["tables"] != "dir" {
				t.Errorf("%v", got)
			}
			if how == "symbolic link" {
				if st, err := os.Lstat(dir); err != nil || st.Mode()&fs.ModeSymlink == 0 {
					t.Errorf("the link is no longer a link: %v %v", st.Mode(), err)
				}
			}
			noTemps(t, real)
		})
	}
}

// TestFolderCommitNew: a report into a folder that is not there creates
// it (0777 less the umask), and a cancelled run creates nothing.
func TestFolderCommitNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	ctx, cancel := context.WithCancel(context.Background())
	f, err := Stage(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteFile("report.md", func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
	cancel()
	if err := f.Commit(); err == nil {
		t.Error("a cancelled report was committed")
	}
	f.Discard()
	if _, err := os.Stat(dir); err == nil {
		t.Error("a cancelled report created the folder")
	}
	noTemps(t, dir)
	if err := report(t, dir, map[string]string{"report.md": "x"}).Commit(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o777&^Umask() {
		t.Errorf("new folder: %v %v", st.Mode(), err)
	}
	noTemps(t, dir)
}
