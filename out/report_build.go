package out

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// ReportOptions choose what a report covers: sectornet report's flags.
type ReportOptions struct {
	Title string // "" for "Cross-sector network report"
	// Network ties the organizations of the measures, the map and the
	// figures. With Auto (no --basis given) the report takes shared
	// forums when forums have members, else the latest wave's survey
	// ties, else meetings attended together, and says so.
	Network graph.NetworkSpec
	Auto    bool
	// Kind, when not "", limits the sector balance to forums of this kind
	// (forum, board, ... as in forums.csv).
	Kind string
	Made string // the date the report is made, YYYY-MM-DD
	// Progress, when not nil, is called as each figure is drawn.
	Progress func(what string)
}

// ErrNothingToReport is the error of a report on a dataset with nothing to
// show: no organizations, or no forum memberships, meetings or survey ties.
var ErrNothingToReport = errors.New("nothing to report")

// Sizes of the report: tables show this many rows in report.md; maps of
// more organizations show communities; profiles list this many
// introductions per organization.
const (
	reportInlineRows   = 20
	MapOrganizations   = 5000
	mapTopOrgs         = 50
	profileSuggestions = 5
)

// reportSpec resolves the network of the report (see ReportOptions.Auto)
// and returns it with a sentence saying why, when it was chosen for the
// user.
func reportSpec(d *graph.Dataset, o ReportOptions) (graph.NetworkSpec, string, error) {
	if len(d.Orgs) == 0 {
		return graph.NetworkSpec{}, "", fmt.Errorf("%w: the dataset has no organizations (organizations.csv is empty); sectornet init DIR writes every file with examples to fill in", ErrNothingToReport)
	}
	if len(d.Memberships) == 0 && len(d.Attendance) == 0 && len(d.Ties) == 0 {
		return graph.NetworkSpec{}, "", fmt.Errorf("%w: the dataset has %d organizations but no forum memberships (participation.csv), attendance (attendance.csv) or survey ties (ties.csv), so no network", ErrNothingToReport, len(d.Orgs))
	}
	spec := o.Network
	if !o.Auto {
		if spec.Basis == graph.BasisTies && spec.Wave == "" {
			ws := d.Waves()
			if len(ws) == 0 {
				return spec, "", &RequestError{errors.New("--basis ties: the dataset has no survey ties (ties.csv)")}
			}
			spec.Wave = ws[len(ws)-1]
		}
		return spec, "", nil
	}
	switch {
	case len(d.Memberships) > 0:
		return graph.NetworkSpec{Basis: graph.BasisForums, Weighting: spec.Weighting}, "", nil
	case len(d.Ties) > 0:
		ws := d.Waves()
		return graph.NetworkSpec{Basis: graph.BasisTies, Wave: ws[len(ws)-1]},
			"No organization sits in a forum (participation.csv is empty), so the network is the collaboration ties reported in wave " + ws[len(ws)-1] + ".", nil
	}
	return graph.NetworkSpec{Basis: graph.BasisMeetings, Weighting: spec.Weighting},
		"No organization sits in a forum and there are no survey ties, so the network is the meetings attended together.", nil
}

// reportBuild gathers what one report needs, each piece computed once by
// the analysis.
type reportBuild struct {
	ctx     context.Context
	a       *Analysis
	d       *graph.Dataset
	o       ReportOptions
	spec    graph.NetworkSpec
	g       *graph.Network
	sectors graph.Groups
	methods []string // registry IDs used, in order of first use
	params  map[string][]Param
}

func (b *reportBuild) use(id string, params ...Param) {
	if !slices.Contains(b.methods, id) {
		b.methods = append(b.methods, id)
	}
	if b.params == nil {
		b.params = map[string][]Param{}
	}
	for _, p := range params {
		if !slices.Contains(b.params[id], p) {
			b.params[id] = append(b.params[id], p)
		}
	}
}

func (b *reportBuild) meaning(id string) string {
	m, ok := graph.LookupMethod(id)
	if !ok {
		panic("out: no method " + id + " in the registry")
	}
	return m.Meaning
}

func (b *reportBuild) orgName(i int) string {
	o := b.d.Orgs[i]
	if o.Name != "" {
		return Isolate(o.Name)
	}
	return Isolate(o.ID)
}

func (b *reportBuild) forumName(f int) string {
	x := b.d.Forums[f]
	if x.Name != "" {
		return Isolate(x.Name)
	}
	return Isolate(x.ID)
}

