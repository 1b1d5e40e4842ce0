package data

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// validFiles is a small valid dataset; each fuzz target replaces one file.
var validFiles = map[string]string{
	FileSectors:       "id,label,color\ngov,Government,#0072B2\nbus,Business,#E69F00\n",
	FileOrganizations: "id,name,sector\nA,Alpha,gov\nB,Beta,bus\nC,Gamma,bus\n",
	FileForums:        "id,name,kind,capacity\nF1,One,forum,20\nF2,Two,board,5\n",
	FileParticipation: "org,forum,role,person\nA,F1,chair,Dana\nB,F1,member,\nC,F2,member,\n",
	FileMeetings:      "id,forum,date\nM1,F1,2013-01-10\nM2,F2,2013-02-10\n",
	FileAttendance:    "meeting,org,person\nM1,A,\nM1,B,\nM2,C,\n",
	FileTies:          "source,target,wave,type,weight,trust,value\nA,B,2012,information,1,3,2\nB,C,2014,,2,,\n",
	FileQuotas:        "forum,sector,share\n*,gov,0.5\n*,bus,0.5\nF2,bus,1\n",
}

// realMistakes are seed inputs modelled on mistakes found in real files.
func realMistakes(valid string) []string {
	header, _, _ := strings.Cut(valid, "\n")
	return []string{
		valid,
		"\xef\xbb\xbf" + valid,                               // a byte-order mark
		strings.ReplaceAll(valid, "\n", "\r\n"),              // CRLF
		header + "\n\"A,open quote\n",                        // a quote left open
		header + "\nA\nB,C,D,E,F,G,H,I\n",                    // ragged rows
		header + "\n" + strings.Repeat("Caf\xe9,", 3) + "\n", // Latin-1
		"",            // an empty file
		header + "\n", // a header only
		header + "\n" + strings.Repeat("x", MaxFieldBytes+1) + "\n", // a cell just over the limit (a larger seed slows every execution)
		header + "\nA\x00,B,C\n",                                    // a NUL byte
		strings.ToUpper(header) + "\n# a comment\n\n",               // upper-case header, comment, blank line
	}
}

// fuzzFile checks that loading a dataset whose file name holds arbitrary
// bytes never panics, and that every problem names a file, and a line
// unless it concerns the whole file.
func fuzzFile(f *testing.F, name string) {
	for _, s := range realMistakes(validFiles[name]) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		fsys := fstest.MapFS{}
		for k, v := range validFiles {
			fsys[k] = &fstest.MapFile{Data: []byte(v)}
		}
		fsys[name] = &fstest.MapFile{Data: content}
		d, err := Load(fsys)
		if err == nil {
			if d == nil {
				t.Fatal("nil dataset and nil error")
			}
			return
		}
		var list *List
		if !errors.As(err, &list) {
			t.Fatalf("error is not a *List: %v", err)
		}
		for _, e := range list.Errs {
			if e.File == "" {
				t.Errorf("problem without a file: %v", e)
			}
			wholeFile := errors.Is(e, ErrMissingFile) || (errors.Is(e, ErrMissingColumn) && e.Line == 0)
			if e.Line <= 0 && !wholeFile {
				t.Errorf("problem without a line: %v", e)
			}
			if !strings.HasPrefix(e.Error(), e.File) {
				t.Errorf("message does not start with the file: %v", e)
			}
		}
	})
}

func FuzzSectors(f *testing.F)       { fuzzFile(f, FileSectors) }
func FuzzOrganizations(f *testing.F) { fuzzFile(f, FileOrganizations) }
func FuzzForums(f *testing.F)        { fuzzFile(f, FileForums) }
func FuzzParticipation(f *testing.F) { fuzzFile(f, FileParticipation) }
func FuzzMeetings(f *testing.F)      { fuzzFile(f, FileMeetings) }
func FuzzAttendance(f *testing.F)    { fuzzFile(f, FileAttendance) }
func FuzzTies(f *testing.F)          { fuzzFile(f, FileTies) }
func FuzzQuotas(f *testing.F)        { fuzzFile(f, FileQuotas) }

// TestValidFiles makes sure the fuzz targets start from a valid dataset.
func TestValidFiles(t *testing.T) {
	fsys := fstest.MapFS{}
	for k, v := range validFiles {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	if _, err := Load(fsys); err != nil {
		t.Fatal(err)
	}
}
