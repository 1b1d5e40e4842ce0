package out

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// SurveyOptions choose the survey view: the flags of the survey command.
type SurveyOptions struct {
	Wave     string // the wave of the sensitivity table; the latest when ""
	Type     string // only reports of this tie type
	Rule     graph.Rule
	Missing  graph.Missing
	Directed bool // add every organization's out- and in-degree per wave
	Ties     bool // add every tie's PARTNER scores
}

type qualityKey struct {
	typ     string
	missing graph.Missing
}

// Quality returns what the data-quality section says about the survey
// (see graph.Quality).
func (a *Analysis) Quality(typ string, missing graph.Missing) graph.SurveyQuality {
	q, _ := memo(a, qualityKey{typ, missing}, func() (graph.SurveyQuality, error) {
		return graph.Quality(a.Dataset, typ, missing), nil
	})
	return q
}

type changeSensitivityKey struct{ o graph.ChangeOptions }

// ChangeSensitivity returns the comparison of two waves under every
// symmetrization rule (see graph.ChangeSensitivity).
func (a *Analysis) ChangeSensitivity(ctx context.Context, o graph.ChangeOptions) ([]graph.ChangeUnderRule, error) {
	return memo(a, changeSensitivityKey{o}, func() ([]graph.ChangeUnderRule, error) {
		return graph.ChangeSensitivity(ctx, a.Dataset, o)
	})
}

// SurveyWaves checks that the dataset has survey waves and that wave, when
// given, is one of them.
func SurveyWaves(d *graph.Dataset, wave string) ([]string, error) {
	waves := d.Waves()
	if len(waves) == 0 {
		return nil, &RequestError{errors.New("the dataset has no survey waves (ties.csv or respondents.csv)")}
	}
	if wave != "" && !slices.Contains(waves, wave) {
		q := make([]string, len(waves))
		for i, w := range waves {
			q[i] = strconv.Quote(w)
		}
		return nil, &RequestError{fmt.Errorf("no wave %q (waves: %s)", wave, strings.Join(q, ", "))}
	}
	return waves, nil
}

// SurveyView is the survey's data quality as tables: response, reciprocity,
// observed cells, sensitivity to the symmetrization rule, PARTNER scores,
// the data-quality items and the methods paragraph.
func SurveyView(ctx context.Context, a *Analysis, o SurveyOptions) (*Tables, error) {
	d := a.Dataset
	waves, err := SurveyWaves(d, o.Wave)
	if err != nil {
		return nil, err
	}
	q := a.Quality(o.Type, o.Missing)
	items := DataQuality(d, q, o.Rule, o.Missing)
	methods := MethodsParagraph(d, q, o.Rule, o.Missing)
	ts := SurveyTables(d, q, SurveyTableOptions{Directed: o.Directed, Ties: o.Ties, Wave: o.Wave})
	sw := o.Wave
	if sw == "" {
		sw = waves[len(waves)-1]
	}
	ts = append(ts, SensitivityTable(d, sw, o.Type, o.Missing))
	dq := &Table{Name: "data_quality", Title: "Data quality", Columns: []string{"item"}}
	for _, it := range items {
		dq.Add(it)
	}
	mp := &Table{Name: "methods", Title: "For the methods section", Columns: []string{"paragraph"}}
	mp.Add(methods)
	ts = append(ts, dq, mp)
	return tables(ts...), ctx.Err()
}

// WriteSurveyProse writes the survey's data-quality items, one "- " line
// each, and its methods paragraph (survey --prose), under the sample's
// mark for the embedded sample.
func WriteSurveyProse(w io.Writer, a *Analysis, o SurveyOptions) error {
	b := &strings.Builder{}
	if a.Source() == "" {
		fmt.Fprintln(b, strings.TrimSpace(SampleMark))
	}
	q := a.Quality(o.Type, o.Missing)
	for _, it := range DataQuality(a.Dataset, q, o.Rule, o.Missing) {
		fmt.Fprintln(b, "- "+it)
	}
	fmt.Fprintf(b, "\n%s\n", MethodsParagraph(a.Dataset, q, o.Rule, o.Missing))
	_, err := io.WriteString(w, b.String())
	return err
}
