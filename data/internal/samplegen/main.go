// Command samplegen writes sectornet's embedded sample dataset: a synthetic
// cross-sector partnership modelled on the figures of Israel's
// cross-sector initiative for volunteering and social participation
// (../shared/seed): 169 organizations that answered the call for partners,
// six thematic forums of at most 20 seats chaired by members of an
// executive board, 26 forum meetings with 335 attendances, and collaboration
// ties reported in two survey waves, 2012 (before the forums) and 2014
// (after).
//
// Usage, from the repository root:
//
//	go run ./data/internal/samplegen -o data/sample
//
// Every random draw comes from PCG generators with fixed seeds, one per
// part of the dataset, so the same program writes the same bytes on every
// machine. The organizations and people are made up (public bodies appear
// under their generic names); the data describe no real partnership.
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "samplegen:", err)
		os.Exit(1)
	}
}

// run parses the command line and writes the files.
func run(args []string) error {
	fl := flag.NewFlagSet("samplegen", flag.ContinueOnError)
	dir := fl.String("o", "data/sample", "folder to write the CSV files to")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	files := generate()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := os.WriteFile(filepath.Join(*dir, name), files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Targets taken from the seed.
const (
	attendancesTarget = 335 // distinct (meeting, organization) pairs
	guests            = 5   // of which by organizations not seated in the meeting's forum
)

// forumDef is one forum: its seats per sector (which may break the
// representation key on purpose), the organizations placed by hand (the
// chair first), the ministries, centres and nonprofits most likely to fill
// its other seats, and its number of meetings.
type forumDef struct {
	id, name, nameHe, kind string
	capacity               int
	seats                  [nSectors]int
	fixed                  []string // fixed[0] chairs
	prefer                 []string
	meetings               int
}

// The representation key gives a forum of 20 four seats for government,
// three for local authorities, six for business, five for nonprofits and
// two for academia (the measurement forum has its own key). The seats
// below depart from it the way real forums do.
var forums = []forumDef{
	{"education", "Volunteering in education", "התנדבות בחינוך", "forum", 20,
		[nSectors]int{4, 4, 5, 6, 2}, // 21 seats: one over capacity
		[]string{"G03", "G02", "L01", "N01", "A01"},
		[]string{"G07", "G08", "G09", "N06", "N10", "N11", "N39", "N51", "A05", "A14", "A20"}, 5},
	{"welfare", "Volunteering in welfare and community", "התנדבות ברווחה ובקהילה", "forum", 20,
		[nSectors]int{4, 3, 4, 8, 0}, // no academia, nonprofits crowd in
		[]string{"L01", "G02", "G15", "N01", "N02", "B01"},
		[]string{"G10", "G16", "G18", "N05", "N07", "N08", "N20", "N32"}, 5},
	{"health", "Volunteering in health", "התנדבות בבריאות", "forum", 20,
		[nSectors]int{3, 2, 2, 7, 3}, // business under-represented: 2 of 6
		[]string{"N03", "G02", "G04", "N02", "A01", "A02"},
		[]string{"G10", "G16", "B07", "N15", "N26", "N47", "N54", "N63", "A09", "A13"}, 4},
	{"employment", "Volunteering and employment", "התנדבות ותעסוקה", "forum", 20,
		[nSectors]int{3, 2, 9, 3, 1}, // business dominates
		[]string{"B01", "G05", "L01", "N01"},
		[]string{"G09", "G13", "B28", "B36", "B38", "N21", "N60", "A06", "A17"}, 4},
	{"technology", "Technology and infrastructure", "טכנולוגיה ותשתיות", "forum", 20,
		[nSectors]int{3, 2, 5, 3, 1}, // a small forum
		[]string{"B02", "G03", "G06", "B01", "N01"},
		[]string{"G20", "B05", "B27", "B31", "B37", "N23", "N27", "N65", "A12"}, 4},
	{"measurement", "Measurement and knowledge", "מדידה וידע", "forum", 20,
		[nSectors]int{3, 0, 2, 4, 6}, // no local authority though its key wants 10%
		[]string{"A01", "G01", "G02", "G14", "N02"},
		[]string{"G15", "G17", "N36", "A04", "A07", "A10", "A11", "A15"}, 4},
	{"board", "Executive board", "הוועד המנהל", "board", 12,
		[nSectors]int{3, 1, 2, 3, 1}, // the six forum chairs and four others
		[]string{"G01", "G02", "G03", "L01", "B01", "B02", "N01", "N03", "N04", "A01"},
		nil, 0},
}

// quotas is the representation key: public sector 35%, business 30%,
// nonprofits and academia 35%; the measurement forum weighs academia more.
var quotas = []struct {
	forum string
	share [nSectors]string
}{
	{"*", [nSectors]string{"0.2", "0.15", "0.3", "0.25", "0.1"}},
	{"measurement", [nSectors]string{"0.2", "0.1", "0.15", "0.25", "0.3"}},
}

type org struct {
	id, name, sectorID, city, size string
	sector                         int
	person                         string
	activity                       float64 // propensity to collaborate
}

type member struct {
	org    int
	forum  int
	role   string
	person string
}

type meeting struct {
	id    string
	forum int
	date  time.Time
}

type gen struct {
	orgs     []org
	byID     map[string]int
	members  [][]member // per forum, chair first, then in organization order
	extra    []member   // second people sent to a forum
	meetings []meeting
	attend   map[[2]int]string // (meeting, org) -> person
	second   [][3]string       // extra attendance rows: meeting, org, person
	people   *namer
}

func generate() map[string][]byte {
	g := &gen{byID: map[string]int{}, attend: map[[2]int]string{}}
	g.people = newNamer(rand.New(rand.NewPCG(2012, 1)))
	g.makeOrgs(rand.New(rand.NewPCG(2012, 2)))
	g.seat(rand.New(rand.NewPCG(2012, 3)))
	g.schedule(rand.New(rand.NewPCG(2012, 4)))
	g.attendance(rand.New(rand.NewPCG(2012, 5)))
	ties, respondents := g.ties(rand.New(rand.NewPCG(2012, 6)), rand.New(rand.NewPCG(2012, 7)), rand.New(rand.NewPCG(2012, 8)))
	return map[string][]byte{
		"sectors.csv":       g.sectorsCSV(),
		"organizations.csv": g.orgsCSV(),
		"forums.csv":        g.forumsCSV(),
		"participation.csv": g.participationCSV(),
		"meetings.csv":      g.meetingsCSV(),
		"attendance.csv":    g.attendanceCSV(),
		"ties.csv":          ties,
		"quotas.csv":        quotasCSV(),
		"respondents.csv":   respondents,
	}
}

// namer hands out distinct made-up personal names.
type namer struct {
	pool []string
	used map[string]bool
}

func newNamer(rng *rand.Rand) *namer {
	n := &namer{used: map[string]bool{}}
	for _, f := range firstNames {
		for _, l := range lastNames {
			n.pool = append(n.pool, f+" "+l)
		}
	}
	rng.Shuffle(len(n.pool), func(i, j int) { n.pool[i], n.pool[j] = n.pool[j], n.pool[i] })
	return n
}

func (n *namer) next() string {
	for {
		s := n.pool[0]
		n.pool = n.pool[1:]
		if !n.used[s] {
			n.used[s] = true
			return s
		}
	}
}

// individualName returns the person of an academic who answered the call
// alone: "Dr. Yael Mizrahi (independent researcher)" -> "Yael Mizrahi".
func individualName(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "Dr. "), "Prof. ")
	if i := strings.Index(s, " ("); i >= 0 {
		s = s[:i]
	}
	return s
}

