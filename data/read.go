package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sectornet/sectornet/graph"
)

// The files of a dataset.
const (
	FileOrganizations = "organizations.csv"
	FileSectors       = "sectors.csv"
	FileForums        = "forums.csv"
	FileParticipation = "participation.csv"
	FileMeetings      = "meetings.csv"
	FileAttendance    = "attendance.csv"
	FileTies          = "ties.csv"
	FileQuotas        = "quotas.csv"
	FileRespondents   = "respondents.csv"
)

// FileSpec describes one file of the dataset format.
type FileSpec struct {
	Name     string
	Required []string // required columns
	Optional []string // known optional columns
	Needed   bool     // whether the file must exist
	Meaning  string
}

// Files lists the dataset's files in reading order.
var Files = []FileSpec{
	{FileSectors, []string{"id"}, []string{"label", "color"}, false, "sectors: display order, labels and colours"},
	{FileOrganizations, []string{"id", "name", "sector"}, nil, true, "one row per organization; extra columns are kept as attributes"},
	{FileForums, []string{"id", "name"}, []string{"kind", "capacity"}, true, "forums, committees, boards"},
	{FileParticipation, []string{"org", "forum"}, []string{"role", "person", "joined"}, true, "membership of organizations in forums (joined: the date it joined, YYYY-MM-DD)"},
	{FileMeetings, []string{"id", "forum", "date"}, nil, false, "meetings of forums (date as YYYY-MM-DD)"},
	{FileAttendance, []string{"meeting", "org"}, []string{"person"}, false, "who attended which meeting"},
	{FileTies, []string{"source", "target", "wave"}, append([]string{"type", "weight", "trust", "value"}, graph.PartnerDimensions...), false, "survey reports of collaboration (source about target), one wave per survey round"},
	{FileQuotas, []string{"forum", "sector", "share"}, nil, false, "the representation key: target share of a sector in a forum (* for every forum)"},
	{FileRespondents, []string{"org", "wave"}, []string{"date", "person"}, false, "who answered each survey wave (without it, whoever reported a tie)"},
}

// Inputs returns the files a run reads from the dataset at path: a folder's
// dataset files, or the workbook itself (nil for the embedded sample, ""),
// so that no output can be written over one of them.
func Inputs(path string) []string {
	if path == "" {
		return nil
	}
	if IsWorkbook(path) {
		return []string{path}
	}
	var out []string
	for _, f := range Files {
		out = append(out, filepath.Join(path, f.Name))
	}
	return out
}

func spec(name string) FileSpec {
	for _, f := range Files {
		if f.Name == name {
			return f
		}
	}
	panic("data: unknown file " + name)
}

// lines records the line of each row of a dataset, for cross-file errors.
type lines struct {
	orgs, sectors, forums, members, meetings, attendance, ties, quotas []int
	respondents                                                        []int
}

// Load reads and validates the dataset in fsys (for a folder on disk,
// os.DirFS(dir); for the sample, Sample()). On bad input it returns a *List
// holding every problem found, and no dataset.
func Load(fsys fs.FS) (*graph.Dataset, error) {
	return LoadContext(context.Background(), fsys)
}

// LoadContext is Load that stops reading once ctx is cancelled (it looks
// every 4,096 rows) and returns ctx's error.
func LoadContext(ctx context.Context, fsys fs.FS) (*graph.Dataset, error) {
	var errs List
	src := newCSVSource(fsys)
	if e := src.emptyFolder(); e != nil {
		errs.add(e)
		return nil, &errs
	}
	d := load(ctx, src, &errs)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sortErrors(&errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	d.Warnings = errs.DatasetWarnings()
	return d, nil
}

// source gives the loader the tables of a dataset: the CSV files of a
// folder, or the sheets of a workbook.
type source interface {
	// open starts reading the table of dataset file name (one of the
	// File* constants). It returns nil when there is none: absent says
	// the file is simply not there (a missing required file is reported
	// by open); otherwise its problems were reported to errs.
	open(name string, errs *List) (t *table, absent bool, done func())
	// ref names another file of the dataset in a message: "sectors.csv",
	// or "sheet sectors".
	ref(name string) string
}

func (s *csvSource) ref(name string) string { return name }

func (s *csvSource) open(name string, errs *List) (*table, bool, func()) {
	f, err := s.fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			other := s.otherName(name)
			switch {
			case other != "" && spec(name).Needed:
				errs.add(&Error{File: name, Err: fmt.Errorf("%w: the dataset needs %s (%s)", ErrMissingFile, name, spec(name).Meaning),
					Hint: fmt.Sprintf("found it under another name, %q: rename it %s", other, name)})
				return nil, false, nil
			case other != "":
				errs.add(&Error{File: name, Err: fmt.Errorf("%w: found it under another name, %q, which is not read", ErrMissingFile, other), Hint: "rename it " + name})
				return nil, false, nil
			case spec(name).Needed:
				errs.add(&Error{File: name, Err: fmt.Errorf("%w: the dataset needs %s (%s)", ErrMissingFile, name, spec(name).Meaning)})
			}
			return nil, true, nil
		}
		errs.add(&Error{File: name, Err: err})
		return nil, false, nil
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		errs.add(&Error{File: name, Err: errors.New("is a folder, not a file")})
		return nil, false, nil
	}
	t := readTable(f, name, spec(name), errs)
	if t == nil {
		f.Close()
		return nil, false, nil
	}
	return t, false, func() { f.Close() }
}

