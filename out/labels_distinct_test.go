package out

import (
	"testing"
	"unicode/utf8"
)

func TestDistinctLabels(t *testing.T) {
	names := []string{
		"Volunteering in education",             // fits
		"Volunteering in welfare and community", // cut after whole words
		"Volunteering and employment",           // would end on "and"
		"Ministry of Agriculture and Rural Development",
		"Ministry of Agriculture and Fisheries", // same cut as the one above
		"Organization 1", "Organization 1",      // repeated
		"Supercalifragilisticexpialidocious Ltd", // one long word
	}
	want := []string{
		"Volunteering in education",
		"Volunteering in welfare…",
		"Volunteering…employment",
		"Ministry…Rural Development",
		"Ministry…Fisheries",
		"Organization 1", "Organization 1 (2)",
		"Supercalifragilisticexpia…",
	}
	got := DistinctLabels(names, 26)
	for i := range names {
		if utf8.RuneCountInString(got[i]) > 26 {
			t.Errorf("%q: %q is longer than 26", names[i], got[i])
		}
		if i < len(want) && want[i] != "" && got[i] != want[i] {
			t.Errorf("%q: %q, want %q", names[i], got[i], want[i])
		}
	}
}