func pick[T any](rng *rand.Rand, xs []T, weight func(T) float64) int {
	total := 0.0
	for _, x := range xs {
		total += weight(x)
	}
	u := rng.Float64() * total
	for i, x := range xs {
		u -= weight(x)
		if u < 0 {
			return i
		}
	}
	return len(xs) - 1
}

func (g *gen) makeOrgs(rng *rand.Rand) {
	sizes := []string{"small", "medium", "large"}
	sizeFactor := map[string]float64{"individual": 0.6, "small": 0.7, "medium": 1.0, "large": 1.5}
	for s := range nSectors {
		for k, sp := range orgSpecs[s] {
			o := org{
				id:       fmt.Sprintf("%s%02d", sectorDefs[s].prefix, k+1),
				name:     sp.name,
				sectorID: sectorDefs[s].id,
				sector:   s,
				city:     sp.city,
				size:     sp.size,
			}
			if o.city == "" {
				o.city = cities[pick(rng, cities, func(c struct {
					name   string
					weight float64
				}) float64 {
					return c.weight
				})].name
			}
			if o.size == "" {
				w := sizeWeights[s]
				o.size = sizes[pick(rng, []int{0, 1, 2}, func(i int) float64 { return w[i] })]
			}
			if o.size == "individual" {
				o.person = individualName(o.name)
				g.people.used[o.person] = true
			}
			// Log-normal spread around the size: a few organizations
			// are far better connected than the rest.
			o.activity = sizeFactor[o.size] * math.Exp(0.45*rng.NormFloat64())
			g.byID[o.id] = len(g.orgs)
			g.orgs = append(g.orgs, o)
		}
	}
	for i := range g.orgs {
		if g.orgs[i].person == "" {
			g.orgs[i].person = g.people.next()
		}
	}
}

