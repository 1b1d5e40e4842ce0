package data

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sectornet/sectornet/graph"
)

// goodWith returns testdata/good with some files replaced.
func goodWith(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := os.ReadDir("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile("testdata/good/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = &fstest.MapFile{Data: b}
	}
	for name, content := range files {
		if content == "" {
			delete(m, name)
			continue
		}
		m[name] = &fstest.MapFile{Data: []byte(content)}
	}
	return m
}

func TestRespondentsGood(t *testing.T) {
	d, err := Load(os.DirFS("testdata/good"))
	if err != nil {
		t.Fatal(err)
	}
	// 2012: A, B, D (D named nobody); 2014: A, B, C, E.
	r := graph.Responses(d, "2012")
	if r.Inferred || r.N != 3 || !r.Responded[3] {
		t.Errorf("2012: %+v", r)
	}
	if d.Respondents[0].Date.Format("2006-01-02") != "2012-04-02" {
		t.Errorf("date %v", d.Respondents[0].Date)
	}
}

func TestRespondentsProblems(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
		is    error
	}{
		{"unknown org", map[string]string{FileRespondents: "org,wave\nA,2012\nB,2012\nX,2012\n"},
			[]string{`respondents.csv:4: org "X": unknown organization`}, ErrUnknown},
		{"bad date", map[string]string{FileRespondents: "org,wave,date\nA,2012,03/05/2012\nB,2012,\n"},
			[]string{`respondents.csv:2: date "03/05/2012": not a date: want YYYY-MM-DD`}, ErrDate},
		{"reporter not listed", map[string]string{FileRespondents: "org,wave\nA,2012\n"},
			[]string{`ties.csv:3: source "B": invalid value: reported a tie in wave "2012" but is not a respondent of that wave in respondents.csv (add the row B,2012 to respondents.csv, or check the wave)`}, ErrInvalid},
		{"PARTNER out of range", map[string]string{FileTies: "source,target,wave,reliability,mission,openness,power\nA,B,2012,4,5,,x\n"},
			[]string{`ties.csv:2: mission "5": out of range: want a PARTNER score from 1 (not at all) to 4 (a great deal)`,
				`ties.csv:2: power "x": not a number: want a PARTNER score from 1 (not at all) to 4 (a great deal)`}, ErrRange},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(goodWith(t, tc.files))
			var l *List
			if !errors.As(err, &l) {
				t.Fatalf("error %v, want a list", err)
			}
			var got []string
			for _, e := range l.Errs {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("errors.Is(%v) false", tc.is)
			}
		})
	}
}

// TestRespondedColumn: organizations.csv's responded column stands in for
// respondents.csv and is not kept as an attribute.
func TestRespondedColumn(t *testing.T) {
	d, err := Load(goodWith(t, map[string]string{
		FileRespondents:   "",
		FileOrganizations: "id,name,sector,responded\nA,Alpha,gov,2012;2014\nB,Beta,bus,2012 2014\nC,Gamma,npo,2014\nD,Delta,npo,\nE,Eps,aca,2014\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Respondents) != 6 || len(d.Orgs[0].Attrs) != 0 {
		t.Errorf("respondents %v, attrs %v", d.Respondents, d.Orgs[0].Attrs)
	}
	if r := graph.Responses(d, "2014"); r.N != 4 || r.Inferred {
		t.Errorf("2014: %+v", r)
	}
}

func TestPartnerColumns(t *testing.T) {
	d, err := Load(goodWith(t, map[string]string{FileTies: "source,target,wave,reliability,mission,openness,power,involvement,resources\nA,B,2012,4,3,,1,2,3\nB,A,2012,,,,,,\n"}))
	if err != nil {
		t.Fatal(err)
	}
	p := d.Ties[0].Partner
	if p == nil || p.Reliability != 4 || !math.IsNaN(p.Openness) || p.Trust() != 3.5 || p.Value() != 2 {
		t.Errorf("partner %v", p)
	}
	if d.Ties[1].Partner != nil {
		t.Errorf("blank items gave %v", d.Ties[1].Partner)
	}
}

func TestPseudonymKeyRoundTrip(t *testing.T) {
	key := []graph.KeyEntry{{Code: "Government 01", ID: "G01", Name: `Ministry, "of" Welfare`, Sector: "government"}, {Code: "Business 01", ID: "B01", Name: "בנק", Sector: "business"}}
	var b strings.Builder
	if err := WritePseudonymKey(&b, key); err != nil {
		t.Fatal(err)
	}
	got, err := ReadPseudonymKey(strings.NewReader(b.String()), "key.csv")
	if err != nil || len(got) != 2 || got[0] != key[0] || got[1] != key[1] {
		t.Errorf("read back %+v, %v", got, err)
	}
	_, err = ReadPseudonymKey(strings.NewReader("code,id\nX 01,A\nX 01,B\n,C\n"), "key.csv")
	if err == nil || !strings.Contains(err.Error(), `key.csv:3: code "X 01": duplicate code, first given on line 2`) || !strings.Contains(err.Error(), `key.csv:4: code "": empty value`) {
		t.Errorf("error %v", err)
	}
}
