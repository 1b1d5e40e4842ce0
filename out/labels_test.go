package out

import "testing"

func TestAbbreviate(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"Ministry of Education", 24, "Ministry of Education"},
		{"Prime Minister's Office – Policy Planning Division", 24, "Prime Minister's Office…"},
		{"National Insurance Institute Community Work Division", 24, "National Insurance…"},
		{"Supercalifragilisticexpialidocious", 10, "Supercali…"},
	}
	for _, tt := range tests {
		if got := Abbreviate(tt.in, tt.max); got != tt.want {
			t.Errorf("Abbreviate(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}
