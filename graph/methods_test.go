package graph

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestMethodsRegistry(t *testing.T) {
	names := map[string]string{}
	doi := regexp.MustCompile(`^10\.\d{4,9}/\S+$`)
	refs := map[string]Reference{}
	for _, m := range Methods() {
		for _, n := range append([]string{m.ID, m.Name}, m.Aliases...) {
			k := methodKey(n)
			if prev, ok := names[k]; ok && prev != m.ID {
				t.Errorf("%s: name %q also names %s", m.ID, n, prev)
			}
			names[k] = m.ID
		}
		if m.ID != strings.ToLower(m.ID) || strings.ContainsAny(m.ID, " _") {
			t.Errorf("%s: ids are lower case with hyphens", m.ID)
		}
		if m.Name == "" || m.Definition == "" || m.Meaning == "" || m.Phrase == "" {
			t.Errorf("%s: want a name, definition, meaning and phrase", m.ID)
		}
		for _, s := range []string{m.Definition, m.Meaning} {
			if !strings.HasSuffix(s, ".") {
				t.Errorf("%s: %q: want a full sentence", m.ID, s)
			}
		}
		for _, r := range m.Refs {
			if r.DOI != "" && !doi.MatchString(r.DOI) {
				t.Errorf("%s: %s: malformed DOI %q", m.ID, r.Key, r.DOI)
			}
			if r.Key == "" || r.Year < 1800 || r.Title == "" || len(r.Authors) == 0 {
				t.Errorf("%s: incomplete reference %+v", m.ID, r)
			}
			switch r.Kind {
			case "article":
				if r.Journal == "" {
					t.Errorf("%s: %s: an article needs its journal", m.ID, r.Key)
				}
			case "book", "manual":
			default:
				t.Errorf("%s: %s: unknown kind %q", m.ID, r.Key, r.Kind)
			}
			if prev, ok := refs[r.Key]; ok && !reflect.DeepEqual(prev, r) {
				t.Errorf("key %s names two references", r.Key)
			}
			refs[r.Key] = r
			// The phrase of a method with references cites them, as
			// the methods paragraph is pasted into papers.
			year := fmt.Sprint(r.Year)
			if !strings.Contains(m.Phrase, year) {
				t.Errorf("%s: phrase %q does not cite %s", m.ID, m.Phrase, r.Cite())
			}
		}
	}
}

func TestLookupMethod(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"betweenness", "betweenness"},
		{"E-I index", "ei-index"},
		{"ei_index", "ei-index"},
		{"EI", "ei-index"},
		{"community", "louvain"},
		{"  Louvain communities ", "louvain"},
		{"suggest", "adamic-adar"},
	} {
		m, ok := LookupMethod(c.in)
		if !ok || m.ID != c.want {
			t.Errorf("LookupMethod(%q) = %q, %v; want %q", c.in, m.ID, ok, c.want)
		}
	}
	if _, ok := LookupMethod("centrality of everything"); ok {
		t.Error("an unknown name was found")
	}
}

func TestReferenceCite(t *testing.T) {
	for _, c := range []struct {
		r    Reference
		want string
	}{
		{refFreeman1977, "Freeman 1977"},
		{refGould1989, "Gould and Fernandez 1989"},
		{refBlondel2008, "Blondel et al. 2008"},
		{refNewman2003, "Newman 2003"},
		{Reference{Authors: []string{"van de Bunt, Gerhard G."}, Year: 2010}, "van de Bunt 2010"},
	} {
		if got := c.r.Cite(); got != c.want {
			t.Errorf("Cite() = %q, want %q", got, c.want)
		}
	}
	if got := refBrandes2001.DOIURL(); got != "https://doi.org/10.1080/0022250X.2001.9990249" {
		t.Errorf("DOIURL = %q", got)
	}
}

func TestReferencesDistinct(t *testing.T) {
	bw, _ := LookupMethod("betweenness")
	cl, _ := LookupMethod("closeness")
	deg, _ := LookupMethod("degree")
	cen, _ := LookupMethod("centralization")
	var keys []string
	for _, r := range References([]Method{bw, deg, cen, cl}) {
		keys = append(keys, r.Key)
	}
	want := []string{"freeman1977", "brandes2001", "freeman1978", "sabidussi1966", "wasserman1994"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("References = %v, want %v", keys, want)
	}
}

func ExampleLookupMethod() {
	m, _ := LookupMethod("ei")
	fmt.Println(m.Name)
	fmt.Println(m.Formula)
	fmt.Println(m.Refs[0].Cite(), m.Refs[0].DOI)
	// Output:
	// E-I index
	// EI = (E - I) / (E + I)
	// Krackhardt and Stern 1988 10.2307/2786835
}