func (b *reportBuild) sectorLabel(k int) string {
	if k < 0 || k >= len(b.d.Sectors) {
		return "no sector"
	}
	return Isolate(b.d.Sectors[k].Name())
}

func (b *reportBuild) orgSector(i int) string {
	return b.sectorLabel(slices.IndexFunc(b.d.Sectors, func(s graph.Sector) bool { return s.ID == b.d.Orgs[i].Sector }))
}

// share formats a share as a whole percentage, "36%", or with one
// decimal below 1%: "0.3%".
func share(v float64) string {
	if math.IsNaN(v) {
		return "n/a"
	}
	if v > 0 && v < 0.01 {
		// 6 of 2,018 is 0.3%, not 0%.
		return fmt.Sprintf("%.1f%%", 100*v)
	}
	return fmt.Sprintf("%.0f%%", 100*v)
}

// BuildReport builds the report document of a: headlines, the sections
// with their figures (diagrams and charts, as SVG) and tables, the
// methods, the map and the profiles. Paths of the files the report folder
// will hold (figures/NAME.svg, tables/PART-TABLE.csv) are set on the
// figures and tables; WriteReport writes them.
func BuildReport(ctx context.Context, a *Analysis, o ReportOptions) (*ReportDoc, error) {
	d := a.Dataset
	spec, why, err := reportSpec(d, o)
	if err != nil {
		return nil, err
	}
	g, err := a.Network(spec)
	if err != nil {
		return nil, err
	}
	b := &reportBuild{ctx: ctx, a: a, d: d, o: o, spec: spec, g: g, sectors: graph.SectorGroups(d)}
	defer b.prefetch()()
	doc := &ReportDoc{Title: o.Title, Made: o.Made, Tool: "sectornet report"}
	if doc.Title == "" {
		doc.Title = "Cross-sector network report"
	}
	// The dataset by its folder's (or workbook's) name, and its path in
	// brackets: "the dataset ds5000 (/work/data/ds5000)".
	doc.Source = "the dataset " + filepath.Base(filepath.Clean(a.Source()))
	doc.Path = a.Source()
	if a.Source() == "" {
		doc.Source = "the embedded sample dataset (synthetic, modelled on Israel's cross-sector volunteering initiative)"
	}
	doc.Network = b.networkWords()
	doc.Period = b.period()
	doc.Covers = b.covers()
	if why != "" {
		doc.Covers = append(doc.Covers, why)
	}
	if spec.Basis != graph.BasisTies { // survey ties are no projection
		b.use("projection", Param{"weight", spec.Weighting.String()})
	}

	sections := []func() (DocSection, []Headline, error){
		b.networkSection, b.balanceSection, b.mixingSection, b.brokersSection, b.communitiesSection,
		b.changeSection, b.firstsSection, b.engagementSection, b.suggestSection, b.qualitySection,
	}
	for _, f := range sections {
		s, hs, err := f()
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc.Sections = append(doc.Sections, s)
		doc.Headline = append(doc.Headline, hs...)
	}
	// Tables a section made itself (the engagement watch list) get files
	// too, named after the section; every name is unique.
	used := map[string]bool{}
	for _, s := range doc.Sections {
		for _, t := range s.Tables {
			if len(t.Files) > 0 {
				used[t.Files[0]] = true
			}
		}
	}
	for i := range doc.Sections {
		s := &doc.Sections[i]
		for k := range s.Tables {
			t := &s.Tables[k]
			if len(t.Files) > 0 {
				continue
			}
			base := "tables/" + s.ID + "-" + t.Name
			for n := 2; used[base+".csv"]; n++ {
				base = fmt.Sprintf("tables/%s-%s-%d", s.ID, t.Name, n)
			}
			used[base+".csv"] = true
			t.Files = tableFiles(base)
			if t.Inline == 0 {
				t.Inline = reportInlineRows
			}
		}
	}
	x, err := b.explore()
	if err != nil {
		return nil, err
	}
	doc.Explore = x
	for _, id := range b.methods {
		m, _ := graph.LookupMethod(id)
		doc.Methods = append(doc.Methods, MethodUse{Method: m, Params: b.params[id]})
	}
	doc.Paragraph = b.paragraph(doc)
	return doc, nil
}

