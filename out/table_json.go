package out

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
)

// Row is a JSON object whose keys keep the given order.
type Row struct {
	Keys   []string
	Values []any
}

// MarshalJSON writes the keys in order. A NaN float (undefined) is null;
// an infinite one is the string "Infinity" or "-Infinity" (JSON has no
// number for it), so that an infinite statistic (a member in a sector
// whose target is 0) is never read as undefined. Python's float(),
// JavaScript's Number() and R's as.numeric() read those strings back.
func (r Row) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range r.Keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := marshal(k)
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		var v any
		if i < len(r.Values) {
			v = r.Values[i]
		}
		vb, err := marshal(jsonValue(v))
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func jsonValue(v any) any {
	if r, ok := v.(Rounded); ok {
		v = r.V
	}
	if f, ok := v.(float64); ok {
		switch {
		case math.IsNaN(f):
			return nil
		case math.IsInf(f, 1):
			return "Infinity"
		case math.IsInf(f, -1):
			return "-Infinity"
		}
	}
	return v
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// JSONRows returns t's rows as JSON objects keyed by column name.
func (t *Table) JSONRows() []Row {
	out := make([]Row, len(t.Rows))
	for i, r := range t.Rows {
		out[i] = Row{Keys: t.Columns, Values: r}
	}
	return out
}

func writeJSONTables(w io.Writer, ts []*Table) error {
	keys := make([]string, len(ts))
	vals := make([]any, len(ts))
	for i, t := range ts {
		keys[i] = t.Name
		if keys[i] == "" {
			keys[i] = fmt.Sprintf("table%d", i+1)
		}
		vals[i] = t.JSONRows()
	}
	return WriteJSON(w, Row{Keys: keys, Values: vals})
}

// WriteJSON writes v as indented JSON followed by a newline, without
// HTML escaping (names stay readable; JSON string escaping still applies).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
