package data

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// TestSample loads the embedded sample and checks its headline counts.
// The expected numbers were counted from the CSV files, not by this code,
// with shell tools run in data/sample (every file's first line is a
// '#' comment, its second the header):
//
//	for f in *.csv; do echo $f $(grep -v '^#' $f | tail -n +2 | wc -l); done
//	  -> attendance 339, forums 7, meetings 26, organizations 169,
//	     participation 116, quotas 10, sectors 5, ties 583
//	grep -v '^#' attendance.csv | tail -n +2 | cut -d, -f1,2 | sort -u | wc -l     -> 335
//	grep -v '^#' participation.csv | tail -n +2 | cut -d, -f1,2 | sort -u | wc -l  -> 114
//	grep -v '^#' ties.csv | tail -n +2 |
//	  awk -F, '{a=$1<$2?$1" "$2:$2" "$1; print $3, a}' | sort -u | cut -d' ' -f1 | uniq -c
//	  -> 185 2012, 273 2014
//	grep -v '^#' organizations.csv | tail -n +2 | cut -d, -f1 | sort |
//	  comm -23 - <(grep -v '^#' participation.csv | tail -n +2 | cut -d, -f1 | sort -u) | wc -l  -> 84
//
// and, with Python's csv module (organization names hold commas), the
// organizations per sector and the distinct members per forum.
func TestSample(t *testing.T) {
	d, err := Load(Sample())
	if err != nil {
		t.Fatalf("the embedded sample does not load: %v", err)
	}
	rows := []struct {
		what      string
		got, want int
	}{
		{"organizations", len(d.Orgs), 169},
		{"sectors", len(d.Sectors), 5},
		{"forums", len(d.Forums), 7},
		{"participation rows", len(d.Memberships), 116},
		{"meetings", len(d.Meetings), 26},
		{"attendance rows", len(d.Attendance), 339},
		// Counted from the CSV files with a Python script (distinct
		// unordered pairs per wave, rows of respondents.csv per wave).
		{"tie reports", len(d.Ties), 583},
		{"respondent rows", len(d.Respondents), 252},
		{"waves", len(d.Waves()), 2},
		{"quotas", len(d.Quotas), 10},
	}
	s := graph.Summarize(d)
	rows = append(rows, []struct {
		what      string
		got, want int
	}{
		{"distinct memberships", s.Memberships, 114},
		{"distinct attendances", s.Attendances, 335},
		{"organizations in no forum", s.OrgsWithoutForum, 84},
	}...)
	for _, r := range rows {
		if r.got != r.want {
			t.Errorf("%s: got %d, want %d", r.what, r.got, r.want)
		}
	}

	perSector := map[string]int{}
	for _, o := range d.Orgs {
		perSector[o.Sector]++
	}
	wantSector := map[string]int{"government": 22, "local": 24, "business": 38, "nonprofit": 65, "academia": 20}
	for k, want := range wantSector {
		if perSector[k] != want {
			t.Errorf("sector %s: %d organizations, want %d", k, perSector[k], want)
		}
	}

	wantMembers := map[string]int{"education": 21, "welfare": 19, "health": 17, "employment": 18, "technology": 14, "measurement": 15, "board": 10}
	for _, f := range s.Forums {
		if f.Members != wantMembers[f.Forum.ID] {
			t.Errorf("forum %s: %d members, want %d", f.Forum.ID, f.Members, wantMembers[f.Forum.ID])
		}
	}

	wantTies := map[string]int{"2012": 185, "2014": 273}
	for _, w := range s.Waves {
		if w.Ties != wantTies[w.Wave] {
			t.Errorf("wave %s: %d ties, want %d", w.Wave, w.Ties, wantTies[w.Wave])
		}
	}
	// Business under-responds: 21 of 38 in 2012 and 16 of 38 in 2014,
	// against 112 of 131 and 103 of 131 for the other sectors.
	for _, w := range graph.ResponseRates(d) {
		biz := w.Sectors[2]
		if w.Inferred || biz.Orgs != 38 || biz.Responded != map[string]int{"2012": 21, "2014": 16}[w.Wave] ||
			w.All.Responded-biz.Responded != map[string]int{"2012": 112, "2014": 103}[w.Wave] {
			t.Errorf("wave %s: response %+v, business %+v", w.Wave, w.All, biz)
		}
	}
	for _, sec := range d.Sectors {
		if !strings.Contains(sec.Label, " / ") {
			t.Errorf("sector %s: label %q should be English / Hebrew", sec.ID, sec.Label)
		}
	}
}

// TestSampleFiles checks that SampleFiles lists the dataset's eight files,
// sorted, each readable from Sample and starting with the comment that
// says the data are synthetic.
func TestSampleFiles(t *testing.T) {
	var want []string
	for _, f := range Files {
		want = append(want, f.Name)
	}
	slices.Sort(want)
	got := SampleFiles()
	if !slices.Equal(got, want) {
		t.Fatalf("SampleFiles() = %v, want %v", got, want)
	}
	for _, name := range got {
		b, err := fs.ReadFile(Sample(), name)
		if err != nil {
			t.Fatal(err)
		}
		// Plain CSV: the header is the first line, so Excel, R and pandas
		// read the files as they are.
		if strings.HasPrefix(string(b), "#") || strings.HasPrefix(string(b), "\ufeff") {
			t.Errorf("%s does not start with its header", name)
		}
	}
}

// TestNewDataset: init writes every file of Files, in its order, as its
// template, or the sample's file with sample.
func TestNewDataset(t *testing.T) {
	var want []string
	for _, f := range Files {
		want = append(want, f.Name)
	}
	for _, sample := range []bool{false, true} {
		names, files := NewDataset(sample)
		if !slices.Equal(names, want) || len(files) != len(want) {
			t.Fatalf("sample %v: names %v, want %v", sample, names, want)
		}
		for _, n := range names {
			wantBody := Template(n)
			if sample {
				wantBody, _ = fs.ReadFile(Sample(), n)
			}
			if string(files[n]) != string(wantBody) {
				t.Errorf("sample %v: %s is not the file it should be", sample, n)
			}
		}
	}
}
