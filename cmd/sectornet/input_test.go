package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sectornet/sectornet/out"
)

// TestExportFormatFromExtension: without --format, export -o takes the
// format from the file's extension (as render and chart do), and refuses
// a --format at odds with it.
func TestExportFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ file, start string }{
		{"n.graphml", "<?xml"},
		{"n.GEXF", "<?xml"},
		{"n.net", "*Vertices"},
		{"n.dl", "dl n=5"},
		{"n.json", "{"},
		{"n.gv", "graph"},
		{"n.csv", "source,target,weight"},
	} {
		path := filepath.Join(dir, tt.file)
		if code, _, errs := sectornet(t, "export", good, "-o", path); code != 0 {
			t.Fatalf("%s: %d %s", tt.file, code, errs)
		}
		b, _ := os.ReadFile(path)
		if !strings.HasPrefix(string(b), tt.start) {
			t.Errorf("%s starts %.40q, want %q", tt.file, b, tt.start)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "n.GEXF"))
	if !strings.Contains(string(b), "<gexf ") {
		t.Errorf("n.GEXF is not GEXF: %.200s", b)
	}
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--format", "gexf", "-o", "x.graphml"}, "-o x.graphml: a .graphml file is graphml, not gexf; give --format graphml, or a .gexf file name"},
		{[]string{"-o", "x.txt"}, `-o x.txt: cannot tell the format from ".txt"; give --format (edgelist, graphml, gexf, pajek, dl, kumu, dot) or an extension (.csv .graphml .gexf .net .paj .dl .json .dot .gv)`},
		{[]string{"-o", "network"}, "-o network: no file extension to tell the format by; give --format (edgelist, graphml, gexf, pajek, dl, kumu, dot) or an extension (.csv .graphml .gexf .net .paj .dl .json .dot .gv)"},
		// An unknown --format is named as such, whatever the extension.
		{[]string{"--format", "foo", "-o", "x.graphml"}, `unknown export format "foo" (want edgelist, graphml, gexf, pajek, dl, kumu, dot)`},
	} {
		args := append([]string{"export", good}, tt.args...)
		for i, a := range args {
			if strings.HasPrefix(a, "x.") || a == "network" {
				args[i] = filepath.Join(dir, a)
				tt.msg = strings.ReplaceAll(tt.msg, "-o "+a, "-o "+args[i])
			}
		}
		code, _, errs := sectornet(t, args...)
		if code != exitUsage || errs != "sectornet: "+tt.msg+"\n" {
			t.Errorf("%v: %d %q, want %q", tt.args, code, errs, tt.msg)
		}
	}
	// A --format that agrees with the extension, and one given for an
	// extension export does not know, are written.
	if code, _, errs := sectornet(t, "export", good, "--format", "pajek", "-o", filepath.Join(dir, "y.paj")); code != 0 {
		t.Error(errs)
	}
	if code, _, errs := sectornet(t, "export", good, "--format", "edgelist", "-o", filepath.Join(dir, "y.txt")); code != 0 {
		t.Error(errs)
	}
}

// TestOutputNeverReplacesInput: no output of a run replaces a file it
// read, with or without --force.
func TestOutputNeverReplacesInput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mydata")
	if code, _, errs := sectornet(t, "init", "--sample", dir); code != 0 {
		t.Fatal(errs)
	}
	orgs := filepath.Join(dir, "organizations.csv")
	before, _ := os.ReadFile(orgs)
	for _, args := range [][]string{
		{"export", dir, "-o", orgs},
		{"export", dir, "--format", "edgelist", "-o", filepath.Join(dir, "ties.csv")},
	} {
		code, _, errs := sectornet(t, args...)
		target := args[len(args)-1]
		if want := "sectornet: " + target + " is an input of this run; nothing written (write the output elsewhere)\n"; code != exitUsage || errs != want {
			t.Errorf("%v: %d %q, want %q", args, code, errs, want)
		}
	}
	if after, _ := os.ReadFile(orgs); string(after) != string(before) {
		t.Error("organizations.csv was changed")
	}
	// A workbook is an input too.
	book := filepath.Join(t.TempDir(), "partners.xlsx")
	if code, _, errs := sectornet(t, "init", "--xlsx", book, "--sample"); code != 0 {
		t.Fatal(errs)
	}
	code, _, errs := sectornet(t, "export", book, "--format", "edgelist", "-o", book)
	if code != exitUsage || !strings.Contains(errs, "is an input of this run") {
		t.Errorf("export over the workbook: %d %q", code, errs)
	}
	// Another file in the folder is written.
	if code, _, errs := sectornet(t, "export", dir, "-o", filepath.Join(dir, "network.graphml")); code != 0 {
		t.Error(errs)
	}
}