func (b *reportBuild) networkWords() string {
	switch b.spec.Basis {
	case graph.BasisTies:
		w := b.spec.Wave
		if w == "" {
			ws := b.d.Waves()
			w = ws[len(ws)-1]
		}
		s := "the collaboration ties the organizations reported in survey wave " + w
		if b.spec.Type != "" {
			s += " (ties of type " + b.spec.Type + ")"
		}
		return s
	case graph.BasisMeetings:
		return "meetings attended together (two organizations are tied when they attended a meeting together; weight: " + b.spec.Weighting.String() + ")"
	}
	return "shared forums (two organizations are tied when they sit in a forum together; weight: " + b.spec.Weighting.String() + ")"
}

// period says what time the data span: the meetings' dates and the
// survey waves.
func (b *reportBuild) period() string {
	var parts []string
	if len(b.d.Meetings) > 0 {
		lo, hi := b.d.Meetings[0].Date, b.d.Meetings[0].Date
		for _, m := range b.d.Meetings {
			if m.Date.Before(lo) {
				lo = m.Date
			}
			if m.Date.After(hi) {
				hi = m.Date
			}
		}
		parts = append(parts, "meetings from "+lo.Format("2 January 2006")+" to "+hi.Format("2 January 2006"))
	}
	if ws := b.d.Waves(); len(ws) > 0 {
		parts = append(parts, plural(len(ws), "survey wave ", "survey waves ")+andList(ws))
	}
	return strings.Join(parts, "; ")
}

func (b *reportBuild) covers() []string {
	d := b.d
	var secs []string
	sz := b.sectors.Sizes()
	for k := range d.Sectors {
		secs = append(secs, fmt.Sprintf("%d %s", sz[k], b.sectorLabel(k)))
	}
	// Distinct counts, as summary and validate give them: two people of
	// one organization at one meeting are one attendance (the sample's
	// attendance.csv has 339 rows and 335 attendances).
	sum := graph.Summarize(d)
	s := fmt.Sprintf("It covers %d organizations in %d %s (%s)", len(d.Orgs), len(d.Sectors), plural(len(d.Sectors), "sector", "sectors"), strings.Join(secs, ", "))
	var more []string
	switch {
	case len(d.Forums) > 0 && sum.Memberships == 0:
		more = append(more, fmt.Sprintf("%d %s with no members (participation.csv is empty)", len(d.Forums), plural(len(d.Forums), "forum", "forums")))
	case len(d.Forums) > 0:
		more = append(more, fmt.Sprintf("%d %s with %d %s (%d of the organizations sit in at least one)", len(d.Forums), plural(len(d.Forums), "forum", "forums"),
			sum.Memberships, plural(sum.Memberships, "membership", "memberships"), len(d.Orgs)-sum.OrgsWithoutForum))
	}
	if len(d.Meetings) > 0 {
		more = append(more, fmt.Sprintf("%d %s with %d %s", len(d.Meetings), plural(len(d.Meetings), "meeting", "meetings"), sum.Attendances, plural(sum.Attendances, "attendance", "attendances")))
	}
	for _, w := range sum.Waves {
		more = append(more, fmt.Sprintf("%d collaboration %s in survey wave %s (from %d %s)", w.Ties, plural(w.Ties, "tie", "ties"), w.Wave, w.Reports, plural(w.Reports, "report", "reports")))
	}
	if len(more) > 0 {
		s += "; " + andList(more)
	}
	return []string{s + "."}
}

// prefetch starts, on a goroutine of its own, the longest computations
// that the report asks for only after its first figures (the network
// section's eigenvector centrality, the brokers section's betweenness,
// the E-I test
// and the segregation indices of the mixing section, the communities of
// the brokers table's structural holes and partner mix, the communities
// of the communities section and the map, the tie test of the map's drawn
// ties and the map's layout), so that they run on the second core while the first sections
// are built; the sections then find them in the analysis (each is
// memoized, and a second request waits for the first). Their results
// and errors are the sections' own, so the report's bytes do not depend
// on it. It returns the function that cancels the goroutine and waits for
// it.
func (b *reportBuild) prefetch() (wait func()) {
	done := make(chan struct{})
	ctx, cancel := context.WithCancel(b.ctx)
	go func() {
		defer close(done)
		if b.g.M() == 0 {
			return
		}
		// The network section's eigenvector centralization and the
		// brokers section's betweenness, while the first figures are drawn.
		b.a.Eigenvector(b.spec)
		if _, err := b.a.Paths(ctx, b.spec, graph.PathsHops); err != nil {
			return
		}
		if len(b.d.Sectors) >= 2 { // the mixing section's
			if _, err := b.a.EIPermutationTest(ctx, b.spec, DefaultEIPermutations, DefaultSeed); err != nil {
				return
			}
			b.a.Segregation(b.spec)
		}
		b.a.Burt(b.spec) // the brokers section's
		b.a.PartnerHeterogeneity(b.spec)
		if _, err := b.a.Communities(ctx, b.spec, DefaultCommunityMethod, DefaultResolution, DefaultSeed); err != nil {
			return
		}
		if len(b.d.Orgs) <= MapOrganizations {
			if b.g.M() > mapTieBudget {
				if _, err := b.a.TieTest(ctx, b.spec, DefaultBackboneTest); err != nil {
					return
				}
			}
			b.a.MapLayout(ctx, b.spec, DefaultCommunityMethod, DefaultResolution, DefaultSeed)
		}
	}()
	// By the time the report waits, every section has asked for what it
	// needs: what the goroutine still computes is unused (the report
	// failed early), so it is cancelled rather than waited out.
	return func() { cancel(); <-done }
}

