package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sectornet/sectornet/graph"
)

func goodOrgs(t *testing.T) *graph.Dataset {
	t.Helper()
	d, err := Load(os.DirFS("testdata/good"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func readMapping(t *testing.T, name string) SurveyMapping {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata/surveys", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := ReadSurveyMapping(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestReadSurveyFormats reads the hand-made export of each tool (see
// testdata/surveys/README.md) and checks the reports against the answers
// the files hold, read off by hand:
//
//	A -> B  Often (2), trust "A great deal" (4), value "A fair amount" (3)
//	A -> C  Sometimes (1), "A fair amount" (3), "A small amount" (2)
//	B -> A  Sometimes (1), "A fair amount" (3), "A fair amount" (3)
//	B's trust in C, whom it never worked with, is left out (1 unpaired score)
//	respondents A (2014-04-02), B (2014-04-03), D (2014-04-05; named nobody)
func TestReadSurveyFormats(t *testing.T) {
	d := goodOrgs(t)
	const want = "source,target,wave,type,weight,trust,value\nA,B,2014,,2,4,3\nA,C,2014,,1,3,2\nB,A,2014,,1,3,3\n"
	for _, tc := range []struct {
		file, mapping, tool string
		skipped             int
		persons             string
	}{
		{"google.csv", "mapping.csv", ToolGoogle, 0, ",,"},
		{"msforms.xlsx", "mapping.csv", ToolMSForms, 0, "Dana Levi,Yossi Cohen,"},
		{"qualtrics.csv", "mapping.csv", ToolQualtrics, 1, "Dana,Yossi,"},
		{"limesurvey.csv", "limesurvey-mapping.csv", ToolLimeSurvey, 1, ",,"},
		{"kobo.csv", "kobo-mapping.csv", ToolKobo, 0, ",,"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			m := readMapping(t, tc.mapping)
			b, err := os.ReadFile(filepath.Join("testdata/surveys", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			res, err := ReadSurvey(bytes.NewReader(b), tc.file, d.Orgs, m)
			if err != nil {
				t.Fatal(err)
			}
			if res.Tool != tc.tool || res.Responses != 3 || res.Skipped != tc.skipped || res.Unpaired != 1 || res.Columns != 15 {
				t.Errorf("tool %s responses %d skipped %d unpaired %d columns %d", res.Tool, res.Responses, res.Skipped, res.Unpaired, res.Columns)
			}
			var buf bytes.Buffer
			if err := WriteFile(&buf, FileTies, &graph.Dataset{Ties: res.Ties}); err != nil {
				t.Fatal(err)
			}
			if buf.String() != want {
				t.Errorf("ties.csv:\n%s\nwant\n%s", buf.String(), want)
			}
			var got, persons []string
			for _, r := range res.Respondents {
				got = append(got, r.Org+" "+r.Wave+" "+r.Date.Format("2006-01-02"))
				persons = append(persons, r.Person)
			}
			if g := strings.Join(got, ", "); g != "A 2014 2014-04-02, B 2014 2014-04-03, D 2014 2014-04-05" {
				t.Errorf("respondents %s", g)
			}
			if p := strings.Join(persons, ","); p != tc.persons {
				t.Errorf("persons %q, want %q", p, tc.persons)
			}
		})
	}
}

// TestReadSurveyProblems: every bad cell is named by row and column.
func TestReadSurveyProblems(t *testing.T) {
	d := goodOrgs(t)
	m := readMapping(t, "mapping.csv")
	m.Questions = m.Questions[:1]
	q := "With which of these organizations did your organization work in the past year?"
	csv := "Timestamp,Your organization," + `"` + q + ` [Alpha Ministry]","` + q + ` [Gamma NGOs]","` + q + " [Delta Association]\"\n" +
		"2014/04/02 10:15:32 AM GMT+3,Alpha Ministy,,Often,Never\n" +
		"2014/04/03 10:15:32 AM GMT+3,\"Beta, Ltd\",Weekly,Often,-1\n" +
		"yesterday,Delta Association,Often,,\n"
	_, err := ReadSurvey(strings.NewReader(csv), "form.csv", d.Orgs, m)
	want := []string{
		`form.csv:1: ` + q + ` [Gamma NGOs] "Gamma NGOs": unknown organization in the header of question "` + q + `" (did you mean "Gamma NGO"?)`,
	}
	checkErrs(t, err, want)
	csv = strings.Replace(csv, "Gamma NGOs", "Gamma NGO", 1)
	_, err = ReadSurvey(strings.NewReader(csv), "form.csv", d.Orgs, m)
	checkErrs(t, err, []string{
		`form.csv:2: Your organization "Alpha Ministy": unknown organization (did you mean "Alpha Ministry"?)`,
		`form.csv:3: ` + q + ` [Alpha Ministry] "Weekly": invalid value: not a number nor a known answer label (add it to the mapping's likert labels)`,
		`form.csv:3: ` + q + ` [Delta Association] "-1": out of range: want 0 (no tie) or a weight from 0.0001 to 10000 (rescale larger numbers)`,
		`form.csv:4: Timestamp "yesterday": not a date: want a date such as 2014-04-02 or 2014-04-02 10:22:01 (or name no date column)`,
	})
	if !errors.Is(err, ErrUnknown) {
		t.Error("errors.Is(ErrUnknown) false")
	}
	// No wave, unknown tool, mapping problems.
	_, err = ReadSurvey(strings.NewReader(csv), "form.csv", d.Orgs, SurveyMapping{Questions: m.Questions})
	checkErrs(t, err, []string{"form.csv: no survey wave given (the wave every report of this survey belongs to, such as 2014)"})
	_, err = ReadSurveyMapping(strings.NewReader("kind,key,value\nquestion,Q1,trusted\nlikert,Often,lots\nsetting,colour,red\n"), "map.csv")
	checkErrs(t, err, []string{
		`map.csv:2: value "trusted": unknown measure (want tie, trust, value, reliability, mission, openness, power, involvement, resources)`,
		`map.csv:3: value "lots": not a number: want the number the label stands for`,
		`map.csv:4: key "colour": unknown setting (want tool, wave, respondent, date or person)`,
	})
}

func checkErrs(t *testing.T, err error, want []string) {
	t.Helper()
	var l *List
	if !errors.As(err, &l) {
		t.Fatalf("error %v, want a list", err)
	}
	var got []string
	for _, e := range l.Errs {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestQuestionnaireRoundTrip writes the questionnaire and its mapping, fills
// in a Google Forms export of it as the tool would lay it out, in both
// languages, and reads it back.
func TestQuestionnaireRoundTrip(t *testing.T) {
	d := goodOrgs(t)
	for _, lang := range QuestionnaireLangs {
		t.Run(lang, func(t *testing.T) {
			var qb, mb bytes.Buffer
			o := QuestionnaireOptions{Wave: "2016", Lang: lang}
			if err := WriteQuestionnaire(&qb, d.Orgs, o); err != nil {
				t.Fatal(err)
			}
			if err := WriteQuestionnaireMapping(&mb, o); err != nil {
				t.Fatal(err)
			}
			for _, org := range d.Orgs {
				if !strings.Contains(qb.String(), "\n"+org.Name+"\n") {
					t.Errorf("questionnaire lacks %q", org.Name)
				}
			}
			m, err := ReadSurveyMapping(&mb, "survey-mapping.csv")
			if err != nil {
				t.Fatal(err)
			}
			q := questionnaires[lang]
			// Alpha answers: often with Beta, reliability "a great deal" (4),
			// power "a small amount" (2); never with the others.
			hdr := []string{"Timestamp", q.respondent}
			row := []string{"2016/05/01 9:00:00 AM GMT+3", "Alpha Ministry"}
			for _, org := range d.Orgs[1:] {
				hdr = append(hdr, q.tie+" ["+org.Name+"]")
				a := q.tieAnswers[0]
				if org.ID == "B" {
					a = q.tieAnswers[2]
				}
				row = append(row, a)
			}
			hdr = append(hdr, q.partner[0]+" [Beta, Ltd]", q.partner[3]+" [Beta, Ltd]")
			row = append(row, q.scale[3], q.scale[1])
			var csvb bytes.Buffer
			w := csvWriter(&csvb)
			w.Write(hdr)
			w.Write(row)
			w.Flush()
			res, err := ReadSurvey(&csvb, "form.csv", d.Orgs, m)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Ties) != 1 {
				t.Fatalf("ties %+v", res.Ties)
			}
			tie := res.Ties[0]
			if tie.Source != "A" || tie.Target != "B" || tie.Wave != "2016" || tie.Weight != 2 || tie.Partner == nil ||
				tie.Partner.Reliability != 4 || tie.Partner.Power != 2 || tie.Partner.Trust() != 4 {
				t.Errorf("tie %+v partner %v", tie, tie.Partner)
			}
		})
	}
}

func csvWriter(w io.Writer) *csv.Writer { return csv.NewWriter(w) }

// TestReadSurveyNumericCodes: a Qualtrics export with numeric choice codes
// (Never 1, Sometimes 2, Often 3 for the tie question; 1-4 for trust) reads
// through likert rows restricted to the tie measure, leaving trust's
// numbers as they are.
func TestReadSurveyNumericCodes(t *testing.T) {
	d := goodOrgs(t)
	export := "StartDate,Status,RecordedDate,ResponseId,Q1,Q2_1,Q2_2,Q3_1,Q3_2\n" +
		"Start Date,Response Type,Recorded Date,Response ID,Your organization,Work - Beta,Work - Gamma NGO,Trust - Beta,Trust - Gamma NGO\n" +
		"2014-04-02 10:00:00,0,2014-04-02 10:05:00,R_1,Alpha Ministry,3,1,2,4\n"
	m, err := ReadSurveyMapping(strings.NewReader("setting,wave,2014\nsetting,respondent,Your organization\nquestion,Work,tie\nquestion,Trust,trust\n"+
		"likert,1,0,tie\nlikert,2,1,tie\nlikert,3,2,tie\norg,Beta,B\n"), "map.csv")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ReadSurvey(strings.NewReader(export), "q.csv", d.Orgs, m)
	if err != nil {
		t.Fatal(err)
	}
	// Beta: code 3 (Often) = weight 2, trust 2; Gamma: code 1 (Never): no
	// tie, so its trust 4 is left out.
	if len(res.Ties) != 1 || res.Ties[0].Target != "B" || res.Ties[0].Weight != 2 || res.Ties[0].Trust != 2 || res.Unpaired != 1 {
		t.Errorf("ties %+v unpaired %d", res.Ties, res.Unpaired)
	}
	if _, err := ReadSurveyMapping(strings.NewReader("likert,1,0,ties\n"), "map.csv"); err == nil || !strings.Contains(err.Error(), `map.csv:1: type "ties": unknown measure`) {
		t.Errorf("error %v", err)
	}
}

// TestReplaceWave: the other waves' rows stay, in order, before the
// imported wave's; the old rows of that wave go, and say so.
func TestReplaceWave(t *testing.T) {
	d := &graph.Dataset{
		Ties:        []graph.Tie{{Source: "a", Target: "b", Wave: "2012"}, {Source: "b", Target: "c", Wave: "2014"}, {Source: "a", Target: "c", Wave: "2016"}},
		Respondents: []graph.Respondent{{Org: "a", Wave: "2014"}, {Org: "b", Wave: "2012"}},
	}
	r := &SurveyResult{Ties: []graph.Tie{{Source: "c", Target: "d", Wave: "2014"}}, Respondents: []graph.Respondent{{Org: "c", Wave: "2014"}}}
	m, had := r.ReplaceWave(d, "2014")
	wantTies := []graph.Tie{d.Ties[0], d.Ties[2], r.Ties[0]}
	wantResp := []graph.Respondent{d.Respondents[1], r.Respondents[0]}
	if !had || !reflect.DeepEqual(m.Ties, wantTies) || !reflect.DeepEqual(m.Respondents, wantResp) {
		t.Errorf("had %v, ties %v, respondents %v", had, m.Ties, m.Respondents)
	}
	if _, had := r.ReplaceWave(d, "2018"); had {
		t.Error("a new wave: want had false")
	}
}
