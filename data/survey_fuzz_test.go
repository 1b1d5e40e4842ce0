package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

// FuzzReadSurvey feeds arbitrary CSV exports and mapping files to
// ReadSurvey and ReadSurveyMapping: no panic, and every problem names the
// file (a line for cell problems).
func FuzzReadSurvey(f *testing.F) {
	for _, name := range []string{"google.csv", "qualtrics.csv", "limesurvey.csv", "kobo.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", "surveys", name))
		if err != nil {
			f.Fatal(err)
		}
		m, _ := os.ReadFile(filepath.Join("testdata", "surveys", "mapping.csv"))
		f.Add(b, m)
	}
	f.Add([]byte("Timestamp,Your organization,Q [Alpha Ministry]\nx,Alpha Ministry,Often\n"), []byte("setting,wave,1\nquestion,Q,tie\n"))
	orgs := goodOrgsF(f)
	f.Fuzz(func(t *testing.T, export, mapping []byte) {
		m, err := ReadSurveyMapping(bytes.NewReader(mapping), "map.csv")
		checkList(t, err, "map.csv")
		if err != nil {
			m = SurveyMapping{Wave: "1", Questions: []SurveyQuestion{{Match: "Q", Measure: MeasureTie}}}
		}
		res, err := ReadSurvey(bytes.NewReader(export), "form.csv", orgs, m)
		checkList(t, err, "form.csv")
		if err == nil {
			for _, tie := range res.Ties {
				if tie.Source == tie.Target || tie.Weight <= 0 {
					t.Errorf("bad report %+v", tie)
				}
			}
		}
	})
}

func goodOrgsF(f *testing.F) []graph.Organization {
	d, err := Load(os.DirFS("testdata/good"))
	if err != nil {
		f.Fatal(err)
	}
	return d.Orgs
}

func checkList(t *testing.T, err error, file string) {
	if err == nil {
		return
	}
	var l *List
	if !errors.As(err, &l) {
		t.Fatalf("error %v is not a list", err)
	}
	for _, e := range l.Errs {
		if !strings.HasPrefix(e.Error(), file) {
			t.Errorf("problem %q does not name %s", e, file)
		}
	}
}
