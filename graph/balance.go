package graph

import (
	"maps"
	"math"
	"slices"
)

// KeyAll is the forum id of quota rows that apply to every forum without
// quota rows of its own.
const KeyAll = "*"

// Key returns the representation key of the forum with the given id: the
// target share of each sector of d.Sectors (by index), from the quota rows
// of that forum if it has any, else from the rows of forum "*". A sector
// the key does not mention is untargeted (NaN). source says which rows were
// used: the forum's id, "*", or "" when there is no key at all (every
// target NaN).
func Key(d *Dataset, forum string) (targets []float64, source string) {
	return newKeys(d).key(forum)
}

// keys indexes the quota rows by forum.
type keys struct {
	rows     map[string][]Quota
	sectors  map[string]int
	nSectors int
}

func newKeys(d *Dataset) keys {
	k := keys{rows: map[string][]Quota{}, sectors: d.SectorIndex(), nSectors: len(d.Sectors)}
	for _, q := range d.Quotas {
		k.rows[q.Forum] = append(k.rows[q.Forum], q)
	}
	return k
}

func (ks keys) key(forum string) (targets []float64, source string) {
	targets = make([]float64, ks.nSectors)
	for k := range targets {
		targets[k] = math.NaN()
	}
	for _, src := range []string{forum, KeyAll} {
		for _, q := range ks.rows[src] {
			if k, ok := ks.sectors[q.Sector]; ok {
				targets[k] = q.Share
				source = src
			}
		}
		if source != "" {
			return targets, source
		}
	}
	return targets, ""
}

// SectorBalance is one sector's place in a forum (or in all forums).
type SectorBalance struct {
	Sector  int // index in d.Sectors
	Members int // member organizations of the sector (all forums: seats)
	// Share is Members over the forum's members; NaN for an empty forum.
	Share float64
	// Target is the key's share for the sector, NaN when the key does not
	// mention it (or there is no key).
	Target float64
	Gap    float64 // Share - Target; NaN when either is NaN
	// Attended counts the (meeting, organization) pairs of the sector at
	// the forum's meetings: everyone present, members or guests, each
	// organization once per meeting however many people it sent.
	Attended int
	// AttendanceShare is Attended over all attendances at the forum's
	// meetings; NaN when there were none.
	AttendanceShare float64
	AttendanceGap   float64 // AttendanceShare - Target
	// MemberAttended counts the attendances of the sector's members only.
	MemberAttended int
	// AttendanceRate is MemberAttended / (Members × meetings of the
	// forum): the share of the meetings the sector's members could have
	// attended that they did attend. For all forums, the sums over forums
	// of both. NaN when the sector has no members or the forum no meetings.
	AttendanceRate float64
}

// ForumBalance is the sector composition of one forum (or of all forums)
// measured against its representation key.
type ForumBalance struct {
	Forum         int    // index in d.Forums; -1 for all forums together
	KeySource     string // quota rows used: the forum's id, "*", "" for none; "forums" for all forums
	Members       int    // member organizations (all forums: seats, Σ over forums)
	Organizations int    // distinct member organizations
	Capacity      int    // the forum's capacity, 0 when not given (all forums: Σ over forums with one)
	// OverCapacity is the number of members beyond the capacity (0 when
	// within it or when there is no capacity); for all forums, the sum
	// over forums.
	OverCapacity int
	Blau         float64 // Blau(shares)
	IQV          float64 // IQV(shares, number of sectors in the dataset)
	Entropy      float64 // Entropy(shares), in nats
	// Missing lists the sectors (indices) with a positive target and no
	// member.
	Missing []int
	Sectors []SectorBalance // one per sector of d.Sectors, in order
	Test    FitTest
	// RTest is what R's chisq.test(x, p = key, rescale.p = TRUE) gives on
	// the members of each sector, one category per sector, when that
	// differs from Test's categories: when the key gives a sector a share
	// of 0, which Test leaves out of X² and df and R counts (with 0/0 =
	// NaN when the sector is empty). Nil when they agree, and when the key
	// leaves two or more sectors out (Pooled), as R then has no share for
	// each of them. Set per forum, not for all forums together.
	RTest *RChiSquare
	// Pooled lists the sectors (indices) the key leaves out when there are
	// two or more: Test counts their members together in one category,
	// expected to take the share the key leaves unallocated.
	Pooled           []int
	Meetings         int // meetings of the forum (all forums: Σ)
	Attendances      int // (meeting, organization) pairs at them
	GuestAttendances int // of which by organizations that are not members
}