// TestTableFlag: --table prints one table of a multi-table command, so
// its CSV loads as one table; an unknown name lists the names.
func TestTableFlag(t *testing.T) {
	code, got, errs := sectornet(t, "summary", good, "--format", "csv", "--table", "network")
	if code != 0 || !strings.HasPrefix(got, "measure,value\nnodes,5\n") || strings.Contains(got, "#") || strings.Contains(got, "\n\n") {
		t.Errorf("summary --table network: %d %q %s", code, got, errs)
	}
	code, got, _ = sectornet(t, "summary", good, "--format", "json", "--table", "sectors")
	if code != 0 || !strings.HasPrefix(got, "{\n  \"sectors\": [") || strings.Contains(got, `"network"`) {
		t.Errorf("summary json --table sectors: %d %q", code, got)
	}
	code, _, errs = sectornet(t, "summary", good, "--table", "networks")
	if want := `sectornet: --table "networks": no such table (tables: dataset, sectors, forums, meetings, waves, network, components, tie_scores) (did you mean "network"?)` + "\n"; code != exitUsage || errs != want {
		t.Errorf("unknown table: %d %q, want %q", code, errs, want)
	}
	// analyze's CSV is its organizations table; --table network still
	// gives the network table.
	code, got, _ = sectornet(t, "analyze", good, "--format", "csv", "--table", "network")
	if code != 0 || !strings.HasPrefix(got, "measure,value\norganizations,5\n") {
		t.Errorf("analyze --table network: %d %q", code, got)
	}
	code, got, _ = sectornet(t, "qap", good, "--permutations", "20", "--format", "csv", "--table", "qap_fit")
	if code != 0 || !strings.HasPrefix(got, "measure,value\noutcome,new:2012:2014\n") || strings.Contains(got, "#") {
		t.Errorf("qap --table qap_fit: %d %q", code, got)
	}
	code, got, _ = sectornet(t, "balance", good, "--format", "csv", "--table", "sectors")
	if code != 0 || !strings.HasPrefix(got, "forum,sector,") {
		t.Errorf("balance --table sectors: %d %q", code, got)
	}
}

