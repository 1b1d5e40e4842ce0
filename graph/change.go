package graph

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
)

// Universe says which organizations a comparison of two waves counts the
// pairs of.
type Universe int

const (
	// UniverseAll counts the pairs of every organization listed in
	// organizations.csv (the actor set, as RSiena's tie-change table
	// counts the pairs of all actors). An organization with no tie in the
	// earlier wave, e.g. one that joined the initiative after it, is in
	// the universe in both waves: its ties in the later wave are new ties
	// and it is counted as a newcomer.
	UniverseAll Universe = iota
	// UniversePresent counts only the pairs of organizations named in at
	// least one tie (of any type) in both waves, for when an organization
	// absent from a wave means it did not answer that survey rather than
	// that it had no partners.
	UniversePresent
)

// ParseUniverse reads "all" or "present".
func ParseUniverse(s string) (Universe, error) {
	switch s {
	case "all", "":
		return UniverseAll, nil
	case "present":
		return UniversePresent, nil
	}
	return 0, fmt.Errorf("unknown universe %q (want all or present)", s)
}

func (u Universe) String() string {
	switch u {
	case UniverseAll:
		return "all"
	case UniversePresent:
		return "present"
	}
	return "Universe(" + strconv.Itoa(int(u)) + ")"
}

// TieCounts is the tie-change table of a set of pairs between two waves,
// as in longitudinal network research (RSiena manual, section "Tie
// changes between subsequent observations"; T. A. B. Snijders, G. G. van
// de Bunt and C. E. G. Steglich, Social Networks 32(1) 44-60 (2010),
// doi:10.1016/j.socnet.2009.02.004).
type TieCounts struct {
	Pairs     int // pairs of organizations counted
	NoTie     int // N00: no tie in either wave
	New       int // N01: a tie in the later wave only
	Dissolved int // N10: a tie in the earlier wave only
	Kept      int // N11: a tie in both waves
}

// Before returns the number of ties in the earlier wave, N10 + N11.
func (c TieCounts) Before() int { return c.Dissolved + c.Kept }

// After returns the number of ties in the later wave, N01 + N11.
func (c TieCounts) After() int { return c.New + c.Kept }

// Hamming returns the Hamming distance between the two waves, the number
// of pairs whose tie changed: N01 + N10. It matches R sna's hdist on the
// two adjacency matrices with mode "graph".
func (c TieCounts) Hamming() int { return c.New + c.Dissolved }

// Jaccard returns the Jaccard index of the two waves' tie sets,
//
//	N11 / (N01 + N10 + N11),
//
// the stability measure the RSiena manual asks to check before modelling
// (above 0.3 good, under 0.2 questionable). NaN when neither wave has a
// tie.
func (c TieCounts) Jaccard() float64 {
	den := c.New + c.Dissolved + c.Kept
	if den == 0 {
		return math.NaN()
	}
	return float64(c.Kept) / float64(den)
}

// Stability is the RSiena manual's reading of a Jaccard index of tie
// stability between two waves.
type Stability int

// Stability classes.
const (
	StabilityGood         Stability = iota // 0.3 or more, or undefined (no tie in either wave)
	StabilityBorderline                    // from 0.2 to under 0.3
	StabilityQuestionable                  // under 0.2: questionable for modelling change
)

// JaccardStability classifies a Jaccard index as the RSiena manual does:
// 0.3 or more good, under 0.2 questionable, borderline between; an
// undefined index (NaN) counts as good, since there is nothing to model.
func JaccardStability(j float64) Stability {
	switch {
	case math.IsNaN(j) || j >= 0.3:
		return StabilityGood
	case j < 0.2:
		return StabilityQuestionable
	}
	return StabilityBorderline
}

// SectorPairChange is the tie-change table of the pairs between sectors A
// and B (indices into Dataset.Sectors, A <= B; A == B within a sector;
// -1 for an organization whose sector is not listed).
type SectorPairChange struct {
	A, B int
	TieCounts
}