// load reads every table of src, checks each row's syntax as it goes and
// then the references across tables, reporting every problem to errs. The
// errors name files by their dataset names (organizations.csv, ...) and
// are not sorted.
func load(ctx context.Context, src source, errs *List) *graph.Dataset {
	d := &graph.Dataset{}
	var ln lines
	// incomplete marks files whose rows were not all read (missing, bad
	// syntax, encoding): references to their ids are not checked, since
	// they would only repeat the first problem.
	incomplete := map[string]bool{}
	dropped := map[string]map[string]bool{} // ids on rows skipped for their syntax
	present := map[string]bool{}            // files read
	unit := "line"
	read := func(name string, parse func(*table)) {
		t, absent, done := src.open(name, errs)
		if t == nil {
			incomplete[name] = !absent || spec(name).Needed
			return
		}
		defer done()
		if ctx.Done() != nil {
			// Every 4,096 rows: a cancelled ctx ends the table, and the
			// caller returns ctx's error.
			next, rows := t.next, 0
			t.next = func() ([]string, int, bool) {
				if rows++; rows%4096 == 0 && ctx.Err() != nil {
					return nil, 0, false
				}
				return next()
			}
		}
		present[name] = true
		unit = t.unit
		parse(t)
		incomplete[name] = t.stopped
		dropped[name] = t.droppedIDs()
	}
	haveSectors := false
	read(FileSectors, func(t *table) { d.Sectors, ln.sectors = parseSectors(t, errs); haveSectors = len(d.Sectors) > 0 })
	read(FileOrganizations, func(t *table) { d.Orgs, ln.orgs = parseOrganizations(t, errs) })
	read(FileForums, func(t *table) { d.Forums, ln.forums = parseForums(t, errs) })
	read(FileParticipation, func(t *table) { d.Memberships, ln.members = parseParticipation(t, errs) })
	read(FileMeetings, func(t *table) { d.Meetings, ln.meetings = parseMeetings(t, errs) })
	read(FileAttendance, func(t *table) { d.Attendance, ln.attendance = parseAttendance(t, errs) })
	read(FileTies, func(t *table) { d.Ties, ln.ties = parseTies(t, errs) })
	read(FileQuotas, func(t *table) { d.Quotas, ln.quotas = parseQuotas(t, errs) })
	read(FileRespondents, func(t *table) { d.Respondents, ln.respondents = parseRespondents(t, errs) })

	if !haveSectors {
		// No sectors.csv, or one with a header only: the sectors are
		// those used in organizations.csv, in order of first use.
		d.Sectors = nil
		seen := map[string]bool{}
		for _, o := range d.Orgs {
			if o.Sector != "" && !seen[o.Sector] {
				seen[o.Sector] = true
				d.Sectors = append(d.Sectors, graph.Sector{ID: o.Sector})
			}
		}
	}
	words := refWords{unit: unit, sectors: src.ref(FileSectors), attendance: src.ref(FileAttendance), participation: src.ref(FileParticipation), ties: src.ref(FileTies)}
	checkReferences(d, &ln, haveSectors, incomplete, dropped, words, errs)
	checkRespondents(d, &ln, incomplete[FileOrganizations] || incomplete[FileRespondents], src.ref(FileRespondents), errs)
	warnDataset(d, &ln, haveSectors, present, incomplete, words, errs)
	return d
}

