package data

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sectornet/sectornet/graph"
)

// Survey tools whose response exports ReadSurvey reads.
const (
	ToolGoogle     = "google"     // Google Forms: CSV, one header row, grid columns "Question [Row]"
	ToolMSForms    = "msforms"    // Microsoft Forms: .xlsx, one header row, Likert columns "Question.Statement"
	ToolQualtrics  = "qualtrics"  // Qualtrics: CSV with 3 header rows (ids, text "Question - Statement", ImportId), or 2 (legacy)
	ToolLimeSurvey = "limesurvey" // LimeSurvey: CSV, one header row, "Question [Subquestion]" or codes "Q1[SQ001]"
	ToolKobo       = "kobo"       // KoboToolbox: CSV separated by ';' (or ','), group columns "group/question"
)

// SurveyTools lists the tools in the order help texts name them.
var SurveyTools = []string{ToolGoogle, ToolMSForms, ToolQualtrics, ToolLimeSurvey, ToolKobo}

// Survey measures a roster question can carry.
const (
	MeasureTie   = "tie"   // did the respondent work with the partner: 0 (or no) means no tie, a positive number is the tie's weight
	MeasureTrust = "trust" // the trust column of ties.csv, 1-4
	MeasureValue = "value" // the value column, 1-4
)

// SurveyMeasures lists every measure: tie, trust, value and PARTNER's six
// dimensions.
var SurveyMeasures = append([]string{MeasureTie, MeasureTrust, MeasureValue}, graph.PartnerDimensions...)

// SurveyQuestion says what one roster question measures. Its columns are
// those whose header starts with Match (case and spacing ignored); the
// rest of the header, past the tool's separator, names the partner.
type SurveyQuestion struct {
	Match   string
	Measure string // one of SurveyMeasures
	Type    string // the tie type written for a tie question; may be empty
}

// SurveyMapping says how to read a survey export. Zero fields take the
// tool's defaults.
type SurveyMapping struct {
	Tool       string // one of SurveyTools; guessed from the file when empty
	Wave       string // the survey wave written to every row (required)
	Respondent string // header of the column naming the respondent's organization
	Date       string // header of the submission time column
	Person     string // header of the respondent's name column
	Questions  []SurveyQuestion
	// Likert maps answer labels (case and spacing ignored) to numbers,
	// on top of the built-in English and Hebrew labels (LikertDefaults).
	Likert map[string]float64
	// LikertFor maps answer labels to numbers for one measure only
	// (LikertFor["tie"]["1"] = 0 reads a numeric export's code 1 as no
	// tie); it takes precedence over Likert.
	LikertFor map[string]map[string]float64
	// Aliases maps the labels a roster uses for organizations (a name as
	// the survey spelled it, a LimeSurvey subquestion code, a Kobo XML
	// name) to organization ids.
	Aliases map[string]string
}

// Add puts o over m, as a command line's settings go over a mapping
// file's: o's settings that are not empty (Tool, Wave, Respondent, Date,
// Person) replace m's, o's questions follow m's, and o's Likert,
// LikertFor and Aliases entries are copied into m's as they are spelled
// (one spelled as m's replaces it; ReadSurveyMapping stores Likert labels
// as normLabel spells them).
func (m *SurveyMapping) Add(o SurveyMapping) {
	for _, s := range []struct {
		to *string
		v  string
	}{{&m.Tool, o.Tool}, {&m.Wave, o.Wave}, {&m.Respondent, o.Respondent}, {&m.Date, o.Date}, {&m.Person, o.Person}} {
		if s.v != "" {
			*s.to = s.v
		}
	}
	m.Questions = append(m.Questions, o.Questions...)
	m.Likert = addEntries(m.Likert, o.Likert)
	m.Aliases = addEntries(m.Aliases, o.Aliases)
	for measure, l := range o.LikertFor {
		if m.LikertFor == nil {
			m.LikertFor = map[string]map[string]float64{}
		}
		m.LikertFor[measure] = addEntries(m.LikertFor[measure], l)
	}
}

// addEntries copies the entries of from into to, made when nil and
// from has entries.
func addEntries[V any](to, from map[string]V) map[string]V {
	if to == nil && len(from) > 0 {
		to = map[string]V{}
	}
	maps.Copy(to, from)
	return to
}

