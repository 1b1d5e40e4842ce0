package out

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Labels chooses what names the vertices of formats that carry a single
// label per vertex (Pajek, UCINET DL).
type Labels int

const (
	LabelID   Labels = iota // the node's id (unique; joins back to the dataset)
	LabelName               // the node's label (an organization's name)
)

func (l Labels) of(n Node) string {
	if l == LabelName && n.Label != "" {
		return n.Label
	}
	return n.ID
}

// pajekLabel makes s fit between the double quotes of a Pajek vertex
// line, which has no escape: a double quote becomes a single one, line
// breaks and tabs become spaces, and a trailing backslash (which some
// readers take as escaping the closing quote) is dropped.
func pajekLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '"':
			return '\''
		case '\n', '\r', '\t', '\v', '\f':
			return ' '
		}
		return r
	}, s)
	return strings.TrimRight(s, "\\")
}

// WritePajek writes x in Pajek's .net format (Batagelj and Mrvar, Pajek
// manual, section "Network": *Vertices then *Edges), as Pajek, igraph
// read_graph(format="pajek") and NetworkX read_pajek read it:
//
//	*Vertices 5
//	1 "A"
//	...
//	*Edges
//	1 2 0.5
//
// Vertices are numbered from 1 in x's order and labelled by id or name
// (see pajekLabel for the characters Pajek cannot hold); each undirected
// tie is one *Edges line with its weight. A two-mode network is written
// in Pajek's two-mode form: "*Vertices n n1", the n1 organizations first,
// then the forums or meetings, ties only between the two. Labels are
// written as cells says (see Cells), as for the DL format.
func WritePajek(w io.Writer, x *Export, labels Labels, cells Cells) error {
	bw := bufio.NewWriter(w)
	if x.FirstMode > 0 {
		fmt.Fprintf(bw, "*Vertices %d %d\n", len(x.Nodes), x.FirstMode)
	} else {
		fmt.Fprintf(bw, "*Vertices %d\n", len(x.Nodes))
	}
	for i, n := range x.Nodes {
		fmt.Fprintf(bw, "%d \"%s\"\n", i+1, cells.text(pajekLabel(labels.of(n))))
	}
	bw.WriteString("*Edges\n")
	var num []byte // millions of ties: no fmt
	for _, t := range x.Ties {
		num = strconv.AppendInt(num[:0], int64(t.U+1), 10)
		num = append(num, ' ')
		num = strconv.AppendInt(num, int64(t.V+1), 10)
		num = append(num, ' ')
		num = append(num, FormatFloat(t.Weight)...)
		num = append(num, '\n')
		bw.Write(num)
	}
	return bw.Flush()
}

// dlLabel writes s as a UCINET DL label: as it is when it has no
// separator (space, comma, equals sign) and no quote, else between double
// quotes, a double quote inside becoming a single one and a trailing
// backslash dropped (as for Pajek); line breaks become spaces. An empty
// label is written as "".
func dlLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\v', '\f':
			return ' '
		}
		return r
	}, s)
	if s != "" && !strings.ContainsAny(s, " ,=\"'") {
		return s
	}
	return `"` + strings.TrimRight(strings.ReplaceAll(s, `"`, "'"), "\\") + `"`
}

// WriteDL writes x in UCINET's DL format (Borgatti, Everett and Freeman,
// UCINET 6 for Windows, help topic "DL"), labels one per line, by id or
// name (see dlLabel).
//
// A one-mode network is written in the edgelist1 format with its weights,
// each undirected tie in both directions so that UCINET builds the
// symmetric matrix (x(i,j) = x(j,i) = weight):
//
//	dl n=5
//	format = edgelist1
//	labels:
//	...
//	data:
//	1 2 0.5
//	2 1 0.5
//
// A two-mode network is written in the nodelist2 format, one line per
// organization with ties: its row number and the column numbers of its
// forums or meetings:
//
//	dl nr=5, nc=3
//	format = nodelist2
//	row labels:
//	...
//	column labels:
//	...
//	data:
//	1 1 2
func WriteDL(w io.Writer, x *Export, labels Labels, cells Cells) error {
	bw := bufio.NewWriter(w)
	if x.FirstMode > 0 {
		nr, nc := x.FirstMode, len(x.Nodes)-x.FirstMode
		fmt.Fprintf(bw, "dl nr=%d, nc=%d\nformat = nodelist2\nrow labels:\n", nr, nc)
		for _, n := range x.Nodes[:nr] {
			bw.WriteString(dlLabel(cells.text(labels.of(n))) + "\n")
		}
		bw.WriteString("column labels:\n")
		for _, n := range x.Nodes[nr:] {
			bw.WriteString(dlLabel(cells.text(labels.of(n))) + "\n")
		}
		bw.WriteString("data:\n")
		row := make([][]int, nr)
		for _, t := range x.Ties {
			row[t.U] = append(row[t.U], t.V-nr+1)
		}
		for i, cols := range row {
			if len(cols) == 0 {
				continue
			}
			bw.WriteString(itoa(i + 1))
			for _, c := range cols {
				bw.WriteString(" " + itoa(c))
			}
			bw.WriteString("\n")
		}
		return bw.Flush()
	}
	fmt.Fprintf(bw, "dl n=%d\nformat = edgelist1\nlabels:\n", len(x.Nodes))
	for _, n := range x.Nodes {
		bw.WriteString(dlLabel(cells.text(labels.of(n))) + "\n")
	}
	bw.WriteString("data:\n")
	var num []byte
	for _, t := range x.Ties {
		wt := FormatFloat(t.Weight)
		for _, p := range [2][2]int{{t.U, t.V}, {t.V, t.U}} {
			num = strconv.AppendInt(num[:0], int64(p[0]+1), 10)
			num = append(num, ' ')
			num = strconv.AppendInt(num, int64(p[1]+1), 10)
			num = append(num, ' ')
			num = append(num, wt...)
			num = append(num, '\n')
			bw.Write(num)
		}
	}
	return bw.Flush()
}
