package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// IsWorkbook reports whether a dataset path names an Excel workbook
// (.xlsx, in any case).
func IsWorkbook(path string) bool { return strings.EqualFold(filepath.Ext(path), ".xlsx") }

// Open reads and validates the dataset at path: an Excel workbook when
// IsWorkbook(path) (LoadWorkbook), else a folder of CSV files (Load), or
// the embedded sample when path is "". An error about path itself names
// it ("mydata: no such folder", "mydata.xlsx: a folder, not a
// workbook", an empty folder's hint `sectornet init mydata`); the
// problems of the files are a *List, its file names relative to the
// folder (a workbook's are WORKBOOK[SHEET]).
func Open(path string) (*graph.Dataset, error) {
	return OpenContext(context.Background(), path)
}

// OpenContext is Open that stops reading once ctx is cancelled and
// returns ctx's error.
func OpenContext(ctx context.Context, path string) (*graph.Dataset, error) {
	switch {
	case path == "":
		return LoadContext(ctx, Sample())
	case IsWorkbook(path):
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such workbook", path)
			}
			return nil, fmt.Errorf("%s: %v", path, errors.Unwrap(err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s: a folder, not a workbook", path)
		}
		return LoadWorkbookContext(ctx, f, path)
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such folder", path)
	case err != nil:
		return nil, fmt.Errorf("%s: %v", path, errors.Unwrap(err))
	case !st.IsDir():
		return nil, fmt.Errorf("%s: not a folder or an .xlsx workbook (give the folder that holds organizations.csv)", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the folder: %v", path, errors.Unwrap(err))
	}
	f.Close()
	d, err := LoadContext(ctx, os.DirFS(path))
	var l *List
	if errors.As(err, &l) {
		for _, e := range l.Errs {
			if e.File == "" { // the folder itself: its hint names it
				e.Hint = strings.ReplaceAll(e.Hint, "DIR", path)
			}
		}
	}
	return d, err
}