// LikertDefaults are the answer labels ReadSurvey knows without a mapping,
// in English and Hebrew: how often (never 0, rarely 1, sometimes 1, often
// 2, always 3 — "Never / Sometimes / Often" reads 0, 1, 2), yes/no (1/0),
// and PARTNER's four-point scale (not at all 1, a small amount 2, a fair
// amount 3, a great deal 4). A mapping's labels take precedence.
var LikertDefaults = map[string]float64{
	"never": 0, "rarely": 1, "sometimes": 1, "often": 2, "always": 3,
	"yes": 1, "no": 0,
	"not at all": 1, "a small amount": 2, "a fair amount": 3, "a great deal": 4,
	"אף פעם": 0, "לעולם לא": 0, "לעתים רחוקות": 1, "לפעמים": 1, "לעתים קרובות": 2, "תמיד": 3,
	"כן": 1, "לא": 0,
	"כלל לא": 1, "במידה מועטה": 2, "במידה בינונית": 3, "במידה רבה": 4,
}

// SurveyResult is what ReadSurvey read: the reports (ties.csv rows) and
// the respondents (respondents.csv rows) of one wave, in the order of the
// responses, and counts for the summary line.
type SurveyResult struct {
	Tool        string
	Ties        []graph.Tie
	Respondents []graph.Respondent
	Responses   int // response rows read
	Skipped     int // rows left out (Qualtrics previews, tests and spam; LimeSurvey's incomplete responses)
	Columns     int // roster columns recognised
	// Unpaired counts scores given for a partner the respondent did not
	// report working with; they are left out.
	Unpaired int
	// Absent lists the mapping's questions with no column in the file
	// (dropped from this wave's questionnaire, or misspelled).
	Absent []string
}

// ReplaceWave returns a dataset holding d's ties and respondents with
// those of wave replaced by r's (what import survey writes back to
// ties.csv and respondents.csv: the other waves' rows first, as they
// were), and whether d held any rows of wave.
func (r *SurveyResult) ReplaceWave(d *graph.Dataset, wave string) (*graph.Dataset, bool) {
	had := false
	merged := &graph.Dataset{}
	for _, t := range d.Ties {
		if t.Wave == wave {
			had = true
			continue
		}
		merged.Ties = append(merged.Ties, t)
	}
	for _, x := range d.Respondents {
		if x.Wave == wave {
			had = true
			continue
		}
		merged.Respondents = append(merged.Respondents, x)
	}
	merged.Ties = append(merged.Ties, r.Ties...)
	merged.Respondents = append(merged.Respondents, r.Respondents...)
	return merged, had
}

// ReadSurvey converts a survey tool's response export (a CSV file, or for
// Microsoft Forms an .xlsx workbook, named name) into survey reports for
// the organizations orgs, as m says. Every problem is reported at once,
// each naming the row and column (and letter in a workbook): an unknown
// organization in a header or a respondent cell (with a suggestion), an
// answer that is neither a number nor a known label, a score outside 1-4.
func ReadSurvey(r io.Reader, name string, orgs []graph.Organization, m SurveyMapping) (*SurveyResult, error) {
	var errs List
	fail := func(err error) (*SurveyResult, error) {
		errs.add(&Error{File: name, Err: err})
		return nil, &errs
	}
	if m.Wave == "" {
		return fail(errors.New("no survey wave given (the wave every report of this survey belongs to, such as 2014)"))
	}
	if len(m.Questions) == 0 {
		return fail(errors.New("no roster question given (say which columns hold which question)"))
	}
	for _, q := range m.Questions {
		if !slices.Contains(SurveyMeasures, q.Measure) {
			return fail(fmt.Errorf("question %q: unknown measure %q (want %s)", q.Match, q.Measure, strings.Join(SurveyMeasures, ", ")))
		}
	}
	var rows []gridRow
	sheet := ""
	if strings.EqualFold(pathExt(name), ".xlsx") {
		f, err := OpenWorkbook(r)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		sheet = f.SheetNames()[0]
		g, err := f.ReadSheet(sheet)
		if err != nil {
			return fail(err)
		}
		for i, cells := range g.Rows {
			rows = append(rows, gridRow{line: i + 1, cells: cells})
		}
		for _, p := range g.Problems {
			errs.add(&Error{File: name, Sheet: sheet, Line: p.Row, Letter: columnLetter(p.Col), Value: p.Value, Err: p.Err})
		}
		if m.Tool == "" {
			m.Tool = ToolMSForms
		}
	} else {
		var err error
		if rows, err = readSurveyCSV(r); err != nil {
			return fail(err)
		}
	}
	if len(rows) == 0 {
		return fail(errors.New("the file is empty"))
	}
	if m.Tool == "" {
		m.Tool = guessTool(rows)
		if m.Tool == "" {
			return fail(fmt.Errorf("cannot tell which survey tool wrote this file; name it (%s)", strings.Join(SurveyTools, ", ")))
		}
	} else if !slices.Contains(SurveyTools, m.Tool) {
		return fail(fmt.Errorf("unknown survey tool %q (want %s)", m.Tool, strings.Join(SurveyTools, ", ")))
	}
	s := &surveyReader{name: name, sheet: sheet, m: m, errs: &errs, res: &SurveyResult{Tool: m.Tool}}
	known := map[string]bool{}
	for _, o := range orgs {
		known[o.ID] = true
	}
	for _, k := range slices.Sorted(maps.Keys(m.Aliases)) {
		if id := m.Aliases[k]; !known[id] {
			return fail(fmt.Errorf("the mapping gives %q the organization id %q, which organizations.csv does not have", k, id))
		}
	}
	s.index(orgs)
	s.read(rows)
	slices.SortStableFunc(errs.Errs, func(a, b *Error) int { return a.Line - b.Line })
	if err := errs.err(); err != nil {
		return nil, err
	}
	return s.res, nil
}