// TestSampleMark: what is made from the embedded sample says so in its
// title (text, Markdown, LaTeX, multi-table CSV, figures, exports), and
// nothing made from a dataset does.
func TestSampleMark(t *testing.T) {
	_, got, _ := sectornet(t, "summary")
	if !strings.HasPrefix(got, "Dataset"+out.SampleMark+"\n") {
		t.Errorf("summary from the sample starts %.80q", got)
	}
	_, got, _ = sectornet(t, "summary", "--format", "csv")
	if !strings.HasPrefix(got, "# Dataset"+out.SampleMark+"\n") {
		t.Errorf("summary csv from the sample starts %.80q", got)
	}
	_, got, _ = sectornet(t, "balance", "--format", "md")
	if !strings.HasPrefix(got, "### Sector balance per forum"+out.SampleMark+"\n") {
		t.Errorf("balance md from the sample starts %.80q", got)
	}
	_, got, _ = sectornet(t, "export", "--format", "graphml")
	if !strings.Contains(got, out.SampleMark+"</desc>") {
		t.Error("graphml from the sample: no mark in <desc>")
	}
	_, got, _ = sectornet(t, "render", "--view", "sectors", "--format", "svg")
	if !strings.Contains(got, out.SampleNote) {
		t.Error("diagram from the sample: no mark in the legend")
	}
	// Chart text is drawn as outlines: the chart's title holds the mark.
	d, err := loadDataset(context.Background(), &streams{Err: io.Discard}, "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := out.BuildChart(context.Background(), out.NewAnalysis(d, out.AnalysisOptions{}), out.ChartOptions{Kind: "degree"})
	if err != nil || !strings.HasSuffix(c.Title, "\n(embedded sample: synthetic data)") {
		t.Errorf("chart from the sample: %v %q", err, c.Title)
	}
	_, got, _ = sectornet(t, "survey", "--prose")
	if !strings.HasPrefix(got, "(embedded sample: synthetic data)\n- Boundary: ") {
		t.Errorf("survey --prose from the sample starts %.80q", got)
	}
	for _, args := range [][]string{
		{"survey", good, "--prose"},
		{"validate", good},
		{"summary", good},
		{"summary", good, "--format", "csv"},
		{"export", good, "--format", "graphml"},
		{"render", good, "--view", "sectors", "--format", "svg"},
	} {
		if _, got, _ := sectornet(t, args...); strings.Contains(got, "embedded sample") || strings.Contains(got, out.SampleNote) {
			t.Errorf("%v: a dataset's output is marked as the sample's", args)
		}
	}
}

// TestEmptyDataset: a dataset with no rows yet (as init writes it) is an
// error for the commands that compute something, not empty tables; it
// validates.
func TestEmptyDataset(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	if code, _, errs := sectornet(t, "init", dir); code != 0 {
		t.Fatal(errs)
	}
	want := "sectornet: " + dir + ": the dataset is empty: add rows to organizations.csv, forums.csv and participation.csv, then run this again (sectornet validate " + dir + " checks them)\n"
	for _, args := range [][]string{
		{"summary", dir},
		{"centrality", dir},
		{"export", dir},
		{"render", dir, "-o", filepath.Join(t.TempDir(), "n.svg")},
		{"report", dir, "-o", filepath.Join(t.TempDir(), "r")},
		{"engagement", dir},
		{"qap", dir},
	} {
		code, got, errs := sectornet(t, args...)
		if code != exitInvalid || got != "" || errs != want {
			t.Errorf("%v: %d %q %q, want %q", args, code, got, errs, want)
		}
	}
	if code, got, _ := sectornet(t, "validate", dir); code != 0 || !strings.HasPrefix(got, "ok: no organizations yet") {
		t.Errorf("validate: %d %q", code, got)
	}
}

// TestFlagValueErrors: a mistyped --type is an error in every command
// that takes it (qap and survey too), a forum's or organization's name
// given for its id says whose name it is, and --forum lists the forums.
func TestFlagValueErrors(t *testing.T) {
	const types = `(types: "information", "joint project", "resources")`
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"qap", good, "--type", "joint projects"}, `no ties of type "joint projects" ` + types},
		{[]string{"survey", good, "--type", "joint projects"}, `no ties of type "joint projects" ` + types},
		{[]string{"survey", good, "--type", "resources", "--wave", "2014"}, `no ties of type "resources" in wave "2014" (its types: "information", "joint project")`},
		{[]string{"survey", good, "--wave", "2013"}, `no wave "2013" (waves: "2012", "2014")`},
		{[]string{"summary", good, "--basis", "ties", "--type", "joint projects"}, `no ties of type "joint projects" ` + types},
		{[]string{"balance", good, "--forum", "Welfare"}, `--forum "Welfare": unknown forum (that is the name of F2; use the id; forums: F1, F2, F3)`},
		{[]string{"engagement", good, "--forum", "f2"}, `--forum "f2": unknown forum (did you mean "F2"? forums: F1, F2, F3)`},
		{[]string{"suggest", good, "--org", "alpha ministry"}, `--org "alpha ministry": unknown organization (that is the name of A; use the id)`},
	} {
		code, _, errs := sectornet(t, tt.args...)
		if code != exitUsage || !strings.HasSuffix(errs, "sectornet: "+tt.msg+"\n") {
			t.Errorf("%v: %d %q, want %q", tt.args, code, errs, tt.msg)
		}
	}
}