// addFigures draws the figures of ReportFigures that belong in s, of the
// report's network; a figure the data cannot give is left out (its view
// says why: no second wave, no meetings, ...).
func (b *reportBuild) addFigures(s *DocSection) error {
	for _, rf := range ReportFigures {
		if rf.Section != s.ID {
			continue
		}
		if b.o.Progress != nil {
			b.o.Progress("drawing figures/" + rf.Name)
		}
		fig, err := rf.Figure(b.ctx, b.a, b.spec)
		var svg bytes.Buffer
		if err == nil {
			err = b.a.WriteFigure(b.ctx, &svg, fig, FigureSVG)
		}
		if err != nil {
			if b.ctx.Err() != nil {
				return b.ctx.Err()
			}
			// Only a figure the data cannot give is left out; any other
			// error (a layout that failed, a full disk) fails the report.
			var re *RequestError
			if !errors.As(err, &re) {
				return fmt.Errorf("figures/%s: %w", rf.Name, err)
			}
			continue
		}
		s.Figures = append(s.Figures, DocFigure{Title: rf.Title, Alt: figureAlt(fig), SVG: svg.Bytes(),
			Files: []string{"figures/" + rf.Name + ".svg", "figures/" + rf.Name + ".png"}, figure: fig, name: rf.Name})
	}
	return nil
}

// figureAlt describes a figure for screen readers: its title, what its
// legend says and, for a diagram, how many nodes and ties it draws.
func figureAlt(fig *Figure) string {
	if fig.Chart != nil {
		c := fig.Chart
		parts := []string{c.Title}
		if len(c.Categories) > 0 {
			parts = append(parts, fmt.Sprintf("%d bars: %s", len(c.Categories), strings.Join(c.Categories[:min(8, len(c.Categories))], ", ")))
		}
		if c.Note != "" {
			parts = append(parts, c.Note)
		}
		return sentences(parts)
	}
	dg := fig.Diagram
	parts := []string{dg.Title, fmt.Sprintf("%d nodes and %d ties drawn", len(dg.Nodes), len(dg.Edges))}
	parts = append(parts, dg.Legend.Notes...)
	return sentences(parts)
}

// sentences joins parts as sentences: each ends with one full stop
// (legend notes often carry their own).
func sentences(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		p = strings.TrimRight(strings.TrimSpace(p), ".")
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(p + ".")
	}
	return b.String()
}

// tableSet runs a view's tables and names their files after the part.
func (b *reportBuild) tableSet(part string, build func() (*Tables, error)) (map[string]DocTable, []DocTable, string, error) {
	v, err := build()
	if err != nil {
		if b.ctx.Err() != nil {
			return nil, nil, "", b.ctx.Err()
		}
		var re *RequestError
		if errors.As(err, &re) {
			return nil, nil, skipReason(err), nil
		}
		return nil, nil, "", err
	}
	byName := map[string]DocTable{}
	var all []DocTable
	seen := map[string]int{}
	for _, t := range v.Tables {
		base := part + "-" + t.Name
		seen[base]++
		if seen[base] > 1 {
			base = fmt.Sprintf("%s-%d", base, seen[base])
		}
		dt := DocTable{Table: t, Inline: reportInlineRows, Files: tableFiles("tables/" + base)}
		byName[t.Name] = dt
		all = append(all, dt)
	}
	return byName, all, "", nil
}
