package out

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONEscapesC1 checks that no JSON sectornet writes carries DEL or a
// C1 control raw (U+009B is CSI: printed by cat or jq in a terminal that
// reads 8-bit controls, it starts an escape sequence), and that each is
// escaped as \u00XX, so a JSON reader gets the name back unchanged.
func TestJSONEscapesC1(t *testing.T) {
	name := "Evil\u009b31m Org\u0085\u007f é ש" // CSI, NEL, DEL; é and ש are not controls
	want := `Evil\u009b31m Org\u0085\u007f é ש`
	check := func(what string, b []byte, back func([]byte) string) {
		t.Helper()
		if bytes.ContainsFunc(b, func(r rune) bool { return r >= 0x7f && r <= 0x9f }) {
			t.Errorf("%s: a raw control: %q", what, b)
		}
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s: %q lacks %s", what, b, want)
		}
		if got := back(b); got != name {
			t.Errorf("%s: read back %q, want %q", what, got, name)
		}
	}
	tb := &Table{Name: "orgs", Columns: []string{"id", "name"}, Rows: [][]any{{"O1", name}}}
	var buf bytes.Buffer
	if err := writeJSONTables(&buf, []*Table{tb}); err != nil {
		t.Fatal(err)
	}
	check("table", buf.Bytes(), func(b []byte) string {
		var v map[string][]map[string]string
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		return v["orgs"][0]["name"]
	})
	buf.Reset()
	x := &Export{Nodes: []Node{{ID: "O1", Label: name}}}
	if err := WriteKumu(&buf, x); err != nil {
		t.Fatal(err)
	}
	check("kumu", buf.Bytes(), func(b []byte) string {
		var v struct{ Elements []struct{ Label string } }
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		return v.Elements[0].Label
	})
	// Invalid UTF-8 stays as encoding/json writes it (U+FFFD).
	if got := string(escapeControls([]byte("\"a\xc2\"\""))); !strings.Contains(got, "a") {
		t.Errorf("escapeControls on invalid UTF-8: %q", got)
	}
}