// TestRenamedFlags: chart --view (was --kind), suggest --top (was
// --limit) and export --label-by (was --labels) give what the old names
// gave, which still work and are not in the help.
func TestRenamedFlags(t *testing.T) {
	for _, tt := range []struct{ cmd, old, new, value string }{
		{"chart", "--kind", "--view", "degree"},
		{"suggest", "--limit", "--top", "1"},
		{"export", "--labels", "--label-by", "name"},
	} {
		args := []string{tt.cmd, good, "--format", "svg"}
		switch tt.cmd {
		case "suggest":
			args[3] = "csv"
		case "export":
			args[3] = "pajek"
		}
		c1, o1, e1 := sectornet(t, append(args, tt.old, tt.value)...)
		c2, o2, e2 := sectornet(t, append(args, tt.new, tt.value)...)
		if c1 != 0 || c2 != 0 || o1 != o2 || o1 == "" {
			t.Errorf("%s %s: %d %s; %s: %d %s", tt.cmd, tt.old, c1, e1, tt.new, c2, e2)
		}
		_, help, _ := sectornet(t, tt.cmd, "--help")
		if !strings.Contains(help, "  "+tt.new+" ") || strings.Contains(help, "  "+tt.old+" ") {
			t.Errorf("%s --help: want %s, not %s", tt.cmd, tt.new, tt.old)
		}
	}
}

// complete runs cobra's hidden completion command, as a shell's
// completion script does, and returns the values offered.
func complete(t *testing.T, args ...string) []string {
	t.Helper()
	_, got, _ := sectornet(t, append([]string{"__complete"}, args...)...)
	var v []string
	for _, l := range strings.Split(strings.TrimSpace(got), "\n") {
		if !strings.HasPrefix(l, ":") {
			v = append(v, l)
		}
	}
	return v
}

// TestCompletion: flag values complete, fixed ones and the dataset's
// waves, forums and organizations.
func TestCompletion(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"chart", "--view", ""}, strings.Join(out.ChartKinds, " ")},
		{[]string{"chart", "--kind", ""}, strings.Join(out.ChartKinds, " ")}, // the old name
		{[]string{"render", "--view", ""}, strings.Join(out.Views, " ")},
		{[]string{"export", "--format", ""}, strings.Join(out.ExportFormats, " ")},
		{[]string{"summary", "--format", ""}, "table csv json md tex"},
		{[]string{"summary", "--basis", ""}, "forums meetings ties"},
		{[]string{"centrality", "--paths", ""}, "hops weighted"},
		{[]string{"summary", "--wave", ""}, "2012 2014"},
		{[]string{"change", good, "--from", ""}, "2012 2014"},
		{[]string{"balance", good, "--forum", ""}, "F1\tEducation F2\tWelfare F3\tHealth"},
		{[]string{"balance", good, "--kind", ""}, "forum"},
		{[]string{"summary", good, "--type", ""}, "information joint project resources"},
		{[]string{"export", "--measures", "degree,pa"}, "degree,strength degree,betweenness degree,closeness"},
	} {
		got := strings.Join(complete(t, tt.args...), " ")
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.args, got, tt.want)
		}
	}
	if got := complete(t, "suggest", good, "--org", ""); len(got) != 5 || got[0] != "A\tAlpha Ministry" {
		t.Errorf("--org: %q", got)
	}
	// Every fixed list names flags that exist.
	root := newRootCmd(&streams{Out: io.Discard, Err: io.Discard})
	used := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) { used[f.Name] = true; used[c.Name()+" "+f.Name] = true })
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	for k := range flagValues {
		if !used[k] {
			t.Errorf("flagValues[%q]: no such flag", k)
		}
	}
}

// TestMissingPartsStatus: a question the dataset lacks the data for (no
// meetings, no waves) is the same usage status, 2, in every command.
func TestMissingPartsStatus(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"organizations.csv": "id,name,sector\nA,Alpha,gov\nB,Beta,bus\n",
		"forums.csv":        "id,name\nF1,One\n",
		"participation.csv": "org,forum\nA,F1\nB,F1\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"firsts", dir},
		{"engagement", dir},
		{"summary", dir, "--basis", "meetings"},
		{"chart", dir, "--view", "retention", "-o", filepath.Join(dir, "r.svg")},
		{"change", dir},
		{"survey", dir},
		{"centrality", dir, "--basis", "ties"},
	} {
		if code, _, errs := sectornet(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args[:1], code, exitUsage, errs)
		}
	}
}