// RChiSquare is a chi-square test as R's chisq.test computes it (see
// RChiSquareTest).
type RChiSquare struct {
	Statistic float64
	DF        int
	PValue    float64
	Zero      []int // the sectors whose share is 0
}

// Balance is the sector balance of a selection of forums.
type Balance struct {
	Forums  []ForumBalance // in the order asked for
	Overall ForumBalance   // all of them together
}

// restCategory is the test category of the sectors a key leaves
// untargeted.
const restCategory = -1

// keyShares turns a key (target share or NaN per sector) into the shares a
// goodness-of-fit test compares with: cat[k] is sector k's category (its
// own index when targeted, restCategory when not) and probs maps each
// category to its share.
//
// Targeted sectors keep their targets. The sectors the key leaves
// untargeted form one category whose share is what the key leaves
// unallocated, 1 - Σ targets. When nothing is left unallocated (within
// 1e-9), or every sector is targeted so nobody could fill the remainder (a
// key of 0.33, 0.33, 0.33 meaning thirds), the targets are rescaled to sum
// to 1 and the untargeted category, if any, gets 0. ok is false when there
// is nothing to test against: no key, or every target 0 with no sector
// left out.
func keyShares(targets []float64) (cat []int, probs map[int]float64, ok bool) {
	cat = make([]int, len(targets))
	probs = map[int]float64{}
	sum, untargeted, keyed := 0.0, false, false
	for k, t := range targets {
		if math.IsNaN(t) {
			cat[k] = restCategory
			untargeted = true
			continue
		}
		keyed = true
		cat[k] = k
		probs[k] = t
		sum += t
	}
	if !keyed {
		return nil, nil, false
	}
	if untargeted && 1-sum > 1e-9 {
		probs[restCategory] = 1 - sum
		return cat, probs, true
	}
	if sum == 0 {
		return nil, nil, false
	}
	for c := range probs {
		probs[c] /= sum
	}
	if untargeted {
		probs[restCategory] = 0
	}
	return cat, probs, true
}