// refWords are the words of cross-file messages that depend on the
// source: what a row is called, and how sectors.csv is named.
type refWords struct{ unit, sectors, attendance, participation, ties string }

// sortErrors orders problems by file (in the dataset's reading order) and
// line, so the report reads top to bottom.
func sortErrors(l *List) {
	order := map[string]int{}
	for i, f := range Files {
		order[f.Name] = i
	}
	for _, es := range [][]*Error{l.Errs, l.Warnings} {
		sort.SliceStable(es, func(i, j int) bool {
			a, b := es[i], es[j]
			if order[a.File] != order[b.File] {
				return order[a.File] < order[b.File]
			}
			return a.Line < b.Line
		})
	}
}

// ids checks the id column of t's rows: present and unique.
type idSet struct {
	file, col string
	unit      string // "line" or "row"
	seen      map[string]int
	order     []string
}

func newIDSet(t *table, col string) *idSet {
	return &idSet{file: t.file, col: t.colName(col), unit: t.unit, seen: map[string]int{}}
}

func (s *idSet) add(id string, line int, errs *List) bool {
	if id == "" {
		errs.add(&Error{File: s.file, Line: line, Column: s.col, Value: id, Err: ErrEmpty})
		return false
	}
	if first, dup := s.seen[id]; dup {
		errs.add(&Error{File: s.file, Line: line, Column: s.col, Value: id, Err: fmt.Errorf("%w id, first defined on %s %d", ErrDuplicate, s.unit, first)})
		return false
	}
	s.seen[id] = line
	s.order = append(s.order, id)
	return true
}

func requireValue(t *table, r record, col string, errs *List) (string, bool) {
	v := t.get(r, col)
	if v == "" {
		errs.add(&Error{File: t.file, Line: r.line, Column: t.colName(col), Value: v, Err: ErrEmpty})
		return "", false
	}
	return v, true
}

func attrs(t *table, r record, cols []int) []graph.Attr {
	if len(cols) == 0 {
		return nil
	}
	out := make([]graph.Attr, 0, len(cols))
	for _, i := range cols {
		out = append(out, graph.Attr{Key: t.header[i], Value: strings.TrimSpace(r.fields[i])})
	}
	return out
}

var colorRE = regexp.MustCompile(`^(#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3}|[A-Za-z]+)$`)

func parseSectors(t *table, errs *List) ([]graph.Sector, []int) {
	var out []graph.Sector
	var ls []int
	ids := newIDSet(t, "id")
	for r := range t.records() {
		id := t.get(r, "id")
		if !ids.add(id, r.line, errs) {
			continue
		}
		s := graph.Sector{ID: id, Label: t.get(r, "label"), Color: t.get(r, "color")}
		if s.Color != "" && !colorRE.MatchString(s.Color) {
			errs.add(&Error{File: t.file, Line: r.line, Column: t.colName("color"), Value: s.Color, Err: fmt.Errorf("%w: want #RRGGBB or a colour name such as navy", ErrInvalid)})
			s.Color = ""
		}
		out = append(out, s)
		ls = append(ls, r.line)
	}
	return out, ls
}

func parseOrganizations(t *table, errs *List) ([]graph.Organization, []int) {
	var out []graph.Organization
	var ls []int
	ids := newIDSet(t, "id")
	extra := t.extraCols("id", "name", "sector")
	for r := range t.records() {
		id := t.get(r, "id")
		if !ids.add(id, r.line, errs) {
			continue
		}
		// A row with an empty name or sector is reported but kept, so
		// references to its id do not report again.
		name, _ := requireValue(t, r, "name", errs)
		sector, ok := requireValue(t, r, "sector", errs)
		if !ok {
			sector = "\x00" // matches no sector; already reported
		}
		out = append(out, graph.Organization{ID: id, Name: name, Sector: sector, Attrs: attrs(t, r, extra)})
		ls = append(ls, r.line)
	}
	return out, ls
}

