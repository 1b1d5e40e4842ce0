package out

import (
	"strings"

	"golang.org/x/text/unicode/bidi"

	"github.com/sectornet/sectornet/graph"
)

// ReportDoc is what report.html and report.md show: a plain value the
// analysis fills and the writers only lay out. Every text is plain text
// (the writers escape it for HTML and Markdown); names appear in full.
type ReportDoc struct {
	Title    string
	Made     string   // the date the report was made, YYYY-MM-DD
	Period   string   // the period the data covers, in words; "" when it has no dates
	Source   string   // the dataset in words: "the embedded sample dataset (synthetic, ...)"
	Path     string   // the dataset's folder or workbook as given; "" for the sample
	Covers   []string // sentences saying what the data covers
	Network  string   // what the map and the measures are built on: "shared forums"
	Tool     string   // "sectornet report", shown with the date
	Headline []Headline
	Sections []DocSection
	Methods  []MethodUse
	// Paragraph is the methods paragraph to paste into a paper.
	Paragraph string
	Explore   *Explore // the map and the profiles; nil for none
}

// Headline is one line of the headlines: a label and sentences naming
// organizations and forums by name.
type Headline struct {
	Label string // "Sector balance"
	Text  string
	// Items are the headline's details, one line each (every breach of a
	// forum, one forum per item); nil for none.
	Items   []string
	Section string // the ID of the section with the evidence; "" for none
	// Sensitivity is the line under the headline when its number comes
	// from survey ties: the same number under the other symmetrization
	// rules (EISensitivity, ChangeSensitivityLine); "" for none.
	Sensitivity string
}

// DocSection is one part of the report: the story in plain words,
// then its measures, figures and tables.
type DocSection struct {
	ID       string // anchor: "balance"
	Title    string
	Lead     []string // paragraphs
	Measures []MeasureNote
	Figures  []DocFigure
	Tables   []DocTable
	// Skipped says why the part is absent ("the dataset has one survey
	// wave"); the section then shows only its title and this.
	Skipped string
}

// MeasureNote is a measure's value with the sentence that says what it
// means for a partnership.
type MeasureNote struct {
	Name    string // "E-I index"
	Value   string // "-0.12"
	Meaning string // "-1 when every tie stays within a sector, ..."
}

// DocFigure is a figure: an SVG drawing, its alternative text and the
// files it was also written to.
type DocFigure struct {
	Title string
	Alt   string // what the figure shows, for screen readers and when images are off
	SVG   []byte
	Files []string // paths relative to the report folder ("figures/network.svg"), for report.md

	name   string  // the file name's stem
	figure *Figure // what WriteReport writes as SVG and PNG; nil for a figure given as SVG only
}

// DocTable is a table and the files it was also written to.
type DocTable struct {
	*Table
	Files []string // paths relative to the report folder ("tables/balance-forums.csv")
	// Inline is the number of rows report.md prints before linking the
	// files for the rest; 0 means every row.
	Inline int
}

// tableFiles are the files of a report table called base ("tables/x"):
// CSV (spreadsheet-safe unless the analysis says LiteralCSV), the same as
// an Excel workbook (text cells, never evaluated), Markdown and LaTeX.
func tableFiles(base string) []string {
	return []string{base + ".csv", base + ".xlsx", base + ".md", base + ".tex"}
}

// MethodUse is a method the report used, with the parameters of this run.
type MethodUse struct {
	graph.Method
	Params []Param
}

// Param is one parameter of a run: "seed" "1".
type Param struct{ Name, Value string }