// SectorBalances measures the sector composition of the forums of d with
// the given indices (every forum when nil) against the representation key
// (quotas.csv: a forum's own rows, else the rows of "*"), in membership
// and in attendance, and of all of them together.
//
// For each forum: members per sector (distinct organizations of
// participation.csv; two people of one organization count once), their
// share, the target and the gap share - target; Blau's index, the IQV and
// Shannon entropy of the shares over all sectors of the dataset; the
// sectors with a positive target and no member; members beyond capacity;
// a goodness-of-fit test of the counts against the key (see
// GoodnessOfFit; the key's untargeted sectors form one category, see
// below); and voice: the same shares over the attendances at the forum's
// meetings (guests included) and each sector's attendance rate.
//
// Keys: a sector the key leaves out has no target (no gap, never
// missing). In the test, the sectors a key leaves out are pooled into one
// category expected to take the share the key leaves unallocated
// (1 - Σ targets); when nothing is left unallocated, or the key names
// every sector (so nobody could take the remainder: 0.33, 0.33, 0.33 means
// thirds), the targets are rescaled to sum to 1. Gaps always use the
// targets as written. A target of 0 says the sector should have no seat:
// a member of it makes the test's p-value 0 (and is a gap, never missing).
//
// All forums together count seats (an organization in three forums
// counts three times). Their target for a sector is the seat-weighted
// mean of the forums' targets (Σ_f n_f t_f / Σ_f n_f, a forum whose key
// leaves the sector out counting 0; with no seats at all, the plain mean),
// which is what the keys ask of the seats that exist; their test compares
// the pooled counts with the pooled expected counts Σ_f n_f p_f. When
// every forum has the same key that is the exact multinomial model of the
// seats; when keys differ, the pooled counts vary less than a multinomial
// and the test is conservative. Seats of forums without a key are left out
// of that test.
func SectorBalances(d *Dataset, forums []int) Balance {
	if forums == nil {
		forums = make([]int, len(d.Forums))
		for f := range forums {
			forums[f] = f
		}
	}
	ns := len(d.Sectors)
	sec := d.OrgSectors()
	fa := ForumAffiliation(d)
	ma := MeetingAffiliation(d)
	fi := d.ForumIndex()
	meetings := make([][]int, len(d.Forums))
	for m, mt := range d.Meetings {
		if f, ok := fi[mt.Forum]; ok {
			meetings[f] = append(meetings[f], m)
		}
	}

	keys := newKeys(d)
	forumTargets := make([][]float64, len(forums))
	var b Balance
	all := ForumBalance{Forum: -1, KeySource: "forums", Sectors: make([]SectorBalance, ns)}
	for k := range all.Sectors {
		all.Sectors[k].Sector = k
	}
	allTarget := make([]float64, ns)
	targeted := make([]bool, ns)
	allObs := map[int]int{}
	allExp := map[int]float64{}
	orgs := map[int32]bool{}
	for i, f := range forums {
		fb := ForumBalance{Forum: f, Capacity: d.Forums[f].Capacity, Sectors: make([]SectorBalance, ns)}
		targets, src := keys.key(d.Forums[f].ID)
		forumTargets[i] = targets
		fb.KeySource = src
		member := map[int32]bool{}
		for _, o := range fa.GroupMembers[f] {
			member[o] = true
			orgs[o] = true
			if k := sec[o]; k >= 0 {
				fb.Sectors[k].Members++
			}
		}
		fb.Members = len(fa.GroupMembers[f])
		fb.Organizations = fb.Members
		if fb.Capacity > 0 && fb.Members > fb.Capacity {
			fb.OverCapacity = fb.Members - fb.Capacity
		}
		fb.Meetings = len(meetings[f])
		for _, m := range meetings[f] {
			for _, o := range ma.GroupMembers[m] {
				fb.Attendances++
				k := sec[o]
				if !member[o] {
					fb.GuestAttendances++
				}
				if k < 0 {
					continue
				}
				fb.Sectors[k].Attended++
				if member[o] {
					fb.Sectors[k].MemberAttended++
				}
			}
		}
		for k := range fb.Sectors {
			fb.Sectors[k].Sector = k
			fb.Sectors[k].Target = targets[k]
		}
		finish(&fb)

		// The test: counts per category of the key.
		fb.Test = GoodnessOfFit(nil, nil)
		if cat, probs, ok := keyShares(targets); ok {
			obs, ps := categoryCounts(fb.Sectors, cat, probs)
			fb.Test = GoodnessOfFit(obs, ps)
			if fb.Members > 0 {
				fb.RTest, fb.Pooled = rawTest(fb.Sectors, cat, probs)
			}
			for k, s := range fb.Sectors {
				allObs[cat[k]] += s.Members
			}
			for c, p := range probs {
				allExp[c] += float64(fb.Members) * p
			}
		}

		// All forums together.
		all.Members += fb.Members
		all.Capacity += fb.Capacity
		all.OverCapacity += fb.OverCapacity
		all.Meetings += fb.Meetings
		all.Attendances += fb.Attendances
		all.GuestAttendances += fb.GuestAttendances
		w := float64(fb.Members)
		for k, s := range fb.Sectors {
			a := &all.Sectors[k]
			a.Members += s.Members
			a.Attended += s.Attended
			a.MemberAttended += s.MemberAttended
			a.AttendanceRate += float64(s.Members * fb.Meetings) // the rate's denominator, for now
			if !math.IsNaN(s.Target) {
				targeted[k] = true
				allTarget[k] += w * s.Target
			}
		}
		b.Forums = append(b.Forums, fb)
	}
	all.Organizations = len(orgs)
	for k := range all.Sectors {
		a := &all.Sectors[k]
		a.Target = math.NaN()
		if targeted[k] {
			if all.Members > 0 {
				a.Target = allTarget[k] / float64(all.Members)
			} else {
				// No seats: the plain mean of the forums' targets.
				s := 0.0
				for _, t := range forumTargets {
					if !math.IsNaN(t[k]) {
						s += t[k]
					}
				}
				a.Target = s / float64(len(forums))
			}
		}
	}
	denom := make([]float64, ns)
	for k := range all.Sectors {
		denom[k] = all.Sectors[k].AttendanceRate
	}
	finish(&all)
	for k := range all.Sectors {
		all.Sectors[k].AttendanceRate = ratio(all.Sectors[k].MemberAttended, denom[k])
	}
	// The pooled test; seats of forums without a key are outside it.
	all.Test = GoodnessOfFit(nil, nil)
	cs := slices.Sorted(maps.Keys(allExp)) // sum in one order: same bits every run
	total := 0.0
	for _, c := range cs {
		total += allExp[c]
	}
	if total > 0 {
		obs := make([]int, len(cs))
		ps := make([]float64, len(cs))
		for i, c := range cs {
			obs[i] = allObs[c]
			ps[i] = allExp[c] / total
		}
		all.Test = GoodnessOfFit(obs, ps)
	}
	b.Overall = all
	return b
}

