package main

import (
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRender draws each view of the good dataset and checks the SVG names
// every organization drawn.
func TestRender(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args  []string
		names []string
	}{
		{[]string{"render", good}, []string{"Alpha Ministry", "Beta, Ltd", "Gamma NGO", "Delta Association", "Epsilon University"}},
		{[]string{"render", good, "--view", "affiliation"}, []string{"Alpha Ministry", "Beta, Ltd", "Gamma NGO", "Delta Association", "Education", "Welfare", "Health"}},
		{[]string{"render", good, "--view", "ego", "--org", "D"}, []string{"Delta Association", "Gamma NGO", "Alpha Ministry"}},
		{[]string{"render", good, "--view", "sectors"}, []string{"Government", "Business", "Nonprofits", "Academia"}},
		{[]string{"render", good, "--view", "change", "--top", "1"}, nil},
	}
	for i, tt := range tests {
		path := filepath.Join(dir, strings.Repeat("x", i+1)+".svg")
		code, _, errs := sectornet(t, append(tt.args, "-o", path)...)
		if tt.names == nil {
			if code != exitUsage || !strings.Contains(errs, "apply to --view network") {
				t.Errorf("%v: code %d, %s", tt.args, code, errs)
			}
			continue
		}
		if code != 0 {
			t.Fatalf("%v: %s", tt.args, errs)
		}
		b, _ := os.ReadFile(path)
		text := svgText(t, b)
		for _, n := range tt.names {
			if !strings.Contains(text, n) {
				t.Errorf("%v: SVG lacks %q", tt.args, n)
			}
		}
	}
}

// svgText returns the character data of a well-formed XML document.
func svgText(t *testing.T, b []byte) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(string(b)))
	var sb strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return sb.String()
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		if c, ok := tok.(xml.CharData); ok {
			sb.Write(c)
			sb.WriteByte('\n')
		}
	}
}

func TestRenderErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"render", good}, "sectornet: give -o FILE (.svg, .png, .pdf or .dot) or --format\n"},
		{[]string{"render", good, "-o", filepath.Join(dir, "x.gif")}, "sectornet: unknown figure format \"gif\" (want svg, png, pdf or dot)\n"},
		{[]string{"render", good, "--format", "svg", "--view", "map"}, "sectornet: unknown view \"map\" (want network, affiliation, sectors, ego, change, communities, mixing, brokers, forums, waves, sector-change, attendance)\n"},
		{[]string{"render", good, "--format", "svg", "--view", "ego"}, "sectornet: --view ego needs --org ID\n"},
		{[]string{"render", good, "--format", "svg", "--view", "ego", "--org", "dd"}, "sectornet: --org \"dd\": unknown organization (did you mean \"D\"?)\n"},
		{[]string{"render", good, "--format", "svg", "--alpha", "0.1", "--top", "3"}, "sectornet: give at most one of --backbone (with --alpha, --correction), --min-weight, --top and --all-ties\n"},
		{[]string{"render", good, "--format", "svg", "--alpha", "2"}, "sectornet: --alpha 2: want above 0 and below 1 (significance level)\n"},
		{[]string{"render", good, "--format", "svg", "--layout", "spring"}, "sectornet: unknown layout \"spring\" (want dot, neato, fdp, sfdp, circo, twopi)\n"},
		{[]string{"render", good, "--format", "svg", "--size", "fame"}, "sectornet: unknown size measure \"fame\" (want betweenness, degree, strength, pagerank, eigenvector, none)\n"},
	}
	for _, tt := range tests {
		code, _, errs := sectornet(t, tt.args...)
		if code != exitUsage || errs != tt.msg {
			t.Errorf("%v: code %d, stderr %q; want %q", tt.args, code, errs, tt.msg)
		}
	}
}

// TestRenderBackboneNote checks that the legend says what the backbone
// left out: the good dataset's forum network has 5 ties (A-B 1, A-C 2,
// A-D 1, B-C 1, C-D 2); --min-weight 2 keeps A-C and C-D, and B loses
// every tie.
func TestRenderBackboneNote(t *testing.T) {
	code, out, errs := sectornet(t, "render", good, "--format", "svg", "--min-weight", "2")
	if code != 0 {
		t.Fatal(errs)
	}
	text := svgText(t, []byte(out))
	for _, want := range []string{"Drawn: ties of weight 2 or more, 2 of 5 ties (40%); 3 left", "1 organization lost every drawn tie."} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("legend lacks %q:\n%s", want, text)
		}
	}
}

func TestChartErrors(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"chart", good, "--format", "svg"}, "sectornet: give --view (balance, balance-gaps, centrality, degree, change, firsts, retention, trends)\n"},
		{[]string{"chart", good, "--kind", "pie", "--format", "svg"}, "sectornet: unknown chart kind \"pie\" (want balance, balance-gaps, centrality, degree, change, firsts, retention, trends)\n"},
		{[]string{"chart", good, "--kind", "degree", "--format", "dot"}, "sectornet: dot is a diagram format; charts are svg, png or pdf\n"},
		{[]string{"chart", good, "--kind", "degree", "--format", "svg", "--width", "-2"}, "sectornet: --width -2: want 0 or from 2 to 100 cm (0: the default)\n"},
		{[]string{"chart", good, "--kind", "centrality", "--format", "svg", "--measure", "fame"}, "sectornet: unknown measure \"fame\" (want betweenness, degree, strength, pagerank or eigenvector)\n"},
	}
	for _, tt := range tests {
		code, _, errs := sectornet(t, tt.args...)
		if code != exitUsage || errs != tt.msg {
			t.Errorf("%v: code %d, stderr %q; want %q", tt.args, code, errs, tt.msg)
		}
	}
}

// TestChartSize checks --width, --height (cm) and --font-size reach the
// SVG: 12 cm is 340.16 pt.
func TestChartSize(t *testing.T) {
	code, out, errs := sectornet(t, "chart", good, "--kind", "centrality", "--format", "svg", "--width", "12", "--height", "9", "--font-size", "10")
	if code != 0 {
		t.Fatal(errs)
	}
	if !strings.Contains(out, `width="340.16pt" height="255.12pt"`) || !strings.Contains(out, "font-size:10px") {
		t.Errorf("size or font size missing:\n%.400s", out)
	}
}