// readSurveyCSV reads a CSV export whole: UTF-8 (with or without a byte
// order mark) or UTF-16 as Excel saves "Unicode text", separated by
// commas, semicolons or tabs (guessed from the first line).
func readSurveyCSV(r io.Reader) ([]gridRow, error) {
	b, err := io.ReadAll(io.LimitReader(r, 256<<20))
	if err != nil {
		return nil, err
	}
	if len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		return nil, fmt.Errorf("%w: the file is UTF-16 (save or export it as CSV UTF-8)", ErrEncoding)
	}
	return readCSVGrid(strings.NewReader(string(b)))
}

// guessTool recognises an export by its metadata columns.
func guessTool(rows []gridRow) string {
	h := map[string]bool{}
	for _, c := range rows[0].cells {
		h[normLabel(c)] = true
	}
	switch {
	case h["startdate"] && h["responseid"] || h["responseid"] && h["recordeddate"]:
		return ToolQualtrics
	case h["_uuid"] || h["_submission_time"] || h["_id"] && h["_index"]:
		return ToolKobo
	case h["submitdate"] || h["date submitted"] || h["response id"] && h["last page"]:
		return ToolLimeSurvey
	case h["timestamp"] || h["חותמת זמן"]:
		return ToolGoogle
	case h["completion time"] && h["start time"]:
		return ToolMSForms
	}
	return ""
}

// toolDefaults are each tool's metadata columns, tried in order.
var toolDefaults = map[string]struct{ date, person []string }{
	ToolGoogle:     {[]string{"Timestamp", "חותמת זמן"}, []string{"Name", "Your name"}},
	ToolMSForms:    {[]string{"Completion time", "Start time"}, []string{"Name"}},
	ToolQualtrics:  {[]string{"RecordedDate", "EndDate"}, []string{"RecipientFirstName"}},
	ToolLimeSurvey: {[]string{"submitdate", "Date submitted"}, nil},
	ToolKobo:       {[]string{"_submission_time", "end"}, nil},
}

type surveyReader struct {
	name, sheet string
	m           SurveyMapping
	errs        *List
	res         *SurveyResult
	header      []string
	ids         []string          // Qualtrics: the field ids of the first header row
	orgByLabel  map[string]string // normalized id, name or alias -> id
	labels      []string          // for suggestions
}

func (s *surveyReader) index(orgs []graph.Organization) {
	s.orgByLabel = map[string]string{}
	for _, o := range orgs {
		s.orgByLabel[normLabel(o.Name)] = o.ID
		s.labels = append(s.labels, o.Name)
	}
	for _, o := range orgs {
		s.orgByLabel[normLabel(o.ID)] = o.ID // ids win over names
	}
	for k, v := range s.m.Aliases {
		s.orgByLabel[normLabel(k)] = v
	}
}

// normLabel folds case and runs of spaces, and trims, so labels match as
// people read them.
func normLabel(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
}