// MeetingWindow is the set of meetings that count as attended "between"
// two waves.
type MeetingWindow struct {
	// Timed is true when both waves read as years (2012) or dates
	// (2013-06-30): then the window holds the meetings dated after the
	// end of the earlier wave and up to the end of the later one (a year
	// ends on 31 December). Otherwise the waves cannot be placed in time
	// and every meeting counts.
	Timed        bool
	After, Until time.Time
	Meetings     []int // indices into Dataset.Meetings, in dataset order
}

// Attribution compares the new ties that joined co-participants (two
// organizations that shared a forum or met at a meeting between the waves)
// with what random new ties would give.
type Attribution struct {
	Candidates       int // pairs with no tie in the earlier wave, the pairs a new tie could join
	Coparticipants   int // candidate pairs that co-participated
	New              int // new ties
	NewCoparticipant int // new ties between co-participants

	ObservedShare float64 // NewCoparticipant / New; NaN when New is 0
	ExpectedShare float64 // Coparticipants / Candidates, the share random new ties would have
	Ratio         float64 // ObservedShare / ExpectedShare, the "forum effect"
	PValue        float64 // permutation p-value, (k+1)/(R+1); NaN when Permutations is 0
	PExact        float64 // the exact hypergeometric P(X >= NewCoparticipant)
	Permutations  int
	Seed          uint64
}

// WaveStats describes one wave's network over a comparison's universe.
type WaveStats struct {
	Wave       string
	Orgs       int // organizations in the universe
	Ties       int
	External   int     // cross-sector ties
	Internal   int     // ties within a sector
	Density    float64 // Ties / (Orgs (Orgs-1) / 2); 0 for fewer than two organizations
	MeanDegree float64 // 2 Ties / Orgs; 0 for no organization
	// EI is Krackhardt and Stern's E-I index by sector, (E - I) / (E + I)
	// over ties, unweighted (D. Krackhardt and R. N. Stern, Social
	// Psychology Quarterly 51(2) 123-140 (1988), doi:10.2307/2786835):
	// -1 when every tie stays within a sector, +1 when every tie crosses
	// sectors; NaN when the wave has no tie.
	EI float64
}

// OrgChange is one organization's partners in the two waves.
type OrgChange struct {
	Org            int // index into Dataset.Orgs
	Before, After  int // partners in the earlier and the later wave
	New            int // partners in the later wave only
	Dissolved      int // partners in the earlier wave only
	Kept           int // partners in both
	NewCrossSector int // new partners from another sector
	Newcomer       bool
	NewPartners    []int // indices of the new partners, ascending
}

// ChangeScores is the trust and value of the ties of two waves, overall,
// per sector pair, and by what happened to the tie.
type ChangeScores struct {
	Before, After   WaveScores
	New             ScoreMean // new ties, as scored in the later wave
	KeptBefore      ScoreMean // kept ties, as scored in the earlier wave
	KeptAfter       ScoreMean // kept ties, as scored in the later wave
	DissolvedBefore ScoreMean // dissolved ties, as scored in the earlier wave
}

// Change is what changed in the collaboration network between two waves.
type Change struct {
	From, To string
	Type     string // the tie type compared; "" for every type
	Universe Universe
	Orgs     int // organizations in the universe

	All, CrossSector, WithinSector TieCounts
	SectorPairs                    []SectorPairChange // every sector pair with at least one pair of organizations

	Newcomers       int // organizations with ties in the later wave and none in the earlier
	NewWithNewcomer int // new ties involving a newcomer

	Window                      MeetingWindow
	NewAmongForumMembers        int // new ties between organizations sharing a forum
	NewAmongMeetingAttendees    int // new ties between organizations at a meeting of the window
	NewAmongCoparticipants      int // new ties between organizations sharing a forum or such a meeting
	NewCrossSector              int // = CrossSector.New
	NewCrossAmongCoparticipants int

	Attribution      Attribution // over all pairs
	CrossAttribution Attribution // over cross-sector pairs only

	Before, After WaveStats
	Scores        *ChangeScores // nil when no tie carries a trust or value score
	OrgChanges    []OrgChange   // every organization of the universe, in dataset order

	// Ties are the ties of either wave between organizations of the
	// universe, each classified, sorted by U then V: the classification
	// the counts above tally.
	Ties []TieChange
}