func (g *gen) id(s string) int {
	i, ok := g.byID[s]
	if !ok {
		panic("samplegen: unknown organization " + s)
	}
	return i
}

// seat fills the forums: the hand-placed organizations first, then every
// other seat by a weighted draw from the seat's sector, favouring the
// organizations that named the forum's theme (prefer) and those not yet
// seated; no drawn organization gets a third forum. Organizations of
// several forums sometimes send a different person to each.
func (g *gen) seat(rng *rand.Rand) {
	count := make([]int, len(g.orgs)) // thematic forums per organization
	fixed := map[int]bool{}
	for _, f := range forums {
		for _, id := range f.fixed {
			fixed[g.id(id)] = true
		}
	}
	g.members = make([][]member, len(forums))
	for fi, f := range forums {
		in := map[int]bool{}
		var need [nSectors]int
		need = f.seats
		for k, id := range f.fixed {
			o := g.id(id)
			in[o] = true
			need[g.orgs[o].sector]--
			role := "member"
			if k == 0 {
				role = "chair"
			}
			g.members[fi] = append(g.members[fi], member{org: o, forum: fi, role: role})
			if f.kind == "forum" {
				count[o]++
			}
		}
		prefer := map[int]bool{}
		for _, id := range f.prefer {
			prefer[g.id(id)] = true
		}
		for s := range nSectors {
			if need[s] < 0 {
				panic(fmt.Sprintf("samplegen: forum %s has more hand-placed seats than sector %d allows", f.id, s))
			}
			for range need[s] {
				var cand []int
				for o := range g.orgs {
					if g.orgs[o].sector == s && !in[o] && !fixed[o] && count[o] < 2 {
						cand = append(cand, o)
					}
				}
				o := cand[pick(rng, cand, func(o int) float64 {
					w := 1.0
					if count[o] == 1 {
						w = 0.3
					}
					if prefer[o] {
						w *= 5
					}
					return w
				})]
				in[o] = true
				count[o]++
				g.members[fi] = append(g.members[fi], member{org: o, forum: fi, role: "member"})
			}
		}
		rest := g.members[fi][1:]
		slices.SortFunc(rest, func(a, b member) int { return a.org - b.org })
	}
	// People: an organization's usual representative, except that a
	// large organization sends someone else to about half of its other
	// forums.
	seen := make([]int, len(g.orgs))
	for fi := range g.members {
		for k := range g.members[fi] {
			m := &g.members[fi][k]
			o := g.orgs[m.org]
			m.person = o.person
			if seen[m.org] > 0 && o.size == "large" && rng.Float64() < 0.5 {
				m.person = g.people.next()
			}
			seen[m.org]++
		}
	}
	// Two organizations send a second person to a forum (the same
	// organization twice in participation.csv counts once).
	for _, fid := range []string{"education", "employment"} {
		fi := g.forumIndex(fid)
		ms := g.members[fi][1:]
		m := ms[rng.IntN(len(ms))]
		g.extra = append(g.extra, member{org: m.org, forum: fi, role: "member", person: g.people.next()})
	}
}

