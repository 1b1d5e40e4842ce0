package data

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoadGood checks the small dataset in testdata/good, whose content
// (BOM, CRLF, mixed-case header, a quoted comma, an extra column, a
// repeated membership row) is read back field by field.
func TestLoadGood(t *testing.T) {
	d, err := Load(os.DirFS("testdata/good"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Orgs) != 5 || len(d.Sectors) != 4 || len(d.Forums) != 3 || len(d.Memberships) != 9 ||
		len(d.Meetings) != 3 || len(d.Attendance) != 8 || len(d.Ties) != 6 || len(d.Quotas) != 5 {
		t.Fatalf("counts: %d orgs %d sectors %d forums %d memberships %d meetings %d attendance %d ties %d quotas",
			len(d.Orgs), len(d.Sectors), len(d.Forums), len(d.Memberships), len(d.Meetings), len(d.Attendance), len(d.Ties), len(d.Quotas))
	}
	b := d.Orgs[1]
	if b.ID != "B" || b.Name != "Beta, Ltd" || b.Sector != "bus" || len(b.Attrs) != 1 || b.Attrs[0] != (struct{ Key, Value string }{"City", "Haifa"}) {
		t.Errorf("org B = %+v", b)
	}
	if f := d.Forums[2]; f.ID != "F3" || f.Capacity != 2 || f.Kind != "forum" {
		t.Errorf("forum F3 = %+v", f)
	}
	if m := d.Meetings[1]; m.ID != "M2" || m.Date.Format("2006-01-02") != "2013-02-10" {
		t.Errorf("meeting M2 = %+v", m)
	}
	if tie := d.Ties[1]; tie.Source != "B" || tie.Weight != 2 || !math.IsNaN(tie.Trust) {
		t.Errorf("tie 2 = %+v", tie)
	}
	if tie := d.Ties[0]; tie.Trust != 3 || tie.Value != 2 || tie.Type != "information" {
		t.Errorf("tie 1 = %+v", tie)
	}
	if w := d.Waves(); len(w) != 2 || w[0] != "2012" || w[1] != "2014" {
		t.Errorf("waves = %v", w)
	}
	if s := d.Sectors[0]; s.ID != "gov" || s.Label != "Government" || s.Color != "#0072B2" {
		t.Errorf("sector 1 = %+v", s)
	}
}

// TestLoadBroken checks every message for the broken dataset in
// testdata/broken, each worked out by reading the files.
func TestLoadBroken(t *testing.T) {
	_, err := Load(os.DirFS("testdata/broken"))
	want := []string{
		`sectors.csv:3: color "blue!": invalid value: want #RRGGBB or a colour name such as navy`,
		`organizations.csv:4: id "R02": duplicate id, first defined on line 3`,
		`organizations.csv:5: id "": empty value`,
		`organizations.csv:7: sector "goverment": unknown sector (not in sectors.csv)`,
		`organizations.csv:8: wrong number of fields: 4, but the header has 3 (quote a name that contains a comma)`,
		`forums.csv:2: capacity "twenty": not a number: want a whole number of seats from 0 to 1000000`,
		`participation.csv:3: org "R9": unknown organization (did you mean "R09"?)`,
		`participation.csv:4: forum "F7": unknown forum`,
		`participation.csv:5: forum "": empty value`,
		`meetings.csv:2: date "2013-13-01": not a date: want YYYY-MM-DD (did you mean 2013-01-13? the month comes before the day)`,
		`meetings.csv:3: date "15/01/2013": not a date: want YYYY-MM-DD (did you mean 2013-01-15?)`,
		`attendance.csv:3: meeting "M4": unknown meeting`,
		`ties.csv:2: target "R01": self-tie: an organization cannot collaborate with itself`,
		`ties.csv:3: weight "-1": out of range: want a weight from 0.0001 to 10000 (rescale larger numbers)`,
		`ties.csv:4: trust "5": out of range: want a score from 1 to 4`,
		`ties.csv:5: wave "": empty value`,
		`quotas.csv:2: forum "*": out of range: the shares of this forum sum to 1.2, more than 1`,
		`quotas.csv:5: share "1.5": out of range: want a share from 0 to 1`,
	}
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(err.Error(), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, sentinel := range []error{ErrDuplicate, ErrEmpty, ErrUnknown, ErrFieldCount, ErrNumber, ErrDate, ErrSelfTie, ErrRange, ErrInvalid} {
		if !errors.Is(err, sentinel) {
			t.Errorf("errors.Is(err, %v) = false", sentinel)
		}
	}
	var e *Error
	if !errors.As(err, &e) || e.File != "sectors.csv" || e.Line != 3 || e.Column != "color" || e.Value != "blue!" {
		t.Errorf("errors.As: %+v", e)
	}
}

const (
	minOrgs   = "id,name,sector\nA,Alpha,gov\nB,Beta,bus\n"
	minForums = "id,name\nF1,One\n"
	minPart   = "org,forum\nA,F1\nB,F1\n"
)

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range files {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

// TestLoadFileProblems checks problems with whole files and CSV syntax,
// one file changed at a time from a minimal valid dataset.
func TestLoadFileProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // replaces or adds files; "" deletes
		want  string
		is    error
	}{
		{"missing organizations", map[string]string{FileOrganizations: ""},
			"organizations.csv: missing file: the dataset needs organizations.csv (one row per organization; extra columns are kept as attributes)", ErrMissingFile},
		{"missing column", map[string]string{FileOrganizations: "id,title,sector\nA,Alpha,gov\n"},
			`organizations.csv:1: missing required column "name" (the header is id,title,sector)`, ErrMissingColumn},
		{"empty file", map[string]string{FileForums: ""},
			"forums.csv: missing required column: the file is empty; it needs a header row (id,name)", ErrMissingColumn},
		{"ragged row", map[string]string{FileParticipation: "org,forum\nA,F1\nB\n"},
			"participation.csv:3: wrong number of fields: 1, but the header has 2", ErrFieldCount},
		{"quote left open", map[string]string{FileOrganizations: "id,name,sector\nA,\"Alpha,gov\nB,Beta,bus\n"},
			`organizations.csv:2: CSV syntax error: extraneous or missing " in quoted-field`, ErrSyntax},
		{"latin-1", map[string]string{FileOrganizations: "id,name,sector\nA,Caf\xe9,gov\nB,Beta,bus\n"},
			"organizations.csv:2: not valid UTF-8 (save the file as UTF-8) (in column name)", ErrEncoding},
		{"nul byte", map[string]string{FileOrganizations: "id,name,sector\nA,Al\x00pha,gov\nB,Beta,bus\n"},
			"organizations.csv:2: not valid UTF-8: a NUL byte (in column name)", ErrEncoding},
		{"duplicate header", map[string]string{FileForums: "id,name,ID\nF1,One,x\n"},
			`forums.csv:1: header "ID": duplicate column`, ErrDuplicate},
		{"share sum", map[string]string{FileQuotas: "forum,sector,share\nF1,gov,0.6\nF1,bus,0.6\n"},
			`quotas.csv:2: forum "F1": out of range: the shares of this forum sum to 1.2, more than 1`, ErrRange},
		{"unknown sector in quotas", map[string]string{FileQuotas: "forum,sector,share\n*,gov,0.5\n*,bsu,0.5\n"},
			`quotas.csv:3: sector "bsu": unknown sector (did you mean "bus"?)`, ErrUnknown},
		{"huge field", map[string]string{FileOrganizations: "id,name,sector\nA," + strings.Repeat("x", MaxFieldBytes+1) + ",gov\nB,Beta,bus\n"},
			"organizations.csv:2: over the limit: a field of 65537 bytes, at most 65536 allowed (in column name)", ErrLimit},
		{"huge line", map[string]string{FileOrganizations: "id,name,sector\nA,\"" + strings.Repeat("x", MaxRowBytes+10)},
			"organizations.csv:2: over the limit: a row is longer than 1048576 bytes (is a quote left open?)", ErrLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{FileOrganizations: minOrgs, FileForums: minForums, FileParticipation: minPart}
			for k, v := range tt.files {
				if v == "" && k != FileForums {
					delete(files, k)
				} else {
					files[k] = v
				}
			}
			_, err := Load(mapFS(files))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v) = false", tt.is)
			}
		})
	}
}

// TestLoadSectorsDerived checks that without sectors.csv the sectors are
// those of organizations.csv in order of first use.
func TestLoadSectorsDerived(t *testing.T) {
	d, err := Load(mapFS(map[string]string{
		FileOrganizations: "id,name,sector\nA,Alpha,npo\nB,Beta,gov\nC,Gamma,npo\n",
		FileForums:        minForums, FileParticipation: minPart,
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sectors) != 2 || d.Sectors[0].ID != "npo" || d.Sectors[1].ID != "gov" {
		t.Errorf("sectors = %+v", d.Sectors)
	}
}

func TestSuggest(t *testing.T) {
	known := []string{"R01", "R09", "R10", "government", "business"}
	for v, want := range map[string]string{
		"R9":         `did you mean "R09"?`,
		"r01":        `did you mean "R01"?`,
		"goverment":  `did you mean "government"?`,
		"R1":         `did you mean "R01"?`,
		"X":          "",
		"busyness":   `did you mean "business"?`,
		"R11":        "", // R01 and R10 are both one edit away
		"nonprofits": "",
	} {
		if got := suggest(v, known); got != want {
			t.Errorf("suggest(%q) = %q, want %q", v, got, want)
		}
	}
}
