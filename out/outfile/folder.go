package outfile

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// ManifestName is the file in a report folder that lists the files the
// report wrote there, one slash-separated path a line, so that the next
// report removes those it does not write again (the change tables of a
// dataset that has lost its second wave) and nothing else.
const ManifestName = ".sectornet-report"

// Folder is a report being built in a hidden sibling of its folder
// (.NAME.tmp-PID-*): the folder itself is not touched until Commit, so an
// interrupted or failing run leaves the previous report whole.
type Folder struct {
	ctx   context.Context
	dir   string   // the report folder
	tmp   string   // the staging folder
	files []string // written, slash-separated, relative
}

// FileHook, when not nil, is called before each file of a report is
// written; an error it returns is that file's error (tests: a full disk,
// an interrupt half-way).
var FileHook func(name string) error

// Stage starts a report for the folder dir: it removes what killed runs
// left (staging folders whose process is gone, and the .NAME.tmp-* files
// of earlier versions inside the folder) and creates the staging folder.
func Stage(ctx context.Context, dir string) (*Folder, error) {
	dir = filepath.Clean(dir)
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%s: not a folder; give the report folder", dir)
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if base == "." || base == ".." {
		// "-o ." stages beside the folder, not in it.
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", dir, err)
		}
		parent, base = filepath.Dir(abs), filepath.Base(abs)
	}
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return nil, fmt.Errorf("%s: cannot create the report folder: %v", dir, errors.Unwrap(err))
	}
	removeStaleTemps(parent, base)
	for _, sub := range []string{dir, filepath.Join(dir, "figures"), filepath.Join(dir, "tables")} {
		ms, _ := filepath.Glob(filepath.Join(sub, ".*.tmp-*"))
		for _, m := range ms {
			name := filepath.Base(m)
			removeStaleTemps(sub, name[1:strings.Index(name, ".tmp-")])
		}
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix(base))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot create the report folder: %v", dir, errors.Unwrap(err))
	}
	return &Folder{ctx: ctx, dir: dir, tmp: tmp}, nil
}

// WriteFile writes the report file name (slash-separated) into the
// staging folder. Errors name the file in the report folder.
func (r *Folder) WriteFile(name string, write func(io.Writer) error) (err error) {
	final := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if FileHook != nil {
		if err := FileHook(name); err != nil {
			return fmt.Errorf("%s: %w", final, err)
		}
	}
	p := filepath.Join(r.tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
		return fmt.Errorf("%s: %v", final, errors.Unwrap(err))
	}
	f, err := os.Create(p) // 0666 less the umask
	if err != nil {
		return fmt.Errorf("%s: %v", final, errors.Unwrap(err))
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("%s: %v", final, errors.Unwrap(cerr))
		}
	}()
	bw := bufio.NewWriter(ctxWriter{r.ctx, f})
	if err := write(bw); err != nil {
		if r.ctx.Err() != nil {
			return r.ctx.Err()
		}
		return fmt.Errorf("%s: %w", final, err)
	}
	if err := bw.Flush(); err != nil {
		if r.ctx.Err() != nil {
			return r.ctx.Err()
		}
		return fmt.Errorf("%s: %v", final, errors.Unwrap(err))
	}
	r.files = append(r.files, name)
	return nil
}

// Commit moves the report into its folder, unless the run was cancelled:
// each file renamed over the one it replaces (keeping that one's mode),
// then the files the previous report wrote (its manifest) that this one
// did not are removed, then the new manifest is written. Files the
// report never wrote stay, and the folder stays the same folder (its
// owner, group and mode, a shell or a preview server sitting in it).
// Once started it is not interrupted: it takes milliseconds.
//
// (Exchanging the whole folder in one step, with Linux's renameat2
// RENAME_EXCHANGE, was tried and dropped: the new folder loses the old
// one's group and setgid or sticky bits, strands whatever process sits
// in it, and replaces a folder the user cannot write.)
func (r *Folder) Commit() error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	old := ReadManifest(r.dir)
	if err := os.MkdirAll(r.dir, 0o777); err != nil {
		return fmt.Errorf("%s: cannot create the report folder: %v", r.dir, errors.Unwrap(err))
	}
	for _, name := range r.files {
		src := filepath.Join(r.tmp, filepath.FromSlash(name))
		dst := filepath.Join(r.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o777); err != nil {
			return fmt.Errorf("%s: %v", dst, errors.Unwrap(err))
		}
		keepMode(src, dst)
		if err := os.Rename(src, dst); err != nil {
			return fmt.Errorf("%s: %v", dst, errors.Unwrap(err))
		}
	}
	for _, name := range old {
		if !slices.Contains(r.files, name) {
			if err := os.Remove(filepath.Join(r.dir, filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s: cannot remove the previous report's file: %v", filepath.Join(r.dir, filepath.FromSlash(name)), errors.Unwrap(err))
			}
		}
	}
	if err := Write(context.Background(), filepath.Join(r.dir, ManifestName), r.manifest); err != nil {
		return err
	}
	os.RemoveAll(r.tmp) // the report is in place; what cannot be removed, the next run removes
	return nil
}

// keepMode gives src, which replaces dst, dst's mode.
func keepMode(src, dst string) {
	if st, err := os.Stat(dst); err == nil && st.Mode().IsRegular() {
		os.Chmod(src, st.Mode().Perm())
	}
}

// manifest writes the list of the report's files.
func (r *Folder) manifest(w io.Writer) error {
	fmt.Fprintln(w, "# The files sectornet report wrote in this folder; the next report removes those it does not write again, and nothing else.")
	for _, f := range slices.Sorted(slices.Values(r.files)) {
		fmt.Fprintln(w, f)
	}
	return nil
}

// Discard removes the staging folder.
func (r *Folder) Discard() { os.RemoveAll(r.tmp) }

// ReadManifest returns the files the report in dir last wrote: only
// relative paths inside the folder (a manifest cannot name a file
// elsewhere), none of them the manifest itself.
func ReadManifest(dir string) []string {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil
	}
	var files []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") || l == ManifestName || !fs.ValidPath(l) || path.Clean(l) != l {
			continue
		}
		files = append(files, l)
	}
	return files
}