// TieChangeKind is what happened to a tie between two waves.
type TieChangeKind int

// Tie changes.
const (
	TieKept      TieChangeKind = iota // in both waves
	TieNew                            // in the later wave only
	TieDissolved                      // in the earlier wave only
)

// TieChange is one tie of either of two waves and what happened to it.
type TieChange struct {
	U, V        int // organizations (indices into Dataset.Orgs), U < V
	Kind        TieChangeKind
	CrossSector bool // U and V are of different sectors
}

// ChangeOptions chooses the waves to compare and the permutation test.
type ChangeOptions struct {
	From, To     string
	Type         string // compare only ties of this type; every type when empty
	Universe     Universe
	Permutations int     // random sets of new ties drawn for the p-value; 0 for none
	Seed         uint64  // seed of the permutation test
	Rule         Rule    // how the two reports of a pair combine (RuleMax when zero)
	Missing      Missing // the ties of nonrespondents (MissingReconstruct when zero)
}

// WavePairs returns the pairs of waves to compare: (from, to) when both
// are given; with one of them, the other is the next (or previous) wave;
// with neither, every consecutive pair of waves in order. It returns an
// error when a wave is unknown, when from does not come before to, or
// when there are fewer than two waves.
func WavePairs(d *Dataset, from, to string) ([][2]string, error) {
	waves := d.Waves()
	fail := func(err error, role string) error {
		return &WaveError{Err: err, Role: role, From: from, To: to, Waves: waves}
	}
	if len(waves) < 2 {
		return nil, fail(ErrTooFewWaves, "")
	}
	pos := func(w, role string) (int, error) {
		if i := slices.Index(waves, w); i >= 0 {
			return i, nil
		}
		return 0, fail(ErrUnknownWave, role)
	}
	switch {
	case from == "" && to == "":
		var ps [][2]string
		for i := 1; i < len(waves); i++ {
			ps = append(ps, [2]string{waves[i-1], waves[i]})
		}
		return ps, nil
	case to == "":
		i, err := pos(from, "from")
		if err != nil {
			return nil, err
		}
		if i == len(waves)-1 {
			return nil, fail(ErrNoLaterWave, "from")
		}
		return [][2]string{{from, waves[i+1]}}, nil
	case from == "":
		j, err := pos(to, "to")
		if err != nil {
			return nil, err
		}
		if j == 0 {
			return nil, fail(ErrNoEarlierWave, "to")
		}
		return [][2]string{{waves[j-1], to}}, nil
	}
	i, err := pos(from, "from")
	if err != nil {
		return nil, err
	}
	j, err := pos(to, "to")
	if err != nil {
		return nil, err
	}
	if i >= j {
		return nil, fail(ErrWaveOrder, "")
	}
	return [][2]string{{from, to}}, nil
}

// The causes of a WaveError, for errors.Is.
var (
	ErrTooFewWaves   = errors.New("fewer than two survey waves")
	ErrUnknownWave   = errors.New("no ties in the wave")
	ErrNoLaterWave   = errors.New("no later wave")
	ErrNoEarlierWave = errors.New("no earlier wave")
	ErrWaveOrder     = errors.New("the earlier wave does not come first")
)

// WaveError is a pair of waves that cannot be compared: too few waves, an
// unknown wave, no wave after the earlier or before the later one, or
// waves out of order.
type WaveError struct {
	Err      error  // one of ErrTooFewWaves, ErrUnknownWave, ErrNoLaterWave, ErrNoEarlierWave, ErrWaveOrder
	Role     string // which wave asked for is at fault: "from", "to", or "" for neither or both
	From, To string // the waves asked for
	Waves    []string
}

func (e *WaveError) Unwrap() error { return e.Err }

func (e *WaveError) Error() string { return e.Message("the earlier wave", "the later wave") }