func (s *surveyReader) at(line, col int, value string, err error) *Error {
	e := &Error{File: s.name, Sheet: s.sheet, Line: line, Value: value, Err: err}
	if col >= 0 {
		if col < len(s.header) && s.header[col] != "" {
			e.Column = s.header[col]
		} else {
			e.Column = "column " + strconv.Itoa(col+1)
		}
		if s.sheet != "" {
			e.Letter = columnLetter(col + 1)
		}
	}
	return e
}

// rosterColumn is one column of a roster question: the question and the
// partner it asks about.
type rosterColumn struct {
	col     int
	q       SurveyQuestion
	partner string
}

// findColumn returns the index of the first header equal to one of names
// (case and spacing ignored), or -1.
func (s *surveyReader) findColumn(names ...string) int {
	for _, n := range names {
		for _, hs := range [][]string{s.header, s.ids} {
			for i, h := range hs {
				if n != "" && normLabel(h) == normLabel(n) {
					return i
				}
			}
		}
	}
	return -1
}

// splitItem returns the partner's label in a roster header once the
// question's text is removed: what follows the tool's separator
// ("Question [Org]", "Question - Org", "Question.Org", "group/Org").
func splitItem(header, question string) (string, bool) {
	h, q := normLabel(header), normLabel(question)
	if q == "" || !strings.HasPrefix(h, q) {
		return "", false
	}
	rest := strings.TrimSpace(strings.Join(strings.Fields(header), " ")[len(q):])
	switch {
	case strings.HasPrefix(rest, "[") && strings.HasSuffix(rest, "]"):
		rest = rest[1 : len(rest)-1]
	case strings.HasPrefix(rest, "- "), strings.HasPrefix(rest, ": "):
		rest = rest[2:]
	case strings.HasPrefix(rest, "."), strings.HasPrefix(rest, "/"), strings.HasPrefix(rest, "_"), strings.HasPrefix(rest, "-"):
		rest = rest[1:]
	default:
		return "", false
	}
	rest = strings.TrimSpace(rest)
	return rest, rest != ""
}