// rawTest returns R's chisq.test on one category per sector when it
// differs from the test on the key's categories (a share of 0), or the
// sectors pooled into one category when the key leaves out two or more.
func rawTest(ss []SectorBalance, cat []int, probs map[int]float64) (*RChiSquare, []int) {
	var pooled, zero []int
	for k := range ss {
		if cat[k] == restCategory {
			pooled = append(pooled, k)
		}
		if probs[cat[k]] == 0 {
			zero = append(zero, k)
		}
	}
	if len(pooled) >= 2 {
		return nil, pooled
	}
	if zero == nil {
		return nil, nil
	}
	obs := make([]int, len(ss))
	ps := make([]float64, len(ss))
	for k, s := range ss {
		obs[k], ps[k] = s.Members, probs[cat[k]]
	}
	x2, df, p := RChiSquareTest(obs, ps)
	return &RChiSquare{Statistic: x2, DF: df, PValue: p, Zero: zero}, nil
}

// categoryCounts adds up the members per test category, categories in
// increasing order (the rest first).
func categoryCounts(ss []SectorBalance, cat []int, probs map[int]float64) ([]int, []float64) {
	cs := slices.Sorted(maps.Keys(probs))
	idx := map[int]int{}
	for i, c := range cs {
		idx[c] = i
	}
	obs := make([]int, len(cs))
	ps := make([]float64, len(cs))
	for i, c := range cs {
		ps[i] = probs[c]
	}
	for k, s := range ss {
		obs[idx[cat[k]]] += s.Members
	}
	return obs, ps
}

// finish fills the shares, gaps, diversity indices and missing sectors of
// fb from its counts and targets; the attendance rate is per forum.
func finish(fb *ForumBalance) {
	shares := make([]float64, len(fb.Sectors))
	attended := 0
	for _, s := range fb.Sectors {
		attended += s.Attended
	}
	fb.Missing = nil
	for k := range fb.Sectors {
		s := &fb.Sectors[k]
		s.Share = ratio(s.Members, float64(fb.Members))
		s.Gap = s.Share - s.Target
		s.AttendanceShare = ratio(s.Attended, float64(attended))
		s.AttendanceGap = s.AttendanceShare - s.Target
		s.AttendanceRate = ratio(s.MemberAttended, float64(s.Members*fb.Meetings))
		shares[k] = s.Share
		if s.Target > 0 && s.Members == 0 {
			fb.Missing = append(fb.Missing, k)
		}
	}
	fb.Blau = Blau(shares)
	fb.IQV = IQV(shares, len(shares))
	fb.Entropy = Entropy(shares)
}

func ratio(a int, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / b
}