// Message says what is wrong, calling the two waves asked for by the
// caller's names for them (a program's flags, a form's fields).
func (e *WaveError) Message(fromName, toName string) string {
	name, wave := fromName, e.From
	if e.Role == "to" {
		name, wave = toName, e.To
	}
	switch e.Err {
	case ErrTooFewWaves:
		return fmt.Sprintf("comparing waves needs ties in at least two survey waves; ties.csv has %d (%s)", len(e.Waves), joinQuoted(e.Waves))
	case ErrUnknownWave:
		return fmt.Sprintf("%s: no ties in wave %q (waves: %s)", name, wave, joinQuoted(e.Waves))
	case ErrNoLaterWave:
		return fmt.Sprintf("%s %q is the latest wave; there is no later wave to compare it with", name, wave)
	case ErrNoEarlierWave:
		return fmt.Sprintf("%s %q is the earliest wave; there is no earlier wave to compare it with", name, wave)
	}
	return fmt.Sprintf("%s %q must come before %s %q (waves in order: %s)", fromName, e.From, toName, e.To, joinQuoted(e.Waves))
}

// WavePair returns the one pair of waves a figure or a headline compares:
// with neither from nor to, the last two waves; otherwise the first pair
// WavePairs gives.
func WavePair(d *Dataset, from, to string) (string, string, error) {
	if ws := d.Waves(); from == "" && to == "" && len(ws) >= 2 {
		return ws[len(ws)-2], ws[len(ws)-1], nil
	}
	pairs, err := WavePairs(d, from, to)
	if err != nil {
		return "", "", err
	}
	return pairs[0][0], pairs[0][1], nil
}

// waveEnd reads a wave label as a point in time: a year (2012) ends on
// 31 December, a date (2013-06-30) is that day.
func waveEnd(w string) (time.Time, bool) {
	if len(w) == 4 {
		if y, err := strconv.Atoi(w); err == nil && y > 0 {
			return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), true
		}
	}
	if t, err := time.Parse("2006-01-02", w); err == nil {
		return t, true
	}
	return time.Time{}, false
}

func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// Window returns the meetings held between waves from and to (see
// MeetingWindow).
func Window(d *Dataset, from, to string) MeetingWindow {
	a, ok1 := waveEnd(from)
	b, ok2 := waveEnd(to)
	var w MeetingWindow
	if ok1 && ok2 {
		w.Timed, w.After, w.Until = true, a, b
	}
	for i, m := range d.Meetings {
		if w.Timed {
			day := dayNumber(m.Date)
			if day <= dayNumber(a) || day > dayNumber(b) {
				continue
			}
		}
		w.Meetings = append(w.Meetings, i)
	}
	return w
}

// windowAffiliation returns the organizations x meetings attendance of the
// window's meetings.
func windowAffiliation(d *Dataset, w MeetingWindow) *Affiliation {
	oi := d.OrgIndex()
	col := map[string]int{}
	for k, m := range w.Meetings {
		col[d.Meetings[m].ID] = k
	}
	var pairs [][2]int
	for _, a := range d.Attendance {
		o, ok1 := oi[a.Org]
		m, ok2 := col[a.Meeting]
		if ok1 && ok2 {
			pairs = append(pairs, [2]int{o, m})
		}
	}
	return NewAffiliation(len(d.Orgs), len(w.Meetings), pairs)
}