func (g *gen) forumIndex(id string) int {
	for i, f := range forums {
		if f.id == id {
			return i
		}
	}
	panic("samplegen: unknown forum " + id)
}

// schedule dates each forum's meetings from early 2013 to late 2014, three
// to five months apart, on working days (Sunday to Thursday), and numbers
// them M01, M02, ... in date order.
func (g *gen) schedule(rng *rand.Rand) {
	start := time.Date(2013, 1, 6, 0, 0, 0, 0, time.UTC)
	end := time.Date(2014, 10, 30, 0, 0, 0, 0, time.UTC)
	for fi, f := range forums {
		if f.meetings == 0 {
			continue
		}
		first := start.AddDate(0, 0, 9*fi+rng.IntN(21))
		span := end.Sub(first).Hours() / 24
		step := span / float64(f.meetings-1)
		for k := range f.meetings {
			d := first.AddDate(0, 0, int(float64(k)*step*(0.85+0.1*rng.Float64())))
			for d.Weekday() == time.Friday || d.Weekday() == time.Saturday {
				d = d.AddDate(0, 0, 1)
			}
			g.meetings = append(g.meetings, meeting{forum: fi, date: d})
		}
	}
	slices.SortStableFunc(g.meetings, func(a, b meeting) int { return a.date.Compare(b.date) })
	for i := range g.meetings {
		g.meetings[i].id = fmt.Sprintf("M%02d", i+1)
	}
}

