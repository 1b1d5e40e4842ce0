package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/sectornet/sectornet/data"
)

// writeFileAtomic writes path through a temporary file in the same folder,
// renamed into place only when write succeeds, so a failing or interrupted
// run leaves any previous file intact.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: the folder %s does not exist", path, dir)
	case err != nil:
		return fmt.Errorf("%s: %v", path, errors.Unwrap(err))
	case !st.IsDir():
		return fmt.Errorf("%s: %s is not a folder", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write in %s: %v", path, dir, errors.Unwrap(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err = write(bw); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %v", path, errors.Unwrap(err))
	}
	return nil
}

// checkOutput refuses to write path when it is one of the run's inputs
// (even with --force: the input would be lost before it is read whole),
// or when it exists and force is false (it may hold hand edits).
func checkOutput(path string, force bool, inputs ...string) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil // not there: nothing to lose
	}
	if err := refuseInput(path, inputs); err != nil {
		return err
	}
	if st.IsDir() {
		return usageErr(fmt.Errorf("%s is a folder; give a file name", path))
	}
	if !force {
		return usageErr(fmt.Errorf("%s already exists; nothing written (use --force to overwrite)", path))
	}
	return nil
}

// refuseInput refuses to write path when it is one of inputs.
func refuseInput(path string, inputs []string) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	for _, in := range inputs {
		if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
			return usageErr(fmt.Errorf("%s is an input of this run; nothing written (write the output elsewhere)", path))
		}
	}
	return nil
}

// datasetInputs returns the files of the dataset dir that a run reads
// (the folder's dataset files, or the workbook itself), for checkOutput.
func datasetInputs(dir string) []string {
	if dir == "" {
		return nil
	}
	if isWorkbook(dir) {
		return []string{dir}
	}
	var out []string
	for _, f := range data.Files {
		out = append(out, filepath.Join(dir, f.Name))
	}
	return out
}
