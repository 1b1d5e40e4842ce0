package main

import (
	"embed"
	"strings"
)

// The Long text and the examples of each command's --help, in
// help/NAME.txt: the Long text, then, if the command has examples, a
// blank line, "Examples:" and the examples, as --help shows them.
//
//go:embed help/*.txt
var helpFiles embed.FS

const examplesHeading = "\n\nExamples:\n"

// helpText is the Long text and the examples of the command name
// (help/NAME.txt; "import-matrix" for a subcommand).
func helpText(name string) (long, example string) {
	b, err := helpFiles.ReadFile("help/" + name + ".txt")
	if err != nil {
		panic("sectornet: no help text for " + name) // a file missing from help/ (a programming error, TestHelpTexts)
	}
	text := strings.TrimSuffix(string(b), "\n")
	long, example, _ = strings.Cut(text, examplesHeading)
	return long, example
}

func helpLong(name string) string { l, _ := helpText(name); return l }

func helpExample(name string) string { _, e := helpText(name); return e }