// CompareWaves measures what changed in the collaboration ties between
// waves o.From and o.To:
//
//   - the tie-change table (N00 no tie, N01 new, N10 dissolved, N11 kept)
//     over the pairs of the universe's organizations, with the Hamming
//     distance N01 + N10 and the Jaccard index N11 / (N01 + N10 + N11);
//     the same over cross-sector pairs, within-sector pairs and each pair
//     of sectors. Reports of A-B and B-A in one wave are one tie; the
//     order of rows in ties.csv does not matter.
//   - attribution: of the new ties, how many joined co-participants, two
//     organizations that are members of a common forum (memberships carry
//     no dates, so any common forum counts) or attended a common meeting
//     of the window between the waves (see Window). The expected share is
//     the share of co-participant pairs among the candidate pairs (those
//     with no tie in the earlier wave): the share new ties would have if
//     they joined random candidate pairs. The permutation test draws
//     o.Permutations random sets of New pairs from the candidates (without
//     replacement, with a PCG generator seeded by o.Seed) and counts the
//     co-participant pairs in each; p = (k + 1) / (R + 1) where k is the
//     number of random sets with at least as many co-participant pairs as
//     observed. Only the count matters, so a set is drawn as New
//     sequential draws from Candidates pairs of which Coparticipants are
//     marked, which is the same distribution (hypergeometric); PExact
//     gives its exact tail for comparison. The same over cross-sector
//     pairs.
//   - each wave's size, density, mean degree and E-I index by sector;
//   - each organization's new, dissolved and kept partners;
//   - trust and value scores when ties carry them.
//
// The universe is every organization (UniverseAll) or those named in
// both waves (UniversePresent); see Universe. The permutation test stops
// with ctx's error when ctx is cancelled.
func CompareWaves(ctx context.Context, d *Dataset, o ChangeOptions) (*Change, error) {
	waves := d.Waves()
	for _, w := range []string{o.From, o.To} {
		if !slices.Contains(waves, w) {
			return nil, fmt.Errorf("no ties in wave %q (waves: %s)", w, joinQuoted(waves))
		}
	}
	if !WaveLess(o.From, o.To) {
		return nil, fmt.Errorf("wave %q must come before wave %q", o.From, o.To)
	}
	if o.Type != "" && !slices.Contains(d.TieTypes(), o.Type) {
		return nil, fmt.Errorf("no ties of type %q (types: %s)", o.Type, joinQuoted(d.TieTypes()))
	}
	if o.Permutations < 0 {
		return nil, fmt.Errorf("the number of permutations must be 0 or more, not %d", o.Permutations)
	}
	n := len(d.Orgs)
	g1 := TieNetworkRule(d, o.From, o.Type, o.Rule, o.Missing)
	g2 := TieNetworkRule(d, o.To, o.Type, o.Rule, o.Missing)
	in := make([]bool, n)
	switch o.Universe {
	case UniversePresent:
		a1 := TieNetworkRule(d, o.From, "", o.Rule, o.Missing)
		a2 := TieNetworkRule(d, o.To, "", o.Rule, o.Missing)
		for i := range in {
			in[i] = a1.Degree(i) > 0 && a2.Degree(i) > 0
		}
	default:
		for i := range in {
			in[i] = true
		}
	}
	sec := d.OrgSectors()
	c := &Change{From: o.From, To: o.To, Type: o.Type, Universe: o.Universe}

	// Pairs per sector pair.
	size := map[int]int{}
	for i := range n {
		if in[i] {
			c.Orgs++
			size[sec[i]]++
		}
	}
	secs := make([]int, 0, len(size))
	for s := range size {
		secs = append(secs, s)
	}
	slices.Sort(secs)
	spIndex := map[[2]int]int{}
	for x, a := range secs {
		for _, b := range secs[x:] {
			p := size[a] * size[b]
			if a == b {
				p = size[a] * (size[a] - 1) / 2
			}
			if p == 0 {
				continue
			}
			spIndex[[2]int{a, b}] = len(c.SectorPairs)
			c.SectorPairs = append(c.SectorPairs, SectorPairChange{A: a, B: b, TieCounts: TieCounts{Pairs: p}})
		}
	}

	oc := make([]OrgChange, n)
	for i := range oc {
		oc[i].Org = i
	}
	tally := func(u, v int, f func(*TieCounts)) {
		sp := &c.SectorPairs[spIndex[sectorPair(sec[u], sec[v])]].TieCounts
		f(sp)
		f(&c.All)
		if sec[u] != sec[v] {
			f(&c.CrossSector)
		} else {
			f(&c.WithinSector)
		}
	}
	var newTies, keptTies, dissolvedTies []pairKey
	for _, e := range g2.Edges() {
		u, v := e.U, e.V
		if !in[u] || !in[v] {
			continue
		}
		oc[u].After++
		oc[v].After++
		if _, ok := g1.TieWeight(u, v); ok {
			tally(u, v, func(t *TieCounts) { t.Kept++ })
			oc[u].Kept++
			oc[v].Kept++
			keptTies = append(keptTies, newPairKey(u, v))
			continue
		}
		tally(u, v, func(t *TieCounts) { t.New++ })
		newTies = append(newTies, newPairKey(u, v))
		for _, x := range [2][2]int{{u, v}, {v, u}} {
			oc[x[0]].New++
			oc[x[0]].NewPartners = append(oc[x[0]].NewPartners, x[1])
			if sec[u] != sec[v] {
				oc[x[0]].NewCrossSector++
			}
		}
	}
	for _, e := range g1.Edges() {
		u, v := e.U, e.V
		if !in[u] || !in[v] {
			continue
		}
		oc[u].Before++
		oc[v].Before++
		if _, ok := g2.TieWeight(u, v); !ok {
			tally(u, v, func(t *TieCounts) { t.Dissolved++ })
			oc[u].Dissolved++
			oc[v].Dissolved++
			dissolvedTies = append(dissolvedTies, newPairKey(u, v))
		}
	}
	// Pair totals and N00.
	c.All.Pairs = c.Orgs * (c.Orgs - 1) / 2
	for _, sp := range c.SectorPairs {
		if sp.A == sp.B {
			c.WithinSector.Pairs += sp.Pairs
		} else {
			c.CrossSector.Pairs += sp.Pairs
		}
	}
	fill := func(t *TieCounts) { t.NoTie = t.Pairs - t.New - t.Dissolved - t.Kept }
	fill(&c.All)
	fill(&c.CrossSector)
	fill(&c.WithinSector)
	for k := range c.SectorPairs {
		fill(&c.SectorPairs[k].TieCounts)
	}
	c.NewCrossSector = c.CrossSector.New

	for i := range n {
		if in[i] {
			if oc[i].Before == 0 && oc[i].After > 0 {
				oc[i].Newcomer = true
				c.Newcomers++
			}
			slices.Sort(oc[i].NewPartners)
			c.OrgChanges = append(c.OrgChanges, oc[i])
		}
	}
	for _, k := range newTies {
		if oc[k.U].Newcomer || oc[k.V].Newcomer {
			c.NewWithNewcomer++
		}
	}

	// Co-participation.
	c.Window = Window(d, o.From, o.To)
	forums := ForumAffiliation(d).Project(WeightCount)
	meetings := windowAffiliation(d, c.Window).Project(WeightCount)
	for _, k := range newTies {
		u, v := int(k.U), int(k.V)
		_, f := forums.TieWeight(u, v)
		_, m := meetings.TieWeight(u, v)
		if f {
			c.NewAmongForumMembers++
		}
		if m {
			c.NewAmongMeetingAttendees++
		}
		if f || m {
			c.NewAmongCoparticipants++
			if sec[u] != sec[v] {
				c.NewCrossAmongCoparticipants++
			}
		}
	}
	// Candidate co-participant pairs: co-participants in the universe with
	// no tie in the earlier wave.
	var marked, markedCross int
	for i := range n {
		if !in[i] {
			continue
		}
		mergeUnion(forums.Neighbors(i), meetings.Neighbors(i), func(j int) {
			if j <= i || !in[j] {
				return
			}
			if _, ok := g1.TieWeight(i, j); ok {
				return
			}
			marked++
			if sec[i] != sec[j] {
				markedCross++
			}
		})
	}
	var err error
	c.Attribution, err = Attribute(ctx, c.All.NoTie+c.All.New, marked, c.All.New, c.NewAmongCoparticipants, o.Permutations, o.Seed)
	if err != nil {
		return nil, err
	}
	c.CrossAttribution, err = Attribute(ctx, c.CrossSector.NoTie+c.CrossSector.New, markedCross, c.CrossSector.New, c.NewCrossAmongCoparticipants, o.Permutations, o.Seed)
	if err != nil {
		return nil, err
	}

	for _, x := range []struct {
		keys []pairKey
		kind TieChangeKind
	}{{keptTies, TieKept}, {newTies, TieNew}, {dissolvedTies, TieDissolved}} {
		for _, k := range x.keys {
			c.Ties = append(c.Ties, TieChange{U: int(k.U), V: int(k.V), Kind: x.kind, CrossSector: sec[k.U] != sec[k.V]})
		}
	}
	slices.SortFunc(c.Ties, func(a, b TieChange) int {
		if a.U != b.U {
			return a.U - b.U
		}
		return a.V - b.V
	})

	c.Before = waveStats(o.From, c.Orgs, c.All.Before(), c.CrossSector.Before())
	c.After = waveStats(o.To, c.Orgs, c.All.After(), c.CrossSector.After())

	if HasScores(d, o.Type) {
		s1 := tieScores(d, o.From, o.Type)
		s2 := tieScores(d, o.To, o.Type)
		cs := &ChangeScores{
			Before: universeScores(o.From, s1, in, sec),
			After:  universeScores(o.To, s2, in, sec),
		}
		mean := func(keys []pairKey, sc map[pairKey]TieScore) ScoreMean {
			var a scoreAcc
			for _, k := range keys {
				a.add(sc[k])
			}
			return a.mean()
		}
		cs.New = mean(newTies, s2)
		cs.KeptBefore = mean(keptTies, s1)
		cs.KeptAfter = mean(keptTies, s2)
		cs.DissolvedBefore = mean(dissolvedTies, s1)
		c.Scores = cs
	}
	return c, nil
}

