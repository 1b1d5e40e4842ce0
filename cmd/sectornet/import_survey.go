package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/data"
)

type importSurveyOptions struct {
	file, dataset, output, mapping string
	// given holds --tool, --wave, --respondent, --date and --person,
	// which override the mapping's settings.
	given                   data.SurveyMapping
	questions, likert, orgs []string
	force                   bool
}

func newImportSurveyCmd(s *streams) *cobra.Command {
	var o importSurveyOptions
	cmd := &cobra.Command{
		Use:     "survey FILE --dataset DIR --wave W [--mapping MAP]",
		Short:   "Convert a survey tool's response export (Google Forms, Microsoft Forms, Qualtrics, LimeSurvey, KoboToolbox) into ties.csv and respondents.csv",
		Long:    helpLong("import-survey"),
		Example: helpExample("import-survey"),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr(errors.New("import survey needs one argument, the survey export to convert"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runImportSurvey(cmd.Context(), s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.dataset, "dataset", "", "the dataset whose organizations the survey names (a folder or .xlsx workbook; default: the embedded sample)")
	f.StringVarP(&o.output, "output", "o", "", "write ties.csv and respondents.csv into this folder (default: the dataset folder)")
	f.StringVar(&o.mapping, "mapping", "", "mapping file: which column is which question, Likert labels, organization labels")
	f.StringVar(&o.given.Tool, "tool", "", "the survey tool: "+strings.Join(data.SurveyTools, ", ")+" (default: recognised from the file)")
	f.StringVar(&o.given.Wave, "wave", "", "the survey wave of every report (overrides the mapping's)")
	f.StringVar(&o.given.Respondent, "respondent", "", "header of the column that names the respondent's organization")
	f.StringVar(&o.given.Date, "date", "", "header of the submission time column (default: the tool's)")
	f.StringVar(&o.given.Person, "person", "", "header of the respondent's name column")
	f.StringArrayVar(&o.questions, "question", nil, `a roster question, "TEXT=MEASURE" or "TEXT=tie:TYPE" (repeatable)`)
	f.StringArrayVar(&o.likert, "likert", nil, `an answer label and its number, "LABEL=N", or for one measure only "LABEL=N:MEASURE" (repeatable)`)
	f.StringArrayVar(&o.orgs, "org", nil, `a label the survey uses for an organization, "LABEL=ID" (repeatable)`)
	f.BoolVar(&o.force, "force", false, "replace the rows of a wave that ties.csv or respondents.csv already holds")
	return cmd
}

// splitLast splits "text=value" at its last '='.
func splitLast(s, flag string) (string, string, error) {
	i := strings.LastIndexByte(s, '=')
	if i <= 0 || i == len(s)-1 {
		return "", "", usageErr(fmt.Errorf("--%s %q: want TEXT=VALUE", flag, s))
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:]), nil
}

// surveyMapping reads the mapping file (--mapping), and puts the flags
// over it.
func (o importSurveyOptions) surveyMapping() (data.SurveyMapping, error) {
	m := data.SurveyMapping{Likert: map[string]float64{}, LikertFor: map[string]map[string]float64{}, Aliases: map[string]string{}}
	if o.mapping != "" {
		f, err := openInput(o.mapping, "mapping file")
		if err != nil {
			return m, err
		}
		defer f.Close()
		if m, err = data.ReadSurveyMapping(f, o.mapping); err != nil {
			return m, err
		}
	}
	g := o.given
	g.Likert, g.LikertFor, g.Aliases = map[string]float64{}, map[string]map[string]float64{}, map[string]string{}
	for _, q := range o.questions {
		text, measure, err := splitLast(q, "question")
		if err != nil {
			return m, err
		}
		measure, typ, _ := strings.Cut(measure, ":")
		g.Questions = append(g.Questions, data.SurveyQuestion{Match: text, Measure: strings.ToLower(measure), Type: typ})
	}
	for _, l := range o.likert {
		label, n, err := splitLast(l, "likert")
		if err != nil {
			return m, err
		}
		n, measure, _ := strings.Cut(n, ":")
		x, err := strconv.ParseFloat(n, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return m, usageErr(fmt.Errorf("--likert %q: %q is not a finite number", l, n))
		}
		if measure == "" {
			g.Likert[label] = x
			continue
		}
		if !slices.Contains(data.SurveyMeasures, measure) {
			return m, usageErr(fmt.Errorf("--likert %q: unknown measure %q (want %s)", l, measure, strings.Join(data.SurveyMeasures, ", ")))
		}
		if g.LikertFor[measure] == nil {
			g.LikertFor[measure] = map[string]float64{}
		}
		g.LikertFor[measure][label] = x
	}
	for _, a := range o.orgs {
		label, id, err := splitLast(a, "org")
		if err != nil {
			return m, err
		}
		g.Aliases[label] = id
	}
	m.Add(g)
	return m, nil
}

func runImportSurvey(ctx context.Context, s *streams, o importSurveyOptions) error {
	if err := noPseudonyms(s, "import survey"); err != nil {
		return err
	}
	if o.given.Tool != "" && !slices.Contains(data.SurveyTools, o.given.Tool) {
		return usageErr(fmt.Errorf("unknown --tool %q (want %s)", o.given.Tool, strings.Join(data.SurveyTools, ", ")))
	}
	out := o.output
	if out == "" {
		if o.dataset == "" || data.IsWorkbook(o.dataset) {
			return usageErr(errors.New("import survey writes into the dataset folder: give --dataset DIR, or -o DIR"))
		}
		out = o.dataset
	}
	m, err := o.surveyMapping()
	if err != nil {
		return reportProblems(s, o.mapping, "", err, "imported")
	}
	if m.Wave == "" {
		return usageErr(errors.New("import survey needs the wave of the survey: --wave W, or setting,wave,W in the mapping"))
	}
	if len(m.Questions) == 0 {
		return usageErr(errors.New(`import survey needs the roster questions: --question "TEXT=tie" (and trust, value, ...), or question rows in the mapping`))
	}
	d, err := loadDataset(ctx, s, o.dataset)
	if err != nil {
		return err
	}
	f, err := openInput(o.file, "file")
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := data.ReadSurvey(f, o.file, d.Orgs, m)
	if err != nil {
		return reportProblems(s, o.file, "", err, "imported")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// Keep the other waves' rows; the imported wave replaces its rows
	// only with --force.
	merged, had := res.ReplaceWave(d, m.Wave)
	if had && !o.force {
		return usageErr(fmt.Errorf("the dataset already holds wave %q; nothing written (use --force to replace its rows)", m.Wave))
	}
	names := []string{data.FileTies, data.FileRespondents}
	if err := writeFolder(ctx, out, names, true, func(n string, w io.Writer) error { return data.WriteFile(w, n, merged) }); err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "sectornet: read %d %s of %s (%s export, %d roster columns)", res.Responses, plural(res.Responses, "response", "responses"), o.file, res.Tool, res.Columns)
	if res.Skipped > 0 {
		fmt.Fprintf(s.Err, ", %d left out (previews, tests, spam or incomplete)", res.Skipped)
	}
	fmt.Fprintf(s.Err, "; wrote %d %s of wave %s from %d %s to %s and %s\n", len(res.Ties), plural(len(res.Ties), "report", "reports"), m.Wave,
		len(res.Respondents), plural(len(res.Respondents), "respondent", "respondents"), filepath.Join(out, data.FileTies), filepath.Join(out, data.FileRespondents))
	if res.Unpaired > 0 {
		fmt.Fprintf(s.Err, "sectornet: %d %s given for partners the respondent did not work with %s left out\n", res.Unpaired, plural(res.Unpaired, "score", "scores"), plural(res.Unpaired, "was", "were"))
	}
	for _, q := range res.Absent {
		fmt.Fprintf(s.Err, "sectornet: warning: no column of question %q in %s\n", q, o.file)
	}
	return nil
}