func (s *surveyReader) read(rows []gridRow) {
	m := s.m
	// Header rows: Qualtrics has the question text on its second row and
	// an ImportId row below it in today's exports.
	data := rows[1:]
	s.header = trimCells(rows[0].cells)
	headerLine := rows[0].line
	if m.Tool == ToolQualtrics && len(rows) > 1 {
		s.ids = s.header
		s.header = trimCells(rows[1].cells)
		headerLine = rows[1].line
		data = rows[2:]
		if len(data) > 0 && len(data[0].cells) > 0 && strings.HasPrefix(strings.TrimSpace(data[0].cells[0]), `{"ImportId"`) {
			data = data[1:]
		}
	}
	// The respondent column.
	rc := -1
	if m.Respondent != "" {
		if rc = s.findColumn(m.Respondent); rc < 0 {
			s.errs.add(&Error{File: s.name, Sheet: s.sheet, Line: headerLine, Value: m.Respondent,
				Err: fmt.Errorf("%w: no column headed %q for the respondent's organization", ErrMissingColumn, m.Respondent), Hint: suggest(m.Respondent, s.header)})
			return
		}
	} else {
		for i, h := range s.header {
			l := normLabel(h)
			if (strings.Contains(l, "organization") || strings.Contains(l, "organisation") || strings.Contains(l, "ארגון")) && !s.isRoster(h) {
				rc = i
				break
			}
		}
		if rc < 0 {
			s.errs.add(&Error{File: s.name, Sheet: s.sheet, Line: headerLine,
				Err: fmt.Errorf("%w: cannot tell which column names the respondent's organization; name it in the mapping (respondent)", ErrMissingColumn)})
			return
		}
	}
	dc, pc := -1, -1
	def := toolDefaults[m.Tool]
	if m.Date != "" {
		if dc = s.findColumn(m.Date); dc < 0 {
			s.errs.add(&Error{File: s.name, Sheet: s.sheet, Line: headerLine, Value: m.Date, Err: fmt.Errorf("%w: no column headed %q for the date", ErrMissingColumn, m.Date), Hint: suggest(m.Date, s.header)})
		}
	} else {
		dc = s.findColumn(def.date...)
	}
	if m.Person != "" {
		if pc = s.findColumn(m.Person); pc < 0 {
			s.errs.add(&Error{File: s.name, Sheet: s.sheet, Line: headerLine, Value: m.Person, Err: fmt.Errorf("%w: no column headed %q for the person", ErrMissingColumn, m.Person), Hint: suggest(m.Person, s.header)})
		}
	} else {
		pc = s.findColumn(def.person...)
	}
	statusCol := -1
	if m.Tool == ToolQualtrics {
		statusCol = slices.IndexFunc(rows[0].cells, func(c string) bool { return normLabel(c) == "status" })
	}
	// Roster columns: the longest matching question wins.
	qs := slices.Clone(m.Questions)
	slices.SortStableFunc(qs, func(a, b SurveyQuestion) int { return len(b.Match) - len(a.Match) })
	var cols []rosterColumn
	used := map[string]bool{}
	for i, h := range s.header {
		for _, q := range qs {
			item, ok := splitItem(h, q.Match)
			if !ok {
				continue
			}
			id, known := s.orgByLabel[normLabel(item)]
			if !known {
				e := s.withHint(s.at(headerLine, i, item, fmt.Errorf("%w organization in the header of question %q", ErrUnknown, q.Match)), item)
				if e.Hint == "" {
					e.Hint = fmt.Sprintf("name its id in the mapping: org,%s,ID", item)
				}
				s.errs.add(e)
				break
			}
			cols = append(cols, rosterColumn{col: i, q: q, partner: id})
			used[q.Match] = true
			break
		}
	}
	for _, q := range m.Questions {
		if !used[q.Match] {
			s.res.Absent = append(s.res.Absent, q.Match)
		}
	}
	if len(cols) == 0 && len(s.errs.Errs) == 0 {
		s.errs.add(&Error{File: s.name, Sheet: s.sheet, Line: headerLine,
			Err: fmt.Errorf("%w: no column of any question of the mapping (a roster column is headed by the question, the tool's separator and an organization, as %q)", ErrMissingColumn, m.Questions[0].Match+" [Organization]")})
	}
	s.res.Columns = len(cols)
	if len(s.errs.Errs) > 0 {
		return
	}
	for _, row := range data {
		cells := row.cells
		if blankRow(cells) {
			continue
		}
		if statusCol >= 0 {
			// Status: 1 survey preview, 2 survey test, 8 spam, 9 preview
			// spam (numeric exports); the labels in text exports.
			switch normLabel(at(cells, statusCol)) {
			case "survey preview", "survey test", "spam", "1", "2", "8", "9":
				s.res.Skipped++
				continue
			}
		}
		if m.Tool == ToolLimeSurvey && dc >= 0 && strings.TrimSpace(at(cells, dc)) == "" {
			s.res.Skipped++ // incomplete: never submitted
			continue
		}
		s.res.Responses++
		who := strings.TrimSpace(at(cells, rc))
		if who == "" {
			s.errs.add(s.at(row.line, rc, who, fmt.Errorf("%w: no respondent organization", ErrEmpty)))
			continue
		}
		src, ok := s.orgByLabel[normLabel(who)]
		if !ok {
			s.errs.add(s.withHint(s.at(row.line, rc, who, fmt.Errorf("%w organization", ErrUnknown)), who))
			continue
		}
		resp := graph.Respondent{Org: src, Wave: m.Wave}
		if dc >= 0 {
			if v := strings.TrimSpace(at(cells, dc)); v != "" {
				d, err := parseSurveyDate(v)
				if err != nil {
					s.errs.add(s.at(row.line, dc, v, err))
				}
				resp.Date = d
			}
		}
		if pc >= 0 {
			resp.Person = strings.TrimSpace(at(cells, pc))
		}
		s.res.Respondents = append(s.res.Respondents, resp)
		s.readAnswers(row, src, cols)
	}
}

func (s *surveyReader) isRoster(h string) bool {
	for _, q := range s.m.Questions {
		if _, ok := splitItem(h, q.Match); ok {
			return true
		}
	}
	return false
}

func (s *surveyReader) withHint(e *Error, v string) *Error {
	e.Hint = suggest(v, s.labels)
	return e
}

