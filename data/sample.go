package data

import (
	"embed"
	"io/fs"
	"slices"
)

//go:generate go run ./internal/samplegen -o sample

// sampleFS holds the sample dataset's CSV files, written by
// internal/samplegen (see sample/README.md).
//
//go:embed sample/*.csv
var sampleFS embed.FS

// Sample returns the embedded sample dataset with its files at the root,
// ready for Load: a synthetic partnership modelled on Israel's
// cross-sector volunteering initiative (169 organizations in five sectors,
// six thematic forums and an executive board, 26 meetings with 335
// attendances, collaboration ties reported in 2012 and 2014).
func Sample() fs.FS {
	sub, err := fs.Sub(sampleFS, "sample")
	if err != nil {
		panic("data: the embedded sample: " + err.Error()) // "sample" is a valid path
	}
	return sub
}

// SampleFiles returns the names of the sample's files, sorted.
func SampleFiles() []string {
	entries, err := fs.ReadDir(sampleFS, "sample")
	if err != nil {
		panic("data: the embedded sample: " + err.Error())
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// NewDataset returns the files of a new dataset folder (what sectornet
// init writes), by name, and their names in the order of Files: every
// file's template (its header and commented examples, Template), or with
// sample the embedded sample's files.
func NewDataset(sample bool) ([]string, map[string][]byte) {
	files := map[string][]byte{}
	if sample {
		for _, name := range SampleFiles() {
			b, err := fs.ReadFile(Sample(), name)
			if err != nil {
				panic("data: the embedded sample: " + err.Error()) // a file ReadDir listed
			}
			files[name] = b
		}
	} else {
		for _, f := range Files {
			files[f.Name] = Template(f.Name)
		}
	}
	var names []string
	for _, f := range Files {
		if _, ok := files[f.Name]; ok {
			names = append(names, f.Name)
		}
	}
	return names, files
}