// Explore holds what the interactive parts of report.html need: the map,
// the organizations' profiles and the filters. Indices refer to the
// slices of the same Explore.
type Explore struct {
	// Basis is the network of the measures and the ego diagrams: "forums"
	// (shared forums), "meetings" (meetings attended together) or "ties"
	// (the collaboration ties of wave Wave).
	Basis string
	// Wave is the survey wave of the ties basis and of the suggestions.
	Wave     string
	Sectors  []ExploreSector
	Forums   []ExploreForum
	Meetings []ExploreMeeting
	Orgs     []ExploreOrg
	// Measures are per-organization values shown with their ranks in the
	// profiles (degree, betweenness, ...), each Values[i] for Orgs[i].
	Measures []ExploreMeasure
	// Brokerage is each organization's Gould-Fernandez role counts; nil
	// when not computed.
	Brokerage []graph.Brokerage
	// Waves are the survey waves with their ties, in order; the profiles
	// show partners new, kept and dissolved between consecutive waves.
	Waves []ExploreWave
	// Suggestions are the introductions the profiles list, each under
	// both of its organizations.
	Suggestions []graph.Suggestion
	Communities int // number of communities; Orgs[i].Community < Communities
	Map         ExploreMap
}

// ExploreSector is a sector with its colour and shape.
type ExploreSector struct {
	ID, Label string
	Color     string // #RRGGBB
	Shape     Shape  // circle, square, diamond, triangle or hexagon
}

// ExploreForum is a forum.
type ExploreForum struct{ ID, Name, Kind string }

// ExploreMeeting is a meeting of Forum (an index) on Date (YYYY-MM-DD).
type ExploreMeeting struct {
	ID    string
	Forum int
	Date  string
}

// ExploreOrg is one organization.
type ExploreOrg struct {
	ID, Name  string
	Sector    int      // index into Sectors; -1 for none
	Community int      // -1 when communities were not computed
	Forums    []int    // indices into Forums, ascending
	Roles     []string // the role in each of Forums ("" when not given)
	Meetings  []int    // indices into Meetings it attended, in date order
}

// ExploreMeasure is one per-organization measure.
type ExploreMeasure struct {
	ID     string // registry ID: "betweenness"
	Name   string // "Betweenness"
	Values []float64
	Int    bool // shown without decimals
}

// ExploreWave is one survey wave's ties, as pairs of organization indices.
type ExploreWave struct {
	Name string
	Ties [][2]int32
}

// ExploreMap is the network the map draws. Nodes are organizations
// (Org >= 0) or, in an aggregated view of a large network, groups of them
// (Org == -1: a community or a sector, with Members organizations).
type ExploreMap struct {
	Title string // "Shared forums"
	Note  string // what was aggregated or left out; "" for none
	Nodes []MapNode
	Edges []MapEdge
	// AllTies says that Edges are every tie of the organizations' network
	// (the profiles' ego diagrams then use them); false for a backbone or
	// an aggregated view.
	AllTies bool
}

// MapNode is one node of the map, at the position of sectornet's layout.
type MapNode struct {
	Org     int    // index into Explore.Orgs; -1 for a group
	Label   string // a group's name; organizations use their own
	X, Y    float64
	Size    float64 // relative size, 1 for the smallest
	Sector  int     // colour and shape; -1 for mixed
	Members int     // a group's organizations
	// Community is the node's community (a group of communities: its
	// own), -1 for none; the community filter uses it.
	Community int
}

// MapEdge is a tie of the map between Nodes[U] and Nodes[V].
type MapEdge struct {
	U, V   int32
	Weight float64
}

// Isolate returns name wrapped in Unicode's first-strong isolate (U+2068
// ... U+2069), for a name set inside a sentence, when it needs it: a
// Hebrew or Arabic name then reads right to left without reordering the
// words and numbers around it, and a bidi override inside a name (U+202E)
// ends with the name. Isolate terminators the name holds without an
// initiator are dropped, as they would end the isolate early. A name with
// no right-to-left letter and no bidi control is returned as it is, so
// that report.md stays plain text where nothing needs the marks.
func Isolate(name string) string {
	need := false
	for _, r := range name {
		if p, _ := bidi.LookupRune(r); p.Class() == bidi.R || p.Class() == bidi.AL || (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') {
			need = true
			break
		}
	}
	if !need {
		return name
	}
	var b strings.Builder
	b.Grow(len(name) + 6)
	b.WriteRune('\u2068')
	depth := 0
	for _, r := range name {
		switch r {
		case '\u2066', '\u2067', '\u2068':
			depth++
		case '\u2069':
			if depth == 0 {
				continue
			}
			depth--
		}
		b.WriteRune(r)
	}
	b.WriteRune('\u2069')
	return b.String()
}