// mergeUnion calls f for each index in the union of two ascending lists,
// once each, in ascending order.
func mergeUnion(a, b []int32, f func(int)) {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			f(int(a[i]))
			i++
		case i == len(a) || b[j] < a[i]:
			f(int(b[j]))
			j++
		default:
			f(int(a[i]))
			i++
			j++
		}
	}
}

func waveStats(wave string, orgs, ties, external int) WaveStats {
	s := WaveStats{Wave: wave, Orgs: orgs, Ties: ties, External: external, Internal: ties - external, EI: math.NaN()}
	if orgs > 1 {
		s.Density = float64(ties) / (float64(orgs) * float64(orgs-1) / 2)
	}
	if orgs > 0 {
		s.MeanDegree = 2 * float64(ties) / float64(orgs)
	}
	if ties > 0 {
		s.EI = float64(s.External-s.Internal) / float64(ties)
	}
	return s
}

func universeScores(wave string, sc map[pairKey]TieScore, in []bool, sec []int) WaveScores {
	var all scoreAcc
	bySP := map[[2]int]*scoreAcc{}
	for _, k := range sortedPairKeys(sc) {
		if !in[k.U] || !in[k.V] {
			continue
		}
		all.add(sc[k])
		sp := sectorPair(sec[k.U], sec[k.V])
		if bySP[sp] == nil {
			bySP[sp] = &scoreAcc{}
		}
		bySP[sp].add(sc[k])
	}
	ws := WaveScores{Wave: wave, All: all.mean()}
	sps := make([][2]int, 0, len(bySP))
	for sp := range bySP {
		sps = append(sps, sp)
	}
	slices.SortFunc(sps, cmpSectorPair)
	for _, sp := range sps {
		ws.SectorPairs = append(ws.SectorPairs, SectorPairScore{A: sp[0], B: sp[1], ScoreMean: bySP[sp].mean()})
	}
	return ws
}

// TopGainers returns up to k organizations that gained the most new
// partners (ties broken by new cross-sector partners, then dataset
// order); organizations with no new partner are left out. k <= 0 means
// all of them.
func (c *Change) TopGainers(k int) []OrgChange {
	var gs []OrgChange
	for _, o := range c.OrgChanges {
		if o.New > 0 {
			gs = append(gs, o)
		}
	}
	slices.SortStableFunc(gs, func(a, b OrgChange) int {
		if a.New != b.New {
			return b.New - a.New
		}
		if a.NewCrossSector != b.NewCrossSector {
			return b.NewCrossSector - a.NewCrossSector
		}
		return a.Org - b.Org
	})
	if k > 0 && len(gs) > k {
		gs = gs[:k]
	}
	return gs
}
