package out

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// HostileNames are organization names that try to break the formats they
// are written into (issue 8). Every writer must give each back as that
// literal text.
var HostileNames = []string{
	`"; rankdir=LR; x [label="owned"]`,
	`<script>alert(1)</script>`,
	`50% & Co_#1 {x}~^\`,
	"first line\nsecond line",
	"\u200eעמותת \"ידיד\" | בע\"מ", // right-to-left with a left-to-right mark
	"Emoji 🤝 Partners",
	`pipe | and backslash \| mixed`,
	`$\frac{1}{2}$ \end{table}`,
}

func hostileTable() *Table {
	t := &Table{Name: "orgs", Title: "Organizations & <friends>", Columns: []string{"id", "name", "score"}}
	for i, n := range HostileNames {
		t.Add(string(rune('A'+i)), n, float64(i))
	}
	return t
}

func TestHostileNamesCSV(t *testing.T) {
	var b bytes.Buffer
	if err := hostileTable().Write(&b, FormatCSV); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range HostileNames {
		if rows[i+1][1] != n {
			t.Errorf("CSV row %d: %q, want %q", i, rows[i+1][1], n)
		}
	}
}

func TestHostileNamesJSON(t *testing.T) {
	var b bytes.Buffer
	if err := hostileTable().Write(&b, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Orgs []struct{ Name string } `json:"orgs"`
	}
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	for i, n := range HostileNames {
		if v.Orgs[i].Name != n {
			t.Errorf("JSON row %d: %q, want %q", i, v.Orgs[i].Name, n)
		}
	}
}

// unescapeMD undoes EscapeMarkdown: backslash escapes, the three HTML
// entities and <br> for a line break.
func unescapeMD(s string) string {
	s = regexp.MustCompile(`\\(.)`).ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "<br>", "\n")
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

// splitMDRow splits a Markdown table row on its unescaped pipes.
func splitMDRow(line string) []string {
	var cells []string
	var cur strings.Builder
	esc := false
	for _, r := range line {
		switch {
		case esc:
			cur.WriteRune('\\')
			cur.WriteRune(r)
			esc = false
		case r == '\\':
			esc = true
		case r == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	cells = append(cells, cur.String())
	return cells[1 : len(cells)-1] // outside the leading and trailing pipe
}

func TestHostileNamesMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := hostileTable().Write(&b, FormatMD); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	// Title, blank, header, rule, one line per row: a name's line break
	// must not split its row, nor its pipes add columns.
	if len(lines) != 4+len(HostileNames) {
		t.Fatalf("%d lines:\n%s", len(lines), b.String())
	}
	if strings.Contains(b.String(), "<script>") || strings.Contains(b.String(), "<friends>") {
		t.Error("raw HTML in Markdown")
	}
	for i, n := range HostileNames {
		cells := splitMDRow(lines[4+i])
		if len(cells) != 3 {
			t.Fatalf("row %d has %d cells: %q", i, len(cells), lines[4+i])
		}
		if got := unescapeMD(strings.TrimSpace(cells[1])); got != strings.TrimSpace(n) {
			t.Errorf("Markdown row %d: %q, want %q", i, got, n)
		}
	}
}

func TestHostileNamesTeX(t *testing.T) {
	var b bytes.Buffer
	if err := hostileTable().Write(&b, FormatTeX); err != nil {
		t.Fatal(err)
	}
	body := b.String()
	body = body[strings.Index(body, `\midrule`)+len(`\midrule`) : strings.Index(body, `\bottomrule`)]
	// After removing the escapes EscapeTeX writes and the row syntax
	// (" & " between cells, " \\" at the end), no special character of
	// LaTeX may remain.
	clean := strings.NewReplacer(`\textbackslash{}`, "", `\textasciitilde{}`, "", `\textasciicircum{}`, "",
		`\textless{}`, "", `\textgreater{}`, "", `\textbar{}`, "", `\&`, "", `\%`, "", `\$`, "", `\#`, "",
		`\_`, "", `\{`, "", `\}`, "", " & ", "", " \\\\\n{}", "\n", " \\\\\n", "\n", "\n{}", "\n").Replace(body)
	if i := strings.IndexAny(clean, `\&%$#_{}~^`); i >= 0 {
		t.Errorf("unescaped %q in LaTeX body: %q", clean[i], clean)
	}
	if n := strings.Count(strings.TrimSpace(body), "\n") + 1; n != len(HostileNames) {
		t.Errorf("%d LaTeX rows, want %d", n, len(HostileNames))
	}
}

func TestHostileNamesText(t *testing.T) {
	var b bytes.Buffer
	if err := hostileTable().Write(&b, FormatTable); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 2+len(HostileNames) {
		t.Errorf("%d lines, want one per row plus title and header:\n%s", n, b.String())
	}
}