func parseForums(t *table, errs *List) ([]graph.Forum, []int) {
	var out []graph.Forum
	var ls []int
	ids := newIDSet(t, "id")
	extra := t.extraCols("id", "name", "kind", "capacity")
	for r := range t.records() {
		id := t.get(r, "id")
		if !ids.add(id, r.line, errs) {
			continue
		}
		name, _ := requireValue(t, r, "name", errs)
		f := graph.Forum{ID: id, Name: name, Kind: strings.ToLower(t.get(r, "kind")), Attrs: attrs(t, r, extra)}
		if f.Kind == "" {
			f.Kind = "forum"
		}
		if c := t.get(r, "capacity"); c != "" {
			n, err := strconv.Atoi(c)
			if err == nil && (n < 0 || n > MaxCapacity) || errors.Is(err, strconv.ErrRange) {
				errs.add(&Error{File: t.file, Line: r.line, Column: t.colName("capacity"), Value: c, Err: fmt.Errorf("%w: want a whole number of seats from 0 to 1000000", ErrRange)})
			} else if err != nil {
				errs.add(&Error{File: t.file, Line: r.line, Column: t.colName("capacity"), Value: c, Err: fmt.Errorf("%w: want a whole number of seats from 0 to 1000000", ErrNumber)})
			} else {
				f.Capacity = n
			}
		}
		out = append(out, f)
		ls = append(ls, r.line)
	}
	return out, ls
}

func parseParticipation(t *table, errs *List) ([]graph.Membership, []int) {
	var out []graph.Membership
	var ls []int
	for r := range t.records() {
		org, ok1 := requireValue(t, r, "org", errs)
		forum, ok2 := requireValue(t, r, "forum", errs)
		if !ok1 || !ok2 {
			continue
		}
		m := graph.Membership{Org: org, Forum: forum, Role: strings.ToLower(t.get(r, "role")), Person: t.get(r, "person")}
		if j := t.get(r, "joined"); j != "" {
			date, err := time.Parse("2006-01-02", j)
			if err != nil {
				errs.add(&Error{File: t.file, Line: r.line, Column: t.colName("joined"), Value: j, Err: fmt.Errorf("%w: want YYYY-MM-DD", ErrDate)})
			}
			m.Joined = date
		}
		out = append(out, m)
		ls = append(ls, r.line)
	}
	return out, ls
}

func parseMeetings(t *table, errs *List) ([]graph.Meeting, []int) {
	var out []graph.Meeting
	var ls []int
	ids := newIDSet(t, "id")
	for r := range t.records() {
		id := t.get(r, "id")
		if !ids.add(id, r.line, errs) {
			continue
		}
		// Rows with a bad forum or date are reported but kept, so
		// attendance.csv's references to them do not report again.
		forum, ok := requireValue(t, r, "forum", errs)
		if !ok {
			forum = "*"
		}
		ds, ok := requireValue(t, r, "date", errs)
		var date time.Time
		if ok {
			var err error
			date, err = time.Parse("2006-01-02", ds)
			if err != nil {
				errs.add(&Error{File: t.file, Line: r.line, Column: t.colName("date"), Value: ds, Err: fmt.Errorf("%w: want YYYY-MM-DD", ErrDate), Hint: dateHint(ds)})
			}
		}
		out = append(out, graph.Meeting{ID: id, Forum: forum, Date: date})
		ls = append(ls, r.line)
	}
	return out, ls
}

func parseAttendance(t *table, errs *List) ([]graph.Attendance, []int) {
	var out []graph.Attendance
	var ls []int
	for r := range t.records() {
		m, ok1 := requireValue(t, r, "meeting", errs)
		org, ok2 := requireValue(t, r, "org", errs)
		if !ok1 || !ok2 {
			continue
		}
		out = append(out, graph.Attendance{Meeting: m, Org: org, Person: t.get(r, "person")})
		ls = append(ls, r.line)
	}
	return out, ls
}

// parseNumber reads an optional number column; def when empty.
func parseNumber(t *table, r record, col string, def, lo, hi float64, what string, errs *List) (float64, bool) {
	s := t.get(r, col)
	if s == "" {
		return def, true
	}
	num := s
	if t.decimalComma && decimalCommaRE.MatchString(s) {
		num = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		errs.add(&Error{File: t.file, Line: r.line, Column: t.colName(col), Value: s, Err: fmt.Errorf("%w: want %s", ErrNumber, what)})
		return 0, false
	}
	if v < lo || v > hi {
		errs.add(&Error{File: t.file, Line: r.line, Column: t.colName(col), Value: s, Err: fmt.Errorf("%w: want %s", ErrRange, what)})
		return 0, false
	}
	return v, true
}

// weightRange says graph.MinWeight to graph.MaxWeight, the weights every
// measure computes with (see graph/weights.go): rescale larger numbers
// (thousands of hours, not hours).
const weightRange = "a weight from 0.0001 to 10000 (rescale larger numbers)"

