package data

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
)

// ErrEmptyFolder says a folder holds none of a dataset's files; it is a
// missing file for errors.Is.
var ErrEmptyFolder = &alias{"no dataset files", ErrMissingFile}

// csvSource reads a dataset's tables from the CSV files of a folder.
type csvSource struct {
	fsys    fs.FS
	listed  bool
	entries []fs.DirEntry // the folder's entries, once listed
}

func newCSVSource(fsys fs.FS) *csvSource {
	return &csvSource{fsys: fsys}
}

func (s *csvSource) list() []fs.DirEntry {
	if !s.listed {
		s.listed = true
		s.entries, _ = fs.ReadDir(s.fsys, ".")
	}
	return s.entries
}

// copySuffixRE matches what a download or a copy adds to a file's name:
// " (1)", " - Copy", "_copy2", "Copy of ".
var copySuffixRE = regexp.MustCompile(`(?i)(\s*\(\d+\)|\s*[-_ ]\s*copy\s*\d*|^copy of\s+)`)

// baseName reduces a file name to the dataset name it was probably meant
// as: lower-cased, without its extension (.csv, .txt, .tsv) and what a
// copy adds. "Participation (1).CSV" gives "participation".
func baseName(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, ext := range []string{".csv", ".txt", ".tsv"} {
		n = strings.TrimSuffix(n, ext)
	}
	n = copySuffixRE.ReplaceAllString(n, "")
	return strings.TrimSpace(n)
}

// otherName returns a file of the folder that is probably the dataset
// file name under another name (Organizations.csv, participation (1).csv,
// organisations.csv), or "".
func (s *csvSource) otherName(name string) string {
	want := strings.TrimSuffix(name, ".csv")
	var bases []string
	for _, f := range Files {
		bases = append(bases, strings.TrimSuffix(f.Name, ".csv"))
	}
	var found []string
	for _, e := range s.list() {
		if e.IsDir() || e.Name() == name {
			continue
		}
		b := baseName(e.Name())
		if b == want {
			found = append(found, e.Name())
			continue
		}
		if k, ok := closest(b, bases); ok && k == want && !slices.Contains(bases, b) {
			found = append(found, e.Name())
		}
	}
	if len(found) == 0 {
		return ""
	}
	slices.Sort(found)
	return found[0]
}

// emptyFolder returns the problem of a folder that holds none of the
// dataset's files, by any name, saying what to do: run `sectornet init`
// for an empty folder, or give the folder or workbook found inside.
func (s *csvSource) emptyFolder() *Error {
	entries := s.list()
	if entries == nil {
		if _, err := fs.Stat(s.fsys, "."); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil // unreadable: the open of each file says why
		}
	}
	var others []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b := baseName(e.Name())
		for _, f := range Files {
			if b == strings.TrimSuffix(f.Name, ".csv") {
				return nil
			}
		}
		others = append(others, e.Name())
	}
	for _, f := range Files {
		if f.Needed && s.otherName(f.Name) != "" {
			return nil
		}
	}
	var names []string
	for _, f := range Files {
		if f.Needed {
			names = append(names, f.Name)
		}
	}
	if len(entries) == 0 {
		return &Error{Err: fmt.Errorf("%w: the folder is empty", ErrEmptyFolder), Hint: "run `sectornet init DIR` to write the dataset's files with their headers, or `sectornet init --sample DIR` for an example"}
	}
	hint := ""
	for _, e := range entries {
		if e.IsDir() {
			if _, err := fs.Stat(s.fsys, path.Join(e.Name(), FileOrganizations)); err == nil {
				hint = fmt.Sprintf("found %s/%s: give that folder", e.Name(), FileOrganizations)
				break
			}
		}
	}
	if hint == "" {
		for _, o := range others {
			if strings.EqualFold(path.Ext(o), ".xlsx") {
				hint = fmt.Sprintf("found the workbook %s: give the workbook itself", o)
				break
			}
		}
	}
	if hint == "" {
		hint = "run `sectornet init DIR` to write them"
	}
	return &Error{Err: fmt.Errorf("%w: the folder holds none of the dataset's files (it needs %s and %s)", ErrEmptyFolder, strings.Join(names[:len(names)-1], ", "), names[len(names)-1]), Hint: hint}
}
