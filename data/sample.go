package data

import (
	"embed"
	"io/fs"
)

// sampleFS is empty until the sample dataset lands (the sample helper
// replaces this file with the embedded CSV files).
var sampleFS embed.FS

// Sample returns the embedded sample dataset.
func Sample() fs.FS { return sampleFS }

// SampleFiles returns the sample's file names, sorted.
func SampleFiles() []string { return nil }