// MaxCapacity is the largest capacity of a forum, in seats.
const MaxCapacity = 1_000_000

func parseTies(t *table, errs *List) ([]graph.Tie, []int) {
	var out []graph.Tie
	var ls []int
	for r := range t.records() {
		src, ok1 := requireValue(t, r, "source", errs)
		dst, ok2 := requireValue(t, r, "target", errs)
		wave, ok3 := requireValue(t, r, "wave", errs)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		if src == dst {
			errs.add(&Error{File: t.file, Line: r.line, Column: t.colName("target"), Value: dst, Err: fmt.Errorf("%w: an organization cannot collaborate with itself", ErrSelfTie)})
			continue
		}
		w, ok4 := parseNumber(t, r, "weight", 1, graph.MinWeight, graph.MaxWeight, weightRange, errs)
		tr, ok5 := parseNumber(t, r, "trust", math.NaN(), 1, 4, "a score from 1 to 4", errs)
		va, ok6 := parseNumber(t, r, "value", math.NaN(), 1, 4, "a score from 1 to 4", errs)
		pr, ok7 := parsePartner(t, r, errs)
		if !ok4 || !ok5 || !ok6 || !ok7 {
			continue
		}
		out = append(out, graph.Tie{Source: src, Target: dst, Wave: wave, Type: t.get(r, "type"), Weight: w, Trust: tr, Value: va, Partner: pr})
		ls = append(ls, r.line)
	}
	return out, ls
}

// parseShare reads a quota's share, from 0 to 1 or as a percentage
// ("30%"); NaN when empty.
func parseShare(t *table, r record, errs *List) (float64, bool) {
	s := t.get(r, "share")
	if v, ok := percent(s); ok {
		if v < 0 || v > 1 {
			errs.add(&Error{File: t.file, Line: r.line, Column: t.colName("share"), Value: s, Err: fmt.Errorf("%w: want a share from 0 to 1 (0%% to 100%%)", ErrRange)})
			return 0, false
		}
		return v, true
	}
	num := s
	if t.decimalComma && decimalCommaRE.MatchString(s) {
		num = strings.Replace(s, ",", ".", 1)
	}
	if v, err := strconv.ParseFloat(num, 64); err == nil && v > 1 && !math.IsInf(v, 0) {
		errs.add(&Error{File: t.file, Line: r.line, Column: t.colName("share"), Value: s, Err: fmt.Errorf("%w: want a share from 0 to 1", ErrRange), Hint: shareHint(v)})
		return 0, false
	}
	return parseNumber(t, r, "share", math.NaN(), 0, 1, "a share from 0 to 1", errs)
}

func parseQuotas(t *table, errs *List) ([]graph.Quota, []int) {
	var out []graph.Quota
	var ls []int
	for r := range t.records() {
		f, ok1 := requireValue(t, r, "forum", errs)
		s, ok2 := requireValue(t, r, "sector", errs)
		if !ok1 || !ok2 {
			continue
		}
		sh, ok3 := parseShare(t, r, errs)
		if !ok3 {
			continue
		}
		if math.IsNaN(sh) {
			errs.add(&Error{File: t.file, Line: r.line, Column: t.colName("share"), Value: "", Err: ErrEmpty})
			continue
		}
		out = append(out, graph.Quota{Forum: f, Sector: s, Share: sh})
		ls = append(ls, r.line)
	}
	return out, ls
}

