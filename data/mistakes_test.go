package data

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

// messages returns the problems and the warnings of loading files (added
// to or replacing the minimal dataset; "" deletes a file), one per line.
func messages(t *testing.T, files map[string]string) (problems, warnings []string) {
	t.Helper()
	all := map[string]string{FileOrganizations: minOrgs, FileForums: minForums, FileParticipation: minPart}
	for k, v := range files {
		if v == "" {
			delete(all, k)
		} else {
			all[k] = v
		}
	}
	d, err := Load(mapFS(all))
	var list *List
	switch {
	case err == nil:
		for _, w := range d.Warnings {
			warnings = append(warnings, w.String())
		}
	case errors.As(err, &list):
		for _, e := range list.Errs {
			problems = append(problems, e.Error())
		}
		for _, w := range list.Warnings {
			warnings = append(warnings, w.Warning().String())
		}
	default:
		t.Fatalf("error is not a *List: %v", err)
	}
	return problems, warnings
}

// TestMistakes checks the message for each mistake people make typing a
// dataset by hand or saving it from Excel (issue 19): problems that stop
// the load, and warnings about what loads but may not say what was meant.
// Each message names the place and says how to fix it.
func TestMistakes(t *testing.T) {
	tests := []struct {
		name               string
		files              map[string]string
		problems, warnings []string
	}{
		{"names typed where ids belong", map[string]string{
			FileParticipation: "org,forum\nAlpha,F1\nB,one\n",
		}, []string{
			`participation.csv:2: org "Alpha": unknown organization (that is the name of A; use the id)`,
			`participation.csv:3: forum "one": unknown forum (that is the name of forum F1; use the id)`,
		}, nil},
		{"a name two organizations share", map[string]string{
			FileOrganizations: "id,name,sector\nA,Alpha,gov\nB,Alpha,bus\n",
			FileTies:          "source,target,wave\nA,alpha,2012\n",
		}, []string{
			`ties.csv:2: target "alpha": unknown organization (that is the name of A and B; use the id)`,
		}, nil},
		{"a sector label typed as its id", map[string]string{
			FileSectors:       "id,label\ngov,Government / ממשלה\nbus,Business\n",
			FileOrganizations: "id,name,sector\nA,Alpha,ממשלה\nB,Beta,Business\n",
		}, []string{
			`organizations.csv:2: sector "ממשלה": unknown sector (not in sectors.csv) (that is the label of sector gov; use the id)`,
			`organizations.csv:3: sector "Business": unknown sector (not in sectors.csv) (that is the label of sector bus; use the id)`,
		}, nil},
		{"header typo in a required column", map[string]string{
			FileOrganizations: "id,name,Sektor\nA,Alpha,gov\nB,Beta,bus\n",
		}, []string{
			`organizations.csv:1: missing required column "sector" (the header has "Sektor": did you mean "sector"?)`,
		}, nil},
		{"a required column under another name", map[string]string{
			FileParticipation: "Organisation,Forum ID\nA,F1\n",
			FileTies:          "from,to,year\nA,B,2012\n",
			FileQuotas:        "forum,sector,percent\n*,gov,0.5\n",
		}, []string{
			`participation.csv:1: missing required column "org" (the header has "Organisation": did you mean "org"?)`,
			`participation.csv:1: missing required column "forum" (the header has "Forum ID": did you mean "forum"?)`,
			`ties.csv:1: missing required column "source" (the header has "from": did you mean "source"?)`,
			`ties.csv:1: missing required column "target" (the header has "to": did you mean "target"?)`,
			`ties.csv:1: missing required column "wave" (the header has "year": did you mean "wave"?)`,
			`quotas.csv:1: missing required column "share" (the header has "percent": did you mean "share"?)`,
		}, nil},
		{"header typo in an optional column", map[string]string{
			FileForums: "id,name,capasity\nF1,One,20\n",
		}, nil, []string{
			`forums.csv:1: warning: header "capasity": not a column of forums.csv, so kept as an attribute (did you mean "capacity"?)`,
		}},
		{"no header row", map[string]string{
			FileOrganizations: "A,Alpha,gov\nB,Beta,bus\n",
			FileForums:        "F1,One,forum,20\n",
		}, []string{
			`organizations.csv:1: no header row: the first line looks like data, not a header: the header should be id,name,sector`,
			`forums.csv:1: no header row: the first line looks like data, not a header: the header should be id,name (and any of kind,capacity)`,
		}, nil},
		{"semicolons and decimal commas", map[string]string{
			FileOrganizations: "id;name;sector\nA;Alpha, Ltd;gov\nB;Beta;bus\n",
			FileQuotas:        "forum;sector;share\n*;gov;0,5\n*;bus;0,45\n",
		}, nil, []string{
			`organizations.csv: warning: separated by semicolons, not commas, as Excel saves CSV in many countries: read that way (decimal commas such as 0,3 are read as 0.3)`,
			`quotas.csv: warning: separated by semicolons, not commas, as Excel saves CSV in many countries: read that way (decimal commas such as 0,3 are read as 0.3)`,
		}},
		{"tabs", map[string]string{
			FileParticipation: "org\tforum\nA\tF1\nB\tF1\n",
		}, nil, []string{
			`participation.csv: warning: separated by tabs, not commas, as Excel saves Unicode Text and as cells pasted from a sheet are: read that way`,
		}},
		{"percentages", map[string]string{
			FileQuotas: "forum,sector,share\n*,gov,30%\n*,bus,70 %\nF1,gov,20\nF1,bus,12.5\nF1,gov,150%\n",
		}, []string{
			`quotas.csv:4: share "20": out of range: want a share from 0 to 1 (shares are 0..1: did you mean 0.20?)`,
			`quotas.csv:5: share "12.5": out of range: want a share from 0 to 1 (shares are 0..1: did you mean 0.125?)`,
			`quotas.csv:6: share "150%": out of range: want a share from 0 to 1 (0% to 100%)`,
		}, nil},
		{"a comma inside names", map[string]string{
			FileOrganizations: "id,name,sector\nA,Alpha, Ltd,gov\nB,Beta, Inc,bus\nC,Gamma, Co,bus\nD,Delta,bus\nE,Eta, and Sons, Ltd,bus\n",
		}, []string{
			`organizations.csv:2: wrong number of fields: 4, but the header has 3, here and on 2 more lines: 3, 4 (quote a name that contains a comma: "Alpha, Ltd")`,
			`organizations.csv:6: wrong number of fields: 5, but the header has 3 (quote a name that contains a comma: "Eta, and Sons, Ltd")`,
		}, nil},
		{"a trailing comma on every line", map[string]string{
			FileOrganizations: "id,name,sector\nA,Alpha,gov,\nB,Beta,bus,\nC,Gamma,bus,\nD,Delta,bus,\nE,Eta,bus,\n",
		}, []string{
			`organizations.csv:2: wrong number of fields: 4, but the header has 3, here and on 4 more lines: 3, 4, … (remove the separator at the end of each line)`,
		}, nil},
		{"Excel's blank rows", map[string]string{
			FileOrganizations: "id,name,sector\nA,Alpha,gov\n,,\nB,Beta,bus\n,,\n, ,,,\n",
		}, nil, nil},
		{"dates", map[string]string{
			FileMeetings:   "id,forum,date\nM1,F1,1/3/2014\nM2,F1,2013-1-22\nM3,F1,2013-01-15 00:00:00\nM4,F1,15/01/2013\nM5,F1,41290\nM6,F1,15 Jan 2013\nM7,F1,3.3.14\nM8,F1,soon\n",
			FileAttendance: "meeting,org\nM1,A\nM2,A\nM3,A\nM4,A\nM5,A\nM6,A\nM7,A\nM8,A\n",
		}, []string{
			`meetings.csv:2: date "1/3/2014": not a date: want YYYY-MM-DD (the day and month are ambiguous: 2014-03-01 (day first) or 2014-01-03 (month first)?)`,
			`meetings.csv:3: date "2013-1-22": not a date: want YYYY-MM-DD (did you mean 2013-01-22?)`,
			`meetings.csv:4: date "2013-01-15 00:00:00": not a date: want YYYY-MM-DD (did you mean 2013-01-15?)`,
			`meetings.csv:5: date "15/01/2013": not a date: want YYYY-MM-DD (did you mean 2013-01-15?)`,
			`meetings.csv:6: date "41290": not a date: want YYYY-MM-DD (an Excel day number? it is 2013-01-16)`,
			`meetings.csv:7: date "15 Jan 2013": not a date: want YYYY-MM-DD (did you mean 2013-01-15?)`,
			`meetings.csv:8: date "3.3.14": not a date: want YYYY-MM-DD (did you mean 2014-03-03?)`,
			`meetings.csv:9: date "soon": not a date: want YYYY-MM-DD`,
		}, nil},
		{"a required file under another name", map[string]string{
			FileOrganizations: "", "Organizations.csv": minOrgs,
			FileParticipation: "", "participation (1).csv": minPart,
		}, []string{
			`organizations.csv: missing file: the dataset needs organizations.csv (one row per organization; extra columns are kept as attributes) (found it under another name, "Organizations.csv": rename it organizations.csv)`,
			`participation.csv: missing file: the dataset needs participation.csv (membership of organizations in forums (joined: the date it joined, YYYY-MM-DD)) (found it under another name, "participation (1).csv": rename it participation.csv)`,
		}, nil},
		{"an optional file under another name", map[string]string{
			"Sectors.CSV":       "id\ngov\nbus\n",
			"organisations.csv": "id,name,sector\n",
		}, []string{
			`sectors.csv: missing file: found it under another name, "Sectors.CSV", which is not read (rename it sectors.csv)`,
		}, nil},
		{"sector spellings", map[string]string{
			FileOrganizations: "id,name,sector\nA,Alpha,business\nB,Beta,Business\nC,Gamma,business\nD,Delta,non-profit\nE,Eps,nonprofit\nF,Phi,Nonprofits\nG,Eta,nonprofit\nH,Theta,עסקים\nI,Iota,עסקים\n",
			FileParticipation: "org,forum\nA,F1\n",
		}, nil, []string{
			`organizations.csv:3: warning: sector "Business": another spelling of sector "business" (2 organizations), so counted as a sector of its own (write "business")`,
			`organizations.csv:5: warning: sector "non-profit": another spelling of sector "nonprofit" (2 organizations), so counted as a sector of its own (write "nonprofit")`,
			`organizations.csv:7: warning: sector "Nonprofits": another spelling of sector "nonprofit" (2 organizations), so counted as a sector of its own (write "nonprofit")`,
			`organizations.csv:9: warning: sector "עסקים": the label of sector "business" (2 organizations), so counted as a sector of its own (write "business" on its 2 lines)`,
		}},
		{"a label beside its abbreviated id", map[string]string{
			FileOrganizations: "id,name,sector\nA,Alpha,gov\nB,Beta,Government\nC,Gamma,רשויות מקומיות\nD,Delta,local\n",
			FileParticipation: "org,forum\nA,F1\n",
		}, nil, []string{
			`organizations.csv:3: warning: sector "Government": the label of sector "gov" (1 organization), so counted as a sector of its own (write "gov")`,
			`organizations.csv:4: warning: sector "רשויות מקומיות": the label of sector "local" (1 organization), so counted as a sector of its own (write "local")`,
		}},
		{"tie type spellings", map[string]string{
			FileTies: "source,target,wave,type\nA,B,2012,joint project\nA,B,2014,joint project\nB,A,2014,Joint Projects\n",
		}, nil, []string{
			`ties.csv:4: warning: type "Joint Projects": another spelling of type "joint project" (2 ties), so counted as a type of its own (write "joint project")`,
		}},
		{"empty or one-sided data", map[string]string{
			FileSectors:    "id\ngov\nbus\naca\n",
			FileForums:     "id,name\nF1,One\nF2,Two\n",
			FileMeetings:   "id,forum,date\nM1,F1,2013-01-10\nM2,F1,2013-02-10\n",
			FileAttendance: "meeting,org\nM1,A\n",
			FileTies:       "source,target,wave\n",
			FileQuotas:     "forum,sector,share\n*,gov,0.4\n*,bus,0.4\n*,aca,0.2\nF1,aca,0.1\n",
		}, nil, []string{
			`forums.csv:3: warning: id "F2": no organization is a member of this forum (add its members to participation.csv, or remove the forum)`,
			`meetings.csv:3: warning: id "M2": no attendance recorded for this meeting (add who attended to attendance.csv, or remove the meeting)`,
			`quotas.csv:4: warning: sector "aca": no organization is in this sector, so its target cannot be met (add its organizations to organizations.csv, or remove its quotas)`,
		}},
		{"meetings without attendance.csv", map[string]string{
			FileMeetings: "id,forum,date\nM1,F1,2013-01-10\nM2,F1,2013-02-10\n",
		}, nil, []string{
			`meetings.csv: warning: 2 meetings and no attendance, so no meeting network and no attendance counts (add attendance.csv (meeting,org) to measure who came)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, w := messages(t, tt.files)
			if g, want := strings.Join(p, "\n"), strings.Join(tt.problems, "\n"); g != want {
				t.Errorf("problems:\n got %s\nwant %s", g, want)
			}
			if g, want := strings.Join(w, "\n"), strings.Join(tt.warnings, "\n"); g != want {
				t.Errorf("warnings:\n got %s\nwant %s", g, want)
			}
		})
	}
}

// TestEmptyFolder checks the message for a folder with no dataset files.
func TestEmptyFolder(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"empty", map[string]string{}, "no dataset files: the folder is empty (run `sectornet init DIR` to write the dataset's files with their headers, or `sectornet init --sample DIR` for an example)"},
		{"other files", map[string]string{"notes.txt": "x"}, "no dataset files: the folder holds none of the dataset's files (it needs organizations.csv, forums.csv and participation.csv) (run `sectornet init DIR` to write them)"},
		{"a workbook", map[string]string{"partners.xlsx": "x"}, "no dataset files: the folder holds none of the dataset's files (it needs organizations.csv, forums.csv and participation.csv) (found the workbook partners.xlsx: give the workbook itself)"},
		{"a folder inside", map[string]string{"mydata/organizations.csv": minOrgs}, "no dataset files: the folder holds none of the dataset's files (it needs organizations.csv, forums.csv and participation.csv) (found mydata/organizations.csv: give that folder)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(mapFS(tt.files))
			if err == nil || err.Error() != tt.want {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
			if !errors.Is(err, ErrEmptyFolder) || !errors.Is(err, ErrMissingFile) {
				t.Errorf("errors.Is(ErrEmptyFolder) = false")
			}
		})
	}
}

// TestMistakesDataset loads testdata/mistakes, a 25-organization dataset
// typed with the mistakes of issue 19 (see its README.md), and checks the
// whole list of problems and warnings, each read and checked by hand
// against the files: every one names its place and says how to fix it.
func TestMistakesDataset(t *testing.T) {
	_, err := Load(os.DirFS("testdata/mistakes"))
	var list *List
	if !errors.As(err, &list) {
		t.Fatalf("want a *List, got %v", err)
	}
	var got []string
	for _, e := range list.Errs {
		got = append(got, e.Error())
	}
	for _, w := range list.Warnings {
		got = append(got, w.Warning().String())
	}
	want := []string{
		`sectors.csv: missing file: found it under another name, "Sectors.csv", which is not read (rename it sectors.csv)`,
		`organizations.csv:11: wrong number of fields: 5, but the header has 4, here and on 1 more line: 24 (quote a name that contains a comma: "Teva, Ltd")`,
		`participation.csv:6: org "Ministry of Education": unknown organization (that is the name of G02; use the id)`,
		`participation.csv:9: forum "Welfare": unknown forum (that is the name of forum F2; use the id)`,
		`meetings.csv:3: date "1/3/2014": not a date: want YYYY-MM-DD (the day and month are ambiguous: 2014-03-01 (day first) or 2014-01-03 (month first)?)`,
		`meetings.csv:4: date "2013-1-22": not a date: want YYYY-MM-DD (did you mean 2013-01-22?)`,
		`meetings.csv:5: date "2013-01-15 00:00:00": not a date: want YYYY-MM-DD (did you mean 2013-01-15?)`,
		`quotas.csv:4: share "30": out of range: want a share from 0 to 1 (shares are 0..1: did you mean 0.30?)`,
		`respondents.csv:1: missing required column "org" (the header has "Organisation": did you mean "org"?)`,
		`organizations.csv:3: warning: sector "Government": another spelling of sector "government" (2 organizations), so counted as a sector of its own (write "government")`,
		`organizations.csv:7: warning: sector "רשויות מקומיות": the label of sector "local" (3 organizations), so counted as a sector of its own (write "local")`,
		`organizations.csv:9: warning: sector "Business": another spelling of sector "business" (4 organizations), so counted as a sector of its own (write "business")`,
		`organizations.csv:14: warning: sector "non-profit": another spelling of sector "nonprofit" (5 organizations), so counted as a sector of its own (write "nonprofit")`,
		`organizations.csv:16: warning: sector "Nonprofits": another spelling of sector "nonprofit" (5 organizations), so counted as a sector of its own (write "nonprofit")`,
		`forums.csv: warning: separated by semicolons, not commas, as Excel saves CSV in many countries: read that way (decimal commas such as 0,3 are read as 0.3)`,
		`forums.csv:1: warning: header "capasity": not a column of forums.csv, so kept as an attribute (did you mean "capacity"?)`,
		`forums.csv:4: warning: id "F3": no organization is a member of this forum (add its members to participation.csv, or remove the forum)`,
		`meetings.csv:6: warning: id "M05": no attendance recorded for this meeting (add who attended to attendance.csv, or remove the meeting)`,
		`attendance.csv: warning: separated by tabs, not commas, as Excel saves Unicode Text and as cells pasted from a sheet are: read that way`,
		`ties.csv:5: warning: type "Joint projects": another spelling of type "joint project" (2 ties), so counted as a type of its own (write "joint project")`,
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("got:\n%s\nwant:\n%s", g, w)
	}
}

// TestWorkbookMistakes checks that warnings in a workbook are located by
// sheet, row and column letter, and the sheet-name messages.
func TestWorkbookMistakes(t *testing.T) {
	b := newBook(t)
	b.sheet("organizations")
	b.rows("organizations", 1, [][]string{{"id", "name", "sector"}, {"A", "Alpha", "business"}, {"B", "Beta", "Business"}, {"C", "Gamma", "business"}})
	b.sheet("Forums")
	b.rows("Forums", 1, [][]string{{"id", "name", "capasity"}, {"F1", "One", "20"}, {"F2", "Two", ""}})
	b.sheet("participation")
	b.rows("participation", 1, [][]string{{"org", "forum"}, {"A", "F1"}, {"B", "F1"}})
	b.sheet("Quota")
	b.rows("Quota", 1, [][]string{{"forum", "sector", "share"}, {"*", "business", "1"}})
	_, err := LoadWorkbook(bytes.NewReader(b.bytes()), "w.xlsx")
	var list *List
	if !errors.As(err, &list) {
		t.Fatalf("want a *List, got %v", err)
	}
	var got []string
	for _, e := range list.Errs {
		got = append(got, e.Error())
	}
	for _, w := range list.Warnings {
		got = append(got, w.Warning().String())
	}
	want := []string{
		`w.xlsx[quotas]: missing sheet: the workbook has a sheet "Quota", which is not read (did you mean "quotas"? rename the sheet quotas)`,
		`w.xlsx[organizations]:3:C: warning: sector "Business": another spelling of sector "business" (2 organizations), so counted as a sector of its own (write "business")`,
		`w.xlsx[Forums]:1:C: warning: header "capasity": not a column of sheet forums, so kept as an attribute (did you mean "capacity"?)`,
		`w.xlsx[Forums]:3:A: warning: id "F2": no organization is a member of this forum (add its members to sheet participation, or remove the forum)`,
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("got:\n%s\nwant:\n%s", g, w)
	}
}

// TestWaveWithoutTies: a wave that has respondents but no reported tie is
// a warning.
func TestWaveWithoutTies(t *testing.T) {
	_, w := messages(t, map[string]string{
		FileTies:        "source,target,wave\nA,B,2012\n",
		FileRespondents: "org,wave\nA,2012\nB,2012\nA,2014\nB,2014\n",
	})
	want := `respondents.csv:4: warning: wave "2014": no tie was reported in this wave, so its collaboration network is empty (add its reports to ties.csv, or check the wave)`
	if strings.Join(w, "\n") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(w, "\n"), want)
	}
}
