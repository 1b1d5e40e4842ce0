package out

import (
	"bufio"
	"fmt"
	"io"
)

// jsonString encodes s as a JSON string, leaving <, > and & as they are
// (and the C1 controls escaped, as every JSON sectornet writes).
func jsonString(s string) string {
	b, _ := marshal(s) // a string always encodes
	return string(b)
}

// WriteKumu writes x as a Kumu JSON blueprint
// (https://docs.kumu.io/guides/import/blueprints), as Kumu imports it:
//
//	{"elements": [{"id": ..., "label": ..., "type": ..., field: value, ...}],
//	 "connections": [{"from": id, "to": id, "direction": "undirected", "type": ..., "weight": w}]}
//
// Elements carry the node's id (so that organizations with the same name
// stay apart), its label, its type (the sector's label, or forum or
// meeting) and every attribute of x as a field; connections refer to
// elements by id, are undirected, typed by x.TieLabel and carry their
// weight.
func WriteKumu(w io.Writer, x *Export) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("{\n  \"elements\": [")
	for i, n := range x.Nodes {
		if i > 0 {
			bw.WriteString(",")
		}
		fmt.Fprintf(bw, "\n    {\"id\": %s, \"label\": %s", jsonString(n.ID), jsonString(n.Label))
		if n.Type != "" {
			fmt.Fprintf(bw, ", \"type\": %s", jsonString(n.Type))
		}
		for a, v := range n.Values {
			s, ok := formatValue(v)
			if !ok {
				continue
			}
			if x.Attrs[a].Kind != AttrString {
				fmt.Fprintf(bw, ", %s: %s", jsonString(x.Attrs[a].Name), s)
			} else {
				fmt.Fprintf(bw, ", %s: %s", jsonString(x.Attrs[a].Name), jsonString(s))
			}
		}
		bw.WriteString("}")
	}
	bw.WriteString("\n  ],\n  \"connections\": [")
	// A dense projection has millions of connections: each id and the
	// type are encoded once, not once a connection.
	ids := make([]string, len(x.Nodes))
	for i, n := range x.Nodes {
		ids[i] = jsonString(n.ID)
	}
	typ := ""
	if x.TieLabel != "" {
		typ = ", \"type\": " + jsonString(x.TieLabel)
	}
	for i, t := range x.Ties {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    {\"from\": ")
		bw.WriteString(ids[t.U])
		bw.WriteString(", \"to\": ")
		bw.WriteString(ids[t.V])
		bw.WriteString(", \"direction\": \"undirected\"")
		bw.WriteString(typ)
		bw.WriteString(", \"weight\": ")
		bw.WriteString(FormatFloat(t.Weight))
		bw.WriteString("}")
	}
	bw.WriteString("\n  ]\n}\n")
	return bw.Flush()
}