// checkReferences resolves every reference across files.
func checkReferences(d *graph.Dataset, ln *lines, haveSectors bool, incomplete map[string]bool, dropped map[string]map[string]bool, w refWords, errs *List) {
	orgIDs := make([]string, len(d.Orgs))
	orgSet := map[string]bool{}
	for i, o := range d.Orgs {
		orgIDs[i] = o.ID
		orgSet[o.ID] = true
	}
	forumIDs := make([]string, len(d.Forums))
	forumSet := map[string]bool{}
	for i, f := range d.Forums {
		forumIDs[i] = f.ID
		forumSet[f.ID] = true
	}
	meetingIDs := make([]string, len(d.Meetings))
	meetingSet := map[string]bool{}
	for i, m := range d.Meetings {
		meetingIDs[i] = m.ID
		meetingSet[m.ID] = true
	}
	sectorIDs := make([]string, len(d.Sectors))
	sectorSet := map[string]bool{}
	for i, s := range d.Sectors {
		sectorIDs[i] = s.ID
		sectorSet[s.ID] = true
	}
	source := map[string]string{"organization": FileOrganizations, "forum": FileForums, "meeting": FileMeetings, "sector": FileSectors}
	// Names typed where ids belong: the name of an organization or forum,
	// the label of a sector; indexed on the first unknown reference.
	var names map[string]nameIndex
	indexNames := func() {
		names = map[string]nameIndex{"organization": {}, "forum": {}, "sector": {}}
		for _, o := range d.Orgs {
			names["organization"].add(o.Name, o.ID)
		}
		for _, f := range d.Forums {
			names["forum"].add(f.Name, f.ID)
		}
		if haveSectors {
			for _, x := range d.Sectors {
				for _, p := range labelParts(x.Label) {
					names["sector"].add(p, x.ID)
				}
			}
		}
	}
	nameWord := map[string]string{"organization": "name of", "forum": "name of forum", "sector": "label of sector"}
	ref := func(file string, line int, col, val, what string, set map[string]bool, known []string) bool {
		if set[val] {
			return true
		}
		kind := strings.Fields(what)[0]
		if src := source[kind]; incomplete[src] || dropped[src][val] {
			return false
		}
		hint := ""
		if names == nil {
			indexNames()
		}
		if n := names[kind]; n != nil {
			hint = n.hint(val, nameWord[kind])
		}
		if hint == "" {
			hint = suggest(val, known)
		}
		errs.add(&Error{File: file, Line: line, Column: col, Value: val, Err: fmt.Errorf("%w %s", ErrUnknown, what), Hint: hint})
		return false
	}
	if haveSectors {
		for i, o := range d.Orgs {
			if o.Sector == "\x00" {
				continue // empty, already reported
			}
			ref(FileOrganizations, ln.orgs[i], "sector", o.Sector, "sector (not in "+w.sectors+")", sectorSet, sectorIDs)
		}
	}
	for i, m := range d.Memberships {
		ref(FileParticipation, ln.members[i], "org", m.Org, "organization", orgSet, orgIDs)
		ref(FileParticipation, ln.members[i], "forum", m.Forum, "forum", forumSet, forumIDs)
	}
	for i, m := range d.Meetings {
		if m.Forum == "*" {
			continue // empty, already reported
		}
		ref(FileMeetings, ln.meetings[i], "forum", m.Forum, "forum", forumSet, forumIDs)
	}
	for i, a := range d.Attendance {
		ref(FileAttendance, ln.attendance[i], "meeting", a.Meeting, "meeting", meetingSet, meetingIDs)
		ref(FileAttendance, ln.attendance[i], "org", a.Org, "organization", orgSet, orgIDs)
	}
	for i, t := range d.Ties {
		ref(FileTies, ln.ties[i], "source", t.Source, "organization", orgSet, orgIDs)
		ref(FileTies, ln.ties[i], "target", t.Target, "organization", orgSet, orgIDs)
	}
	sums := map[string]float64{}
	first := map[string]int{}
	seen := map[[2]string]int{}
	var forumOrder []string
	for i, q := range d.Quotas {
		line := ln.quotas[i]
		if q.Forum != "*" {
			ref(FileQuotas, line, "forum", q.Forum, "forum (use * for every forum)", forumSet, forumIDs)
		}
		ref(FileQuotas, line, "sector", q.Sector, "sector", sectorSet, sectorIDs)
		k := [2]string{q.Forum, q.Sector}
		if l, dup := seen[k]; dup {
			errs.add(&Error{File: FileQuotas, Line: line, Column: "sector", Value: q.Sector, Err: fmt.Errorf("%w quota for forum %q, first given on %s %d", ErrDuplicate, q.Forum, w.unit, l)})
			continue
		}
		seen[k] = line
		if _, ok := first[q.Forum]; !ok {
			first[q.Forum] = line
			forumOrder = append(forumOrder, q.Forum)
		}
		sums[q.Forum] += q.Share
	}
	for _, f := range forumOrder {
		if sums[f] > 1+1e-9 {
			errs.add(&Error{File: FileQuotas, Line: first[f], Column: "forum", Value: f, Err: fmt.Errorf("%w: the shares of this forum sum to %s, more than 1", ErrRange, strconv.FormatFloat(sums[f], 'g', 6, 64))})
		}
	}
}
