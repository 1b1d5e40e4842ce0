package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
)

// TestPseudonymizedReport writes the sample's report with --pseudonymize
// and reads every file it wrote for every organization's name and id: none
// may appear. PNG files draw text as glyph outlines, so they hold no text;
// they are read for names and people too.
func TestPseudonymizedReport(t *testing.T) {
	if testing.Short() {
		t.Skip("the report takes a few seconds")
	}
	full, err := data.Load(data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	// A quarter of the sample's organizations, every sector's (forums,
	// meetings, both waves, respondents, names in Hebrew), so the report
	// takes a few seconds, not fifteen.
	tmp := t.TempDir()
	d := sampleSubset(full, func(i int) bool { return i%4 == 1 })
	src := filepath.Join(tmp, "data")
	os.MkdirAll(src, 0o755)
	for _, name := range data.FilesOf(d) {
		var b bytes.Buffer
		if err := data.WriteFile(&b, name, d); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(src, name), b.Bytes(), 0o644)
	}
	key := filepath.Join(tmp, "key.csv")
	dir := filepath.Join(tmp, "report")
	// The key may not go inside the report folder.
	if code, _, errs := sectornet(t, "report", src, "-o", dir, "--pseudonymize", filepath.Join(dir, "key.csv")); code != exitUsage || !strings.Contains(errs, "inside the report folder") {
		t.Fatalf("key inside the report: code %d, %s", code, errs)
	}
	code, _, errs := sectornet(t, "report", src, "-o", dir, "--pseudonymize", key)
	if code != 0 {
		t.Fatal(errs)
	}
	// Names and people as text; ids as whole tokens (not inside "L22.5"
	// of an SVG path). N00, N01, N10 and N11 are also RSiena's names for
	// the tie-change counts that the change tables print, so the
	// organizations N01, N10 and N11 are checked by name only.
	var needles []string
	var ids []*regexp.Regexp
	notation := map[string]bool{"N00": true, "N01": true, "N10": true, "N11": true}
	for _, o := range d.Orgs {
		needles = append(needles, o.Name)
		if !notation[o.ID] {
			ids = append(ids, regexp.MustCompile(`(^|[^A-Za-z0-9_.])`+regexp.QuoteMeta(o.ID)+`($|[^A-Za-z0-9_.])`))
		}
	}
	for _, m := range d.Memberships {
		if m.Person != "" {
			needles = append(needles, m.Person)
		}
	}
	for _, r := range d.Respondents {
		if r.Person != "" {
			needles = append(needles, r.Person)
		}
	}
	files := 0
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, n := range needles {
			if bytes.Contains(b, []byte(n)) {
				t.Errorf("%s holds %q", path, n)
			}
		}
		if strings.HasSuffix(path, ".png") {
			return nil // no text: three-byte ids occur by chance in compressed pixels
		}
		for _, re := range ids {
			if loc := re.FindIndex(b); loc != nil {
				t.Errorf("%s holds %q", path, b[loc[0]:loc[1]])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Errorf("only %d files in the report", files)
	}
	// The control: without --pseudonymize the names are there.
	if _, out, _ := sectornet(t, "centrality", src, "--format", "csv"); !strings.Contains(out, d.Orgs[1].Name) || !strings.Contains(out, d.Orgs[1].ID+",") {
		t.Errorf("the unpseudonymized table lacks %s %q", d.Orgs[1].ID, d.Orgs[1].Name)
	}
	k, err := os.ReadFile(key)
	if err != nil || !bytes.Contains(k, []byte(d.Orgs[0].Name)) {
		t.Errorf("key file: %v %.200s", err, k)
	}
}

// sampleSubset keeps the organizations whose index keep accepts, and the
// rows that name only them.
func sampleSubset(d *graph.Dataset, keep func(int) bool) *graph.Dataset {
	s := *d
	s.Orgs, s.Memberships, s.Attendance, s.Ties, s.Respondents, s.Warnings = nil, nil, nil, nil, nil, nil
	in := map[string]bool{}
	for i, o := range d.Orgs {
		if keep(i) {
			in[o.ID] = true
			s.Orgs = append(s.Orgs, o)
		}
	}
	for _, m := range d.Memberships {
		if in[m.Org] {
			s.Memberships = append(s.Memberships, m)
		}
	}
	for _, a := range d.Attendance {
		if in[a.Org] {
			s.Attendance = append(s.Attendance, a)
		}
	}
	for _, t := range d.Ties {
		if in[t.Source] && in[t.Target] {
			s.Ties = append(s.Ties, t)
		}
	}
	for _, r := range d.Respondents {
		if in[r.Org] {
			s.Respondents = append(s.Respondents, r)
		}
	}
	return &s
}
