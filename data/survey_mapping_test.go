package data

import (
	"reflect"
	"strings"
	"testing"
)

// TestSurveyMappingAdd: the flags of import survey over a mapping file:
// settings given replace the file's, the rest stay; questions follow the
// file's; labels given replace the file's spelled the same (the file's
// Likert labels are stored lower case), per measure for LikertFor, and
// the others stay.
func TestSurveyMappingAdd(t *testing.T) {
	file := "kind,key,value,extra\n" +
		"setting,wave,2014\nsetting,respondent,Your organization\nsetting,tool,google\n" +
		"question,With which,tie\n" +
		"likert,Often,2\nlikert,Sometimes,1\nlikert,1,0,tie\nlikert,2,1,tie\n" +
		"org,Alpha,A\norg,Beta,B\n"
	m, err := ReadSurveyMapping(strings.NewReader(file), "mapping.csv")
	if err != nil {
		t.Fatal(err)
	}
	m.Add(SurveyMapping{
		Wave:      "2016",
		Person:    "Name",
		Questions: []SurveyQuestion{{Match: "How much do you trust", Measure: "trust"}},
		Likert:    map[string]float64{"often": 3, "A lot": 3},
		LikertFor: map[string]map[string]float64{"tie": {"2": 2}, "trust": {"5": 4}},
		Aliases:   map[string]string{"Beta": "B2", "Gamma": "C"},
	})
	want := SurveyMapping{
		Tool: "google", Wave: "2016", Respondent: "Your organization", Person: "Name",
		Questions: []SurveyQuestion{{Match: "With which", Measure: "tie"}, {Match: "How much do you trust", Measure: "trust"}},
		Likert:    map[string]float64{"often": 3, "sometimes": 1, "A lot": 3},
		LikertFor: map[string]map[string]float64{"tie": {"1": 0, "2": 2}, "trust": {"5": 4}},
		Aliases:   map[string]string{"Alpha": "A", "Beta": "B2", "Gamma": "C"},
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("got  %+v\nwant %+v", m, want)
	}
	var empty SurveyMapping
	empty.Add(SurveyMapping{Likert: map[string]float64{"x": 1}, LikertFor: map[string]map[string]float64{"tie": {"y": 0}}})
	if empty.Likert["x"] != 1 || empty.LikertFor["tie"]["y"] != 0 || len(empty.LikertFor["tie"]) != 1 || empty.Aliases != nil {
		t.Errorf("into an empty mapping: %+v", empty)
	}
}
