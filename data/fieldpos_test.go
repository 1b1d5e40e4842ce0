package data

import (
	"strings"
	"testing"
)

// TestOpenQuoteNoPanic: a quote left open in a survey mapping or a
// pseudonym key file is a syntax error with its line, not a panic of
// encoding/csv's FieldPos (which panics when called after a failed Read;
// FuzzReadSurvey found it with the input "\"").
func TestOpenQuoteNoPanic(t *testing.T) {
	if _, err := ReadSurveyMapping(strings.NewReader("\""), "map.csv"); err == nil || !strings.Contains(err.Error(), "map.csv:1:") {
		t.Errorf("mapping: %v", err)
	}
	if _, err := ReadPseudonymKey(strings.NewReader("code,id\n\"G01"), "key.csv"); err == nil || !strings.Contains(err.Error(), "key.csv:2:") {
		t.Errorf("key: %v", err)
	}
}