// attendance decides who came to each meeting: chairs come to every
// meeting of their forum; six seated members never come (three of them
// businesses); the others are drawn without replacement, weighted by their
// sector's commitment (business lowest), their own, and a slow decline
// over the forum's life, until 335 - 5 seats are taken; then five guests
// (organizations with no seat in the forum) attend one meeting each. About
// one attendance in ten names someone other than the member's
// representative, and four organizations send a second person.
//
// Commitment decays the way the seed describes ("differing levels of
// commitment"): businesses come keenly to a forum's first two meetings and
// fade after them; three nonprofits seated in one forum stop coming, missing
// its last three meetings; and the technology forum's academic member comes
// to its first meeting only, leaving that forum without academia.
func (g *gen) attendance(rng *rand.Rand) {
	sectorRate := [nSectors]float64{gov: 0.8, local: 0.65, business: 0.45, nonprofit: 0.85, academia: 0.75}
	commit := make([]float64, len(g.orgs))
	for o := range commit {
		commit[o] = 0.6 + 0.6*rng.Float64()
	}
	// Never-comers: seated once, not hand-placed.
	never := map[[2]int]bool{} // (forum, org)
	quota := [nSectors]int{gov: 1, local: 1, business: 3, academia: 1}
	var seatedOnce []member
	times := map[int]int{}
	for fi, f := range forums {
		if f.kind != "forum" {
			continue
		}
		for _, m := range g.members[fi] {
			times[m.org]++
		}
	}
	for fi, f := range forums {
		if f.kind != "forum" {
			continue
		}
		for _, m := range g.members[fi] {
			if times[m.org] == 1 && !slices.Contains(f.fixed, g.orgs[m.org].id) {
				seatedOnce = append(seatedOnce, m)
			}
		}
	}
	rng.Shuffle(len(seatedOnce), func(i, j int) { seatedOnce[i], seatedOnce[j] = seatedOnce[j], seatedOnce[i] })
	for _, m := range seatedOnce {
		s := g.orgs[m.org].sector
		if quota[s] > 0 {
			quota[s]--
			never[[2]int{m.forum, m.org}] = true
		}
	}

	// Members who stop coming, missing their forum's last three meetings:
	// three nonprofits seated once, and the technology forum's academic
	// member.
	stops := map[[2]int]bool{} // (forum, org)
	nonprofitStops := 3
	for _, m := range seatedOnce {
		if never[[2]int{m.forum, m.org}] || m.role == "chair" {
			continue
		}
		switch s := g.orgs[m.org].sector; {
		case s == nonprofit && nonprofitStops > 0:
			nonprofitStops--
			stops[[2]int{m.forum, m.org}] = true
		case s == academia && forums[m.forum].id == "technology":
			stops[[2]int{m.forum, m.org}] = true
		}
	}
	// Business commitment by the meeting's number within its forum: keen
	// at the first two meetings, fading after them.
	businessFade := func(k int) float64 {
		if k < 2 {
			return 1.4
		}
		return 0.3
	}

	type cand struct {
		meeting int
		m       member
		key     float64
	}
	var cands []cand
	taken := 0
	for mi, mt := range g.meetings {
		k := 0 // the meeting's number within its forum
		for _, x := range g.meetings[:mi] {
			if x.forum == mt.forum {
				k++
			}
		}
		for _, m := range g.members[mt.forum] {
			switch {
			case m.role == "chair":
				g.attend[[2]int{mi, m.org}] = m.person
				taken++
			case never[[2]int{m.forum, m.org}]:
			case stops[[2]int{m.forum, m.org}] && k >= max(1, forums[mt.forum].meetings-3):
			default:
				w := sectorRate[g.orgs[m.org].sector] * commit[m.org] * (1 - 0.05*float64(k))
				if g.orgs[m.org].sector == business {
					w *= businessFade(k)
				}
				// Efraimidis-Spirakis: the n largest keys log(u)/w are a
				// weighted sample of n without replacement.
				cands = append(cands, cand{mi, m, math.Log(1-rng.Float64()) / w})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return -cmpFloat(a.key, b.key) })
	for _, c := range cands[:attendancesTarget-guests-taken] {
		person := c.m.person
		if rng.Float64() < 0.1 {
			person = g.people.next()
		}
		g.attend[[2]int{c.meeting, c.m.org}] = person
	}
	// Guests: organizations seated in no forum at all, invited to present.
	seated := map[int]bool{}
	for fi := range g.members {
		for _, m := range g.members[fi] {
			seated[m.org] = true
		}
	}
	var outside []int
	for o := range g.orgs {
		if !seated[o] {
			outside = append(outside, o)
		}
	}
	for range guests {
		mi := rng.IntN(len(g.meetings))
		k := rng.IntN(len(outside))
		o := outside[k]
		outside = slices.Delete(outside, k, k+1)
		g.attend[[2]int{mi, o}] = g.orgs[o].person
	}
	// Second people at four meetings.
	keys := slices.SortedFunc(maps.Keys(g.attend), cmpPair)
	for range 4 {
		i := rng.IntN(len(keys))
		k := keys[i]
		keys = slices.Delete(keys, i, i+1)
		g.second = append(g.second, [3]string{g.meetings[k[0]].id, g.orgs[k[1]].id, g.people.next()})
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpPair(a, b [2]int) int {
	if a[0] != b[0] {
		return a[0] - b[0]
	}
	return a[1] - b[1]
}

// affinity is how likely two sectors are to collaborate, relative to each
// other: ministries with ministries and local authorities, nonprofits with
// nonprofits and municipalities; business keeps to itself.
var affinity = [nSectors][nSectors]float64{
	gov:       {gov: 1.4, local: 1.2, business: 0.3, nonprofit: 0.8, academia: 0.6},
	local:     {gov: 1.2, local: 0.6, business: 0.4, nonprofit: 1.0, academia: 0.3},
	business:  {gov: 0.3, local: 0.4, business: 0.7, nonprofit: 0.6, academia: 0.3},
	nonprofit: {gov: 0.8, local: 1.0, business: 0.6, nonprofit: 1.0, academia: 0.5},
	academia:  {gov: 0.6, local: 0.3, business: 0.3, nonprofit: 0.5, academia: 1.0},
}

type tie struct {
	a, b     int // a < b
	kind     string
	strength float64 // base weight 1..3
	trust    float64
	value    float64
}

// ties draws the collaboration network of 2012 (before the forums) and of
// 2014 (after) and the survey reports of both waves:
//   - 2012: about 200 ties, each pair with a chance proportional to the two
//     organizations' activity (higher for those later seated in several
//     forums) and their sectors' affinity;
//   - 2014: 2012's ties kept with chance 0.78 (0.92 between organizations
//     that sat or met together), and new ties: about 85 between
//     co-participants (more likely the more forums and meetings they
//     shared) and about 35 elsewhere;
//   - respondents (drawn from their own generator, respRng): an
//     organization answers the survey with chance 0.85 in 2012 and, in
//     2014, 0.9 if seated in a forum and 0.7 otherwise, except businesses,
//     which under-respond: 0.5 in 2012, 0.55 seated and 0.4 not in 2014;
//     each respondent answers on a day of the survey's four weeks (May
//     2012, April 2014), by its contact person; respondents.csv lists them
//     all, including those that named no partner;
//   - reports, each directed (source about target): of a tie's two ends
//     that answered, the first names it with chance 0.95 and the second
//     with chance 0.45, so some ties are reported by both sides (each with
//     its own weight and scores), many by one side only, and a few by
//     neither;
//   - PARTNER items (from their own generator, partnerRng): the 2014
//     questionnaire also asked PARTNER's six dimensions, each report's
//     reliability, mission and openness around its trust, and power,
//     involvement and resources around its value (rounded to 1-4, 5% left
//     blank); 2012 did not ask them;
//   - two hubs that share four forums, L01 and N01, are rivals: no tie in
//     either wave.
func (g *gen) ties(rng, respRng, partnerRng *rand.Rand) (ties, respondents []byte) {
	n := len(g.orgs)
	// Co-participation: shared forum (board included) or meeting.
	shared := map[[2]int]int{} // pair -> meetings attended together
	co := map[[2]int]bool{}
	for fi := range g.members {
		ms := g.members[fi]
		for x := range ms {
			for _, y := range ms[x+1:] {
				co[pairOf(ms[x].org, y.org)] = true
			}
		}
	}
	byMeeting := make([][]int, len(g.meetings))
	for _, k := range slices.SortedFunc(maps.Keys(g.attend), cmpPair) {
		byMeeting[k[0]] = append(byMeeting[k[0]], k[1])
	}
	for _, os := range byMeeting {
		for x := range os {
			for _, y := range os[x+1:] {
				p := pairOf(os[x], y)
				co[p] = true
				shared[p]++
			}
		}
	}
	// The organizations seated in several forums were the field's hubs
	// before the initiative too: that is why they were given the seats.
	forumsOf := make([]int, n)
	sharedForums := map[[2]int]int{}
	for fi := range g.members {
		for x, m := range g.members[fi] {
			forumsOf[m.org]++
			for _, y := range g.members[fi][x+1:] {
				sharedForums[pairOf(m.org, y.org)]++
			}
		}
	}
	activity := make([]float64, n)
	for o := range activity {
		activity[o] = g.orgs[o].activity * (1 + 0.3*float64(max(0, forumsOf[o]-1)))
	}
	act := func(p [2]int) float64 {
		return activity[p[0]] * activity[p[1]] * affinity[g.orgs[p[0]].sector][g.orgs[p[1]].sector]
	}
	// Rivals: the two national hubs of volunteering sit together in four
	// forums and never report working together (the seed's "competition
	// between partners that created tension").
	rivals := pairOf(g.id("L01"), g.id("N01"))
	var all [][2]int
	for a := range n {
		for b := a + 1; b < n; b++ {
			if p := [2]int{a, b}; p != rivals {
				all = append(all, p)
			}
		}
	}
	scale := func(pairs [][2]int, w func([2]int) float64, want float64) float64 {
		sum := 0.0
		for _, p := range pairs {
			sum += w(p)
		}
		return want / sum
	}
	kind := func(pJoint, pRes float64) string {
		u := rng.Float64()
		switch {
		case u < pJoint:
			return "joint project"
		case u < pJoint+pRes:
			return "resources"
		}
		return "information"
	}
	newTie := func(p [2]int, k string, trust float64) tie {
		s := 1 + rng.Float64()*1.5
		v := 2.3 + 0.6*rng.NormFloat64()
		if k == "joint project" {
			s += 0.8
			v += 0.6
		}
		return tie{a: p[0], b: p[1], kind: k, strength: s, trust: trust + 0.6*rng.NormFloat64(), value: v}
	}

	// Wave 2012.
	c := scale(all, act, 200)
	var w12 []tie
	for _, p := range all {
		if rng.Float64() < min(0.9, c*act(p)) {
			w12 = append(w12, newTie(p, kind(0.15, 0.25), 2.6))
		}
	}
	// Wave 2014.
	had := map[[2]int]bool{}
	var w14 []tie
	for _, t := range w12 {
		p := [2]int{t.a, t.b}
		had[p] = true
		keep := 0.78
		if co[p] {
			keep = 0.92
		}
		if rng.Float64() >= keep {
			continue
		}
		t.strength = min(3.4, t.strength+0.3*rng.Float64())
		t.trust += 0.3
		if co[p] && t.kind != "joint project" && rng.Float64() < 0.15 {
			t.kind = "joint project"
			t.value += 0.6
		}
		w14 = append(w14, t)
	}
	var coPairs, otherPairs [][2]int
	for _, p := range all {
		switch {
		case had[p]:
		case co[p]:
			coPairs = append(coPairs, p)
		default:
			otherPairs = append(otherPairs, p)
		}
	}
	coW := func(p [2]int) float64 {
		return math.Sqrt(activity[p[0]]*activity[p[1]]) * float64(max(1, sharedForums[p])) * (1 + 0.4*float64(shared[p]))
	}
	cc := scale(coPairs, coW, 85)
	co0 := scale(otherPairs, act, 35)
	for _, p := range all {
		switch {
		case had[p]:
		case co[p]:
			if rng.Float64() < min(0.9, cc*coW(p)) {
				w14 = append(w14, newTie(p, kind(0.35, 0.2), 2.8))
			}
		default:
			if rng.Float64() < min(0.9, co0*act(p)) {
				w14 = append(w14, newTie(p, kind(0.15, 0.25), 2.5))
			}
		}
	}
	slices.SortFunc(w14, func(x, y tie) int { return cmpPair([2]int{x.a, x.b}, [2]int{y.a, y.b}) })

	seated := make([]bool, n)
	for fi := range g.members {
		for _, m := range g.members[fi] {
			seated[m.org] = true
		}
	}
	type row struct {
		src, dst int
		wave     string
		t        tie
	}
	var rows []row
	var respRecs [][]string
	for _, wave := range []struct {
		name  string
		start time.Time
		ties  []tie
		resp  func(o int) float64
	}{
		{"2012", time.Date(2012, 5, 1, 0, 0, 0, 0, time.UTC), w12, func(o int) float64 {
			if g.orgs[o].sector == business {
				return 0.5
			}
			return 0.85
		}},
		{"2014", time.Date(2014, 4, 1, 0, 0, 0, 0, time.UTC), w14, func(o int) float64 {
			switch {
			case g.orgs[o].sector == business && seated[o]:
				return 0.55
			case g.orgs[o].sector == business:
				return 0.4
			case seated[o]:
				return 0.9
			}
			return 0.7
		}},
	} {
		respond := make([]bool, n)
		for o := range respond {
			respond[o] = respRng.Float64() < wave.resp(o)
			if respond[o] {
				day := wave.start.AddDate(0, 0, respRng.IntN(28))
				respRecs = append(respRecs, []string{g.orgs[o].id, wave.name, day.Format("2006-01-02"), g.orgs[o].person})
			}
		}
		var wr []row
		for _, t := range wave.ties {
			ends := [][2]int{{t.a, t.b}, {t.b, t.a}}
			if rng.IntN(2) == 1 {
				ends[0], ends[1] = ends[1], ends[0]
			}
			reported := false
			for _, e := range ends {
				if !respond[e[0]] {
					continue
				}
				// The first respondent names the tie almost surely;
				// the other one recalls it less often.
				if p := 0.95; reported {
					p = 0.45
					if rng.Float64() >= p {
						continue
					}
				} else if rng.Float64() >= p {
					continue
				}
				reported = true
				wr = append(wr, row{e[0], e[1], wave.name, t})
			}
		}
		slices.SortStableFunc(wr, func(x, y row) int { return cmpPair([2]int{x.src, x.dst}, [2]int{y.src, y.dst}) })
		rows = append(rows, wr...)
	}

	score := func(x float64) string {
		if rng.Float64() < 0.08 {
			return "" // item left blank
		}
		return strconv.Itoa(int(math.Round(min(4, max(1, x)))))
	}
	item := func(x float64) string {
		if partnerRng.Float64() < 0.05 {
			return ""
		}
		return strconv.Itoa(int(math.Round(min(4, max(1, x+0.5*partnerRng.NormFloat64())))))
	}
	var recs [][]string
	for _, r := range rows {
		// Each respondent judges the tie a little differently.
		w := int(math.Round(min(3, max(1, r.t.strength+0.5*rng.NormFloat64()))))
		rec := []string{g.orgs[r.src].id, g.orgs[r.dst].id, r.wave, r.t.kind,
			strconv.Itoa(w), score(r.t.trust + 0.4*rng.NormFloat64()), score(r.t.value + 0.4*rng.NormFloat64())}
		if r.wave == "2014" {
			for _, base := range []float64{r.t.trust, r.t.trust, r.t.trust, r.t.value, r.t.value, r.t.value} {
				rec = append(rec, item(base))
			}
		} else {
			rec = append(rec, "", "", "", "", "", "")
		}
		recs = append(recs, rec)
	}
	ties = writeCSV([]string{"source", "target", "wave", "type", "weight", "trust", "value",
		"reliability", "mission", "openness", "power", "involvement", "resources"}, recs)
	return ties, writeCSV([]string{"org", "wave", "date", "person"}, respRecs)
}

func pairOf(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

func writeCSV(header []string, recs [][]string) []byte {
	var b bytes.Buffer
	// No comment line: the files must open as plain CSV in Excel, R and
	// pandas; data/sample/README.md and `summary` say the data is synthetic.
	w := csv.NewWriter(&b)
	w.Write(header)
	w.WriteAll(recs) // flushes; a bytes.Buffer does not fail
	if err := w.Error(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func (g *gen) sectorsCSV() []byte {
	var recs [][]string
	for _, s := range sectorDefs {
		recs = append(recs, []string{s.id, s.label, s.color})
	}
	return writeCSV([]string{"id", "label", "color"}, recs)
}

func (g *gen) orgsCSV() []byte {
	var recs [][]string
	for _, o := range g.orgs {
		recs = append(recs, []string{o.id, o.name, o.sectorID, o.city, o.size})
	}
	return writeCSV([]string{"id", "name", "sector", "city", "size"}, recs)
}

func (g *gen) forumsCSV() []byte {
	var recs [][]string
	for _, f := range forums {
		recs = append(recs, []string{f.id, f.name, f.kind, strconv.Itoa(f.capacity), f.nameHe})
	}
	return writeCSV([]string{"id", "name", "kind", "capacity", "name_he"}, recs)
}

func (g *gen) participationCSV() []byte {
	var recs [][]string
	for fi := range g.members {
		for _, m := range g.members[fi] {
			recs = append(recs, []string{g.orgs[m.org].id, forums[fi].id, m.role, m.person})
			for _, x := range g.extra {
				if x.forum == fi && x.org == m.org {
					recs = append(recs, []string{g.orgs[x.org].id, forums[fi].id, x.role, x.person})
				}
			}
		}
	}
	return writeCSV([]string{"org", "forum", "role", "person"}, recs)
}

func (g *gen) meetingsCSV() []byte {
	var recs [][]string
	for _, m := range g.meetings {
		recs = append(recs, []string{m.id, forums[m.forum].id, m.date.Format("2006-01-02")})
	}
	return writeCSV([]string{"id", "forum", "date"}, recs)
}

func (g *gen) attendanceCSV() []byte {
	var recs [][]string
	for _, k := range slices.SortedFunc(maps.Keys(g.attend), cmpPair) {
		mid, oid := g.meetings[k[0]].id, g.orgs[k[1]].id
		recs = append(recs, []string{mid, oid, g.attend[k]})
		for _, s := range g.second {
			if s[0] == mid && s[1] == oid {
				recs = append(recs, s[:])
			}
		}
	}
	return writeCSV([]string{"meeting", "org", "person"}, recs)
}

func quotasCSV() []byte {
	var recs [][]string
	for _, q := range quotas {
		for s := range nSectors {
			recs = append(recs, []string{q.forum, sectorDefs[s].id, q.share[s]})
		}
	}
	return writeCSV([]string{"forum", "sector", "share"}, recs)
}
