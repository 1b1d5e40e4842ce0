package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestJoined reads participation.csv's optional joined column: a date, or
// blank for a member from the start; anything else is a date error.
func TestJoined(t *testing.T) {
	files := func(part string) fstest.MapFS {
		return fstest.MapFS{
			"organizations.csv": {Data: []byte("id,name,sector\nA,Alpha,gov\nB,Beta,biz\n")},
			"forums.csv":        {Data: []byte("id,name\nF,Forum\n")},
			"participation.csv": {Data: []byte(part)},
		}
	}
	d, err := Load(files("org,forum,joined\nA,F,2013-06-01\nB,F,\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Memberships[0].Joined.Format("2006-01-02"); got != "2013-06-01" || !d.Memberships[1].Joined.IsZero() {
		t.Errorf("joined %s and %v", got, d.Memberships[1].Joined)
	}
	_, err = Load(files("org,forum,joined\nA,F,1/6/2013\n"))
	if err == nil || !strings.Contains(err.Error(), `participation.csv:2: joined "1/6/2013": not a date: want YYYY-MM-DD`) {
		t.Errorf("got %v", err)
	}
}
