package out

import (
	"fmt"
	"io"
	"slices"
)

// Tables is what a table view gives a command to print: its tables, and
// for the formats that need another shape, that shape. The report writes
// Tables as CSV, Markdown and LaTeX files.
type Tables struct {
	Tables []*Table
	// JSON, when not nil, is written for the json format instead of the
	// tables.
	JSON any
	// CSV, when not nil, are written for the csv format instead of the
	// tables.
	CSV []*Table
	// Notes are sentences for people that the csv and json formats have
	// no room for: Write prints them to the error stream with those.
	Notes []string
	// CSVNotes are printed to the error stream with csv, after Notes.
	CSVNotes []string
	// Warnings are printed to the error stream with every format, first.
	Warnings []string
}

// Write writes v to w in format f, and its notes to errw for csv and
// json, each as a "sectornet: ..." line; warnings first, with every
// format.
func (v *Tables) Write(w, errw io.Writer, f Format) error {
	for _, x := range v.Warnings {
		fmt.Fprintf(errw, "sectornet: warning: %s\n", x)
	}
	if f.IsCSV() || f == FormatJSON {
		for _, n := range v.Notes {
			fmt.Fprintf(errw, "sectornet: %s\n", n)
		}
	}
	switch {
	case f == FormatJSON && v.JSON != nil:
		return WriteJSON(w, v.JSON)
	case f.IsCSV() && v.CSV != nil:
		for _, n := range v.CSVNotes {
			fmt.Fprintf(errw, "sectornet: %s\n", n)
		}
		return WriteTables(w, f, v.CSV...)
	}
	return WriteTables(w, f, v.Tables...)
}

func tables(ts ...*Table) *Tables { return &Tables{Tables: ts} }

// Names returns the names of v's tables, those of its CSV shape after,
// each once.
func (v *Tables) Names() []string {
	var names []string
	seen := map[string]bool{}
	for _, ts := range [][]*Table{v.Tables, v.CSV} {
		for _, t := range ts {
			if !seen[t.Name] {
				seen[t.Name] = true
				names = append(names, t.Name)
			}
		}
	}
	return names
}

// Select returns v with only its tables named name (the shape format f
// writes first: the CSV shape for csv when v has one), keeping the notes
// and warnings, and how many there are: 0 when v has no such table, more
// than one when a view repeats a table (change, once per pair of waves).
// The JSON of one table is an object with its one key.
func (v *Tables) Select(name string, f Format) (*Tables, int) {
	shapes := [][]*Table{v.Tables, v.CSV}
	if f.IsCSV() {
		shapes[0], shapes[1] = shapes[1], shapes[0]
	}
	for _, ts := range shapes {
		var match []*Table
		for _, t := range ts {
			if t.Name == name {
				match = append(match, t)
			}
		}
		if len(match) > 0 {
			return &Tables{Tables: match, Notes: v.Notes, Warnings: v.Warnings}, len(match)
		}
	}
	return nil, 0
}

// MarkSample returns v with SampleMark after each table's title (tables
// made from the embedded sample).
func (v *Tables) MarkSample() *Tables {
	c := *v
	mark := func(ts []*Table) []*Table {
		if ts == nil {
			return nil // no shape of its own for the format
		}
		marked := make([]*Table, len(ts))
		for i, t := range ts {
			m := *t
			m.Title += SampleMark
			marked[i] = &m
		}
		return marked
	}
	c.Tables, c.CSV = mark(v.Tables), mark(v.CSV)
	return &c
}

// maxCarried is how many of the dataset's warnings a table carries.
const maxCarried = 5

// CarryWarnings returns v with the dataset's warnings ws as notes under
// its first table (at most maxCarried, then how many more), so that a
// table pasted into a report keeps what may make it wrong: "Business"
// beside "business" counted as two sectors.
func (v *Tables) CarryWarnings(ws []string) *Tables {
	if len(ws) == 0 || len(v.Tables) == 0 {
		return v
	}
	var notes []string
	for i, w := range ws {
		if i == maxCarried {
			notes = append(notes, fmt.Sprintf("... and %d more %s (sectornet validate lists them).", len(ws)-maxCarried, plural(len(ws)-maxCarried, "warning", "warnings")))
			break
		}
		notes = append(notes, w)
	}
	c := *v
	c.Tables = slices.Clone(v.Tables)
	first := *c.Tables[0]
	first.Notes = append(slices.Clone(first.Notes), notes...)
	c.Tables[0] = &first
	return &c
}