// readAnswers turns one response's roster cells into reports: one per
// partner and tie question answered above 0, with the partner's scores.
func (s *surveyReader) readAnswers(row gridRow, src string, cols []rosterColumn) {
	type key struct{ partner, typ string }
	ties := map[key]*graph.Tie{}
	var order []key
	scores := map[string]map[string]float64{} // partner -> measure -> score
	for _, c := range cols {
		v := strings.TrimSpace(at(row.cells, c.col))
		if v == "" || c.partner == src {
			continue
		}
		x, err := s.answer(v, c.q.Measure)
		if err != nil {
			s.errs.add(s.at(row.line, c.col, v, err))
			continue
		}
		if c.q.Measure == MeasureTie {
			if x <= 0 {
				continue
			}
			k := key{c.partner, c.q.Type}
			t := ties[k]
			if t == nil {
				t = &graph.Tie{Source: src, Target: c.partner, Wave: s.m.Wave, Type: c.q.Type, Trust: math.NaN(), Value: math.NaN()}
				ties[k] = t
				order = append(order, k)
			}
			t.Weight = max(t.Weight, x)
			continue
		}
		if scores[c.partner] == nil {
			scores[c.partner] = map[string]float64{}
		}
		scores[c.partner][c.q.Measure] = x
	}
	named := map[string]bool{}
	for _, k := range order {
		t := *ties[k]
		named[k.partner] = true
		if sc := scores[k.partner]; sc != nil {
			if v, ok := sc[MeasureTrust]; ok {
				t.Trust = v
			}
			if v, ok := sc[MeasureValue]; ok {
				t.Value = v
			}
			p := graph.PartnerReport{Reliability: math.NaN(), Mission: math.NaN(), Openness: math.NaN(), Power: math.NaN(), Involvement: math.NaN(), Resources: math.NaN()}
			any := false
			for i, dim := range []*float64{&p.Reliability, &p.Mission, &p.Openness, &p.Power, &p.Involvement, &p.Resources} {
				if v, ok := sc[graph.PartnerDimensions[i]]; ok {
					*dim = v
					any = true
				}
			}
			if any {
				t.Partner = &p
			}
		}
		s.res.Ties = append(s.res.Ties, t)
	}
	for partner, sc := range scores {
		if !named[partner] {
			s.res.Unpaired += len(sc)
		}
	}
}