// TestWarningsCarried: a table printed from a dataset with warnings
// carries them as notes (at most five), so a table pasted into a report
// keeps what may make it wrong; CSV keeps its shape.
func TestWarningsCarried(t *testing.T) {
	dir := t.TempDir()
	orgs := "id,name,sector\nA,Alpha,business\nB,Beta,Business\nC,Gamma,gov\n"
	for name, body := range map[string]string{
		"organizations.csv": orgs,
		"forums.csv":        "id,name\nF1,One\n",
		"participation.csv": "org,forum\nA,F1\nB,F1\nC,F1\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	warning := filepath.Join(dir, "organizations.csv") + `:3: warning: sector "Business": another spelling of sector "business" (1 organization), so counted as a sector of its own (write "business")`
	code, got, errs := sectornet(t, "balance", dir)
	if code != 0 || !strings.Contains(got, "with 20 seats only large departures give a small p, so read the gaps too.\n"+warning+"\n\nMembers and attendance per sector") {
		t.Errorf("balance: %d %s %s", code, got, errs)
	}
	if _, got, _ := sectornet(t, "balance", dir, "--format", "csv", "--table", "forums"); strings.Contains(got, "warning") {
		t.Errorf("csv carries the warning: %s", got)
	}
	// Seven sectors spelt two ways: five warnings carried, then the count.
	var b strings.Builder
	b.WriteString("id,name,sector\n")
	for i, sec := range []string{"alpha", "beta", "gamma", "delta", "eps", "zeta", "eta"} {
		fmt.Fprintf(&b, "A%d,Org A%d,%s\nB%d,Org B%d,%s\n", i, i, sec, i, i, strings.ToUpper(sec))
	}
	os.WriteFile(filepath.Join(dir, "organizations.csv"), []byte(b.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "participation.csv"), []byte("org,forum\nA0,F1\n"), 0o644)
	code, got, errs = sectornet(t, "summary", dir)
	if n := strings.Count(got, ": warning: "); code != 0 || n != 5 || !strings.Contains(got, "\n... and 2 more warnings (sectornet validate lists them).\n") {
		t.Errorf("summary carries %d warnings:\n%s\n%s", n, got, errs)
	}
}

// TestCheckNeedsDir: the watch lists of scheduled jobs never run on the
// sample standing in for a dataset.
func TestCheckNeedsDir(t *testing.T) {
	for _, c := range []string{"balance", "engagement"} {
		code, _, errs := sectornet(t, c, "--check")
		want := "sectornet: " + c + " --check needs DIR, the dataset to watch: it is meant for scheduled jobs, and the embedded sample would stand in for your data (sectornet " + c + " mydata --check)\n"
		if code != exitUsage || errs != want {
			t.Errorf("%s --check: %d %q, want %q", c, code, errs, want)
		}
	}
}

// TestImportMatrixRoleHint: a role typed in a participation matrix read
// without --roles says how to read it.
func TestImportMatrixRoleHint(t *testing.T) {
	in := filepath.Join(t.TempDir(), "m.csv")
	os.WriteFile(in, []byte("org,F1\nA,chair\n"), 0o644)
	code, _, errs := sectornet(t, "import", "matrix", in, "--as", "participation")
	want := in + `:2: F1 "chair": invalid value: not a mark (want x, 1, yes or ✓ where the organization took part; blank, 0 or no where it did not) (use --roles to read roles)` + "\n" +
		"sectornet: " + in + ": 1 problem found; nothing was written\n"
	if code != exitInvalid || errs != want {
		t.Errorf("%d %q, want %q", code, errs, want)
	}
}

// TestREADMEValidationListing: the README's validation section shows what
// validate prints for data/testdata/mistakes, line for line.
func TestREADMEValidationListing(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin = "$ sectornet validate data/testdata/mistakes\n"
	s := string(b)
	i := strings.Index(s, begin)
	if i < 0 {
		t.Fatalf("README.md has no %q", begin)
	}
	listing := s[i+len(begin):]
	listing = listing[:strings.Index(listing, "```")]
	code, _, errs := sectornet(t, "validate", filepath.FromSlash("../../data/testdata/mistakes"))
	got := strings.ReplaceAll(errs, filepath.FromSlash("../../data/testdata/mistakes"), "data/testdata/mistakes")
	if code != exitInvalid || got != listing {
		t.Errorf("README's listing differs from validate's (exit %d):\n got:\n%s\nREADME:\n%s", code, got, listing)
	}
}
