package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
)

var (
	sampleReportOnce sync.Once
	sampleReportDir  string // removed by TestMain
	sampleReportErr  string
)

// sampleReport writes the report of the embedded sample once for the
// tests that read it, dated 1 December 2025 (SOURCE_DATE_EPOCH), and
// returns its folder.
func sampleReport(t *testing.T) string {
	t.Helper()
	sampleReportOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sectornet-sample-report-")
		if err != nil {
			sampleReportErr = err.Error()
			return
		}
		sampleReportDir = dir
		t.Setenv("SOURCE_DATE_EPOCH", "1764547200")
		if code, _, errs := sectornet(t, "report", "-o", filepath.Join(dir, "sample")); code != 0 {
			sampleReportErr = errs
		}
	})
	if sampleReportErr != "" {
		t.Fatal(sampleReportErr)
	}
	return filepath.Join(sampleReportDir, "sample")
}

// TestReportStory reads the sample's report.md as a board member would:
// the title, the period and the date; headlines that name organizations
// and forums (not ids) and list every breach of the key, which the
// section's table lists too; a sentence under every measure; methods with
// DOIs; and Markdown that escapes nothing a reader trips on.
func TestReportStory(t *testing.T) {
	dir := sampleReport(t)
	b, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	d, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Cross-sector network report\n",
		"Made on 2025-12-01 by sectornet report · Period: meetings from ",
		// Distinct memberships and attendances, as validate and summary
		// count them; by hand with Python's csv module on data/sample:
		// participation.csv 116 rows, 114 distinct (org, forum), 85 orgs;
		// attendance.csv 339 rows, 335 distinct (meeting, org); ties.csv
		// 2012: 243 rows, 185 distinct pairs, 2014: 340 rows, 273.
		"It covers 169 organizations in 5 sectors",
		"; 7 forums with 114 memberships (85 of the organizations sit in at least one), 26 meetings with 335 attendances, 185 collaboration ties in survey wave 2012 (from 243 reports) and 273 collaboration ties in survey wave 2014 (from 340 reports).",
		// The forum-effect model: its headline, tables and method.
		"- **Forum effect, dyadic model:** among the ",
		"### 2012 to 2014: the forum effect as a dyadic model (logistic QAP)\n",
		"### QAP regression", "https\\://doi.org/10.1007/s11336-007-9016-1",
		"1000 permutations for the QAP regression",
		"[report.html](report.html)",
		"## Headlines",
		"## Sector balance of the forums", "## How the sectors mix", "## Brokers between sectors", "## Communities",
		"## Change between survey waves and the forum effect", "## First meetings", "## Suggested introductions", "## Data quality",
		"## Methods", "https\\://doi.org/10.2307/3033543", "### For a paper",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	// Every breach: as many lines under the headline's forums as breaches
	// (graph.Breaches), each forum by name, none by id.
	bal := graph.SectorBalances(d, nil)
	breaches := graph.Breaches(bal, graph.DefaultTolerance)
	head := md[strings.Index(md, "## Headlines"):strings.Index(md, "## The network")]
	if !strings.Contains(head, "- **Sector balance:** "+strconv.Itoa(len(breaches))+" breaches of the representation key") {
		t.Errorf("the balance headline does not count %d breaches:\n%s", len(breaches), head)
	}
	listed := 0
	for _, line := range strings.Split(head, "\n") {
		if strings.HasPrefix(line, "  - ") {
			listed += strings.Count(line, "; ") + 1
		}
	}
	if listed != len(breaches) {
		t.Errorf("the headline lists %d breaches, want %d", listed, len(breaches))
	}
	for _, f := range d.Forums {
		if strings.Contains(head, "  - "+f.ID+":") {
			t.Errorf("forum %s named by its id", f.ID)
		}
	}
	if !strings.Contains(head, "Volunteering in welfare and community: ") {
		t.Error("no forum named by its name in the headlines")
	}
	// Brokers by name, not id.
	if !regexp.MustCompile(`- \*\*Brokers:\*\* [A-Z][a-z]+ `).MatchString(head) {
		t.Errorf("brokers not named:\n%s", head)
	}
	// A sentence under every measure.
	for _, m := range regexp.MustCompile(`(?m)^- \*\*[^*]+\.\*\* ?(.*)$`).FindAllStringSubmatch(md, -1) {
		if len(m[1]) < 20 {
			t.Errorf("a measure without its meaning: %q", m[0])
		}
	}
	// Readable as text.
	for _, bad := range []string{`0\.`, `\-weighted`, `ties\.csv`, `&amp;`} {
		if strings.Contains(md, bad) {
			t.Errorf("report.md escapes what needs none: %q", bad)
		}
	}
}