// answer reads one cell: a number, or a Likert label of the mapping or
// the defaults. Scores must lie in 1-4; a tie answer must be 0 or more.
func (s *surveyReader) answer(v, measure string) (float64, error) {
	l := normLabel(v)
	lookup := func(m map[string]float64) (float64, bool) {
		if x, ok := m[l]; ok {
			return x, true
		}
		for k, n := range m {
			if normLabel(k) == l {
				return n, true
			}
		}
		return 0, false
	}
	// The mapping's labels for this measure, then for every measure, then
	// a number, then the built-in labels: so a numeric export's codes
	// (Qualtrics' 1, 2, 3 for Never, Sometimes, Often) can be mapped.
	x, ok := lookup(s.m.LikertFor[measure])
	if !ok {
		x, ok = lookup(s.m.Likert)
	}
	if !ok {
		var err error
		x, err = strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
		ok = err == nil && !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	if !ok {
		x, ok = LikertDefaults[l]
	}
	if !ok {
		known := slices.Sorted(maps.Keys(s.m.Likert))
		for k := range s.m.LikertFor[measure] {
			known = append(known, k)
		}
		slices.Sort(known)
		hint := "add it to the mapping's likert labels"
		if len(known) > 0 {
			hint = "the mapping knows " + strings.Join(known, ", ") + "; add it to its likert labels"
		}
		return 0, fmt.Errorf("%w: not a number nor a known answer label (%s)", ErrInvalid, hint)
	}
	if measure == MeasureTie {
		if !(x == 0 || x >= graph.MinWeight && x <= graph.MaxWeight) {
			return 0, fmt.Errorf("%w: want 0 (no tie) or %s", ErrRange, weightRange)
		}
		return x, nil
	}
	if x < 1 || x > 4 {
		return 0, fmt.Errorf("%w: want a %s score from 1 to 4", ErrRange, measure)
	}
	return x, nil
}

// parseSurveyDate reads the submission times survey tools write and
// returns the day.
func parseSurveyDate(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	// Google Forms appends the time zone ("GMT+3"), Kobo an offset.
	if i := strings.Index(v, " GMT"); i > 0 {
		v = v[:i]
	}
	for _, layout := range []string{
		"2006-01-02T15:04:05.000-07:00", time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
		"2006/01/02 3:04:05 PM", "2006/01/02 15:04:05", "1/2/2006 15:04:05", "1/2/2006 3:04:05 PM", "1/2/06 15:04:05", "1/2/06 3:04:05 PM",
		"2/1/2006 15:04:05", "02.01.2006 15:04:05", "1/2/2006",
	} {
		if t, err := time.Parse(layout, v); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: want a date such as 2014-04-02 or 2014-04-02 10:22:01 (or name no date column)", ErrDate)
}

func trimCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// ReadSurveyMapping reads a mapping file: CSV rows of kind,key,value,type
// (a header row "kind,key,value,type" optional; '#' lines are comments):
//
//	setting,tool,qualtrics             the export's tool
//	setting,wave,2014                  the wave of every report
//	setting,respondent,Your organization   the column naming the respondent
//	setting,date,RecordedDate          the submission time column
//	setting,person,Name                the respondent's name column
//	question,With which of these organizations,tie,information
//	question,How much do you trust,trust
//	likert,Monthly,2                   an answer label and its number
//	likert,1,0,tie                     ... for the questions of one measure only
//	org,Municipality of Haifa,L03      a roster label and the organization id
//
// Problems name the file and line.
func ReadSurveyMapping(r io.Reader, name string) (SurveyMapping, error) {
	m := SurveyMapping{Likert: map[string]float64{}, LikertFor: map[string]map[string]float64{}, Aliases: map[string]string{}}
	var errs List
	cr := csv.NewReader(bufio.NewReader(r))
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	first := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs.add(&Error{File: name, Line: pe.StartLine, Err: fmt.Errorf("%w: %v", ErrSyntax, pe.Err)})
				break
			}
			return m, err
		}
		line, _ := cr.FieldPos(0) // only after a record was read: FieldPos panics after an error
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if first {
			first = false
			if normLabel(rec[0]) == "kind" {
				continue
			}
		}
		if blankRow(rec) {
			continue
		}
		get := func(i int) string {
			if i < len(rec) {
				return rec[i]
			}
			return ""
		}
		bad := func(col, v string, err error) {
			errs.add(&Error{File: name, Line: line, Column: col, Value: v, Err: err})
		}
		kind, key, val := strings.ToLower(get(0)), get(1), get(2)
		if key == "" {
			bad("key", key, ErrEmpty)
			continue
		}
		switch kind {
		case "setting":
			switch strings.ToLower(key) {
			case "tool":
				if !slices.Contains(SurveyTools, strings.ToLower(val)) {
					bad("value", val, fmt.Errorf("%w: want %s", ErrInvalid, strings.Join(SurveyTools, ", ")))
				}
				m.Tool = strings.ToLower(val)
			case "wave":
				m.Wave = val
			case "respondent":
				m.Respondent = val
			case "date":
				m.Date = val
			case "person":
				m.Person = val
			default:
				bad("key", key, fmt.Errorf("%w setting (want tool, wave, respondent, date or person)", ErrUnknown))
			}
		case "question":
			ms := strings.ToLower(val)
			if !slices.Contains(SurveyMeasures, ms) {
				bad("value", val, fmt.Errorf("%w measure (want %s)", ErrUnknown, strings.Join(SurveyMeasures, ", ")))
				continue
			}
			m.Questions = append(m.Questions, SurveyQuestion{Match: key, Measure: ms, Type: get(3)})
		case "likert":
			x, err := strconv.ParseFloat(val, 64)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
				bad("value", val, fmt.Errorf("%w: want the number the label stands for", ErrNumber))
				continue
			}
			if ms := strings.ToLower(get(3)); ms != "" {
				if !slices.Contains(SurveyMeasures, ms) {
					bad("type", get(3), fmt.Errorf("%w measure (want %s, or nothing for every question)", ErrUnknown, strings.Join(SurveyMeasures, ", ")))
					continue
				}
				if m.LikertFor[ms] == nil {
					m.LikertFor[ms] = map[string]float64{}
				}
				m.LikertFor[ms][normLabel(key)] = x
				continue
			}
			m.Likert[normLabel(key)] = x
		case "org":
			if val == "" {
				bad("value", val, fmt.Errorf("%w: want the organization id", ErrEmpty))
				continue
			}
			m.Aliases[key] = val
		default:
			bad("kind", get(0), fmt.Errorf("%w kind (want setting, question, likert or org)", ErrUnknown))
		}
	}
	if err := errs.err(); err != nil {
		return m, err
	}
	return m, nil
}
