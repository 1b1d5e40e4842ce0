package out

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"unicode/utf8"
)

// Field is one key and its value in a JSON object.
type Field struct {
	Key   string
	Value any
}

// KV returns the field key: value.
func KV(key string, value any) Field { return Field{key, value} }

// Object is a JSON object built from key/value pairs, written in their
// order. A NaN float (undefined) is null; an infinite one is the string
// "Infinity" or "-Infinity" (JSON has no number for it), so that an
// infinite statistic (a member in a sector whose target is 0) is never
// read as undefined. Python's float(), JavaScript's Number() and R's
// as.numeric() read those strings back.
type Object []Field

// MarshalJSON writes the fields in order.
func (o Object) MarshalJSON() ([]byte, error) {
	return marshalObject(len(o), func(i int) (string, any) { return o[i].Key, o[i].Value })
}

// Row is one table row as a JSON object keyed by the table's columns.
type Row struct {
	Keys   []string
	Values []any
}

// MarshalJSON writes the keys in order (see Object for the values).
func (r Row) MarshalJSON() ([]byte, error) {
	return marshalObject(len(r.Keys), func(i int) (string, any) {
		if i < len(r.Values) {
			return r.Keys[i], r.Values[i]
		}
		return r.Keys[i], nil
	})
}

func marshalObject(n int, field func(i int) (string, any)) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := range n {
		k, v := field(i)
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := marshal(k)
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
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
	return escapeControls(bytes.TrimRight(b.Bytes(), "\n")), nil
}

// escapeControls returns encoding/json's output b with DEL and the C1
// controls (U+007F to U+009F), which encoding/json writes raw, as \u
// escapes: U+009B is CSI, the start of an escape sequence in terminals
// that read 8-bit controls, so a name holding it would act on the
// terminal of whoever prints the JSON (jq, cat). They can only be inside
// strings, where the escape means the same character.
func escapeControls(b []byte) []byte {
	if !bytes.ContainsFunc(b, func(r rune) bool { return r >= 0x7f && r <= 0x9f }) {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b) + 16)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r >= 0x7f && r <= 0x9f && !(r == utf8.RuneError && n == 1) {
			fmt.Fprintf(&out, "\\u%04x", r)
		} else {
			out.Write(b[:n])
		}
		b = b[n:]
	}
	return out.Bytes()
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
	o := make(Object, len(ts))
	for i, t := range ts {
		name := t.Name
		if name == "" {
			name = fmt.Sprintf("table%d", i+1)
		}
		o[i] = KV(name, t.JSONRows())
	}
	return WriteJSON(w, o)
}

// Object returns a two-column measure/value table as one JSON object.
func (t *Table) Object() Object {
	o := make(Object, len(t.Rows))
	for i, row := range t.Rows {
		o[i] = KV(fmt.Sprint(row[0]), row[1])
	}
	return o
}

// WriteJSON writes v as indented JSON followed by a newline, without
// HTML escaping (names stay readable; JSON string escaping still applies).
func WriteJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeControls(b.Bytes()))
	return err
}
