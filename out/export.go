package out

import (
	"math"
	"strconv"
)

// AttrKind is the type of a node attribute in an exported network.
type AttrKind int

// Attribute types.
const (
	AttrString AttrKind = iota
	AttrInt
	AttrFloat
)

// Attr declares a node attribute of an exported network.
type Attr struct {
	Name string
	Kind AttrKind
}

// Node is one node of an exported network.
type Node struct {
	ID    string // unique among the network's nodes
	Label string // display label (an organization's name)
	Type  string // element type: an organization's sector label, "forum", "meeting"
	Color string // display colour as #RRGGBB; "" for none
	// Values are the node's attribute values, parallel to Export.Attrs:
	// a string, an int or a float64; nil or NaN when missing.
	Values []any
	// Waves are, for a dynamic network, the node's values of
	// Export.WaveAttrs in each wave: Waves[k][a].
	Waves [][]any
}

// Tie is an undirected weighted tie between nodes U < V of an exported
// network.
type Tie struct {
	U, V   int
	Weight float64
	// Waves are, for a dynamic network, the tie's weight in each wave of
	// Export.Waves, 0 in the waves it was not reported.
	Waves []float64
}

// Export is a network ready to be written for another tool: nodes with
// typed attributes, weighted undirected ties, and optionally a second mode
// (two-mode networks) or waves (dynamic networks).
type Export struct {
	Title    string // one line saying what the network is
	TieLabel string // what a tie means, e.g. "shared forums", "collaboration", "member"
	Attrs    []Attr
	Nodes    []Node
	Ties     []Tie // sorted by U then V
	// FirstMode, for a two-mode network, is the number of nodes of the
	// first mode (organizations), which come first; ties join a node of
	// each mode. 0 for a one-mode network.
	FirstMode int
	// Waves, for a dynamic network, are the waves in order; WaveAttrs are
	// the node attributes that change from wave to wave.
	Waves     []string
	WaveAttrs []Attr
}

// formatValue returns an attribute value as text, false when missing.
func formatValue(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int:
		return strconv.Itoa(x), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "", false
		}
		return FormatFloat(x), true
	}
	return "", false
}

// waveTimes returns the time of each wave for dynamic formats: the waves
// themselves when all are whole numbers (survey years), else 1, 2, ...;
// and the end of each wave's interval, the next wave's time minus one (for
// the last, its time plus the previous gap minus one), so that the
// intervals tile the timeline without overlapping.
func waveTimes(waves []string) (start, end []int, numbered bool) {
	start = make([]int, len(waves))
	numbered = true
	for i, w := range waves {
		v, err := strconv.Atoi(w)
		if err != nil || (i > 0 && v <= start[i-1]) {
			numbered = false
			break
		}
		start[i] = v
	}
	if !numbered {
		for i := range start {
			start[i] = i + 1
		}
	}
	end = make([]int, len(waves))
	for i := range start {
		switch {
		case i+1 < len(start):
			end[i] = start[i+1] - 1
		case i > 0:
			end[i] = start[i] + (start[i] - start[i-1]) - 1
		default:
			end[i] = start[i]
		}
	}
	return start, end, numbered
}
