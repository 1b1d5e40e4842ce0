package graph

import (
	"context"
	"fmt"
	"slices"
	"strconv"
)

// Affiliation is two-mode (affiliation) data: organizations and the groups
// (forums or meetings) they belong to. Both directions are kept, each list
// sorted ascending and free of duplicates.
type Affiliation struct {
	OrgGroups    [][]int32 // for each organization, its groups
	GroupMembers [][]int32 // for each group, its organizations
}

// NewAffiliation builds two-mode data of nOrgs organizations and nGroups
// groups from (organization, group) index pairs. Repeated pairs (two people
// of one organization in one forum) count once.
func NewAffiliation(nOrgs, nGroups int, pairs [][2]int) *Affiliation {
	a := &Affiliation{
		OrgGroups:    make([][]int32, nOrgs),
		GroupMembers: make([][]int32, nGroups),
	}
	for _, p := range pairs {
		a.OrgGroups[p[0]] = append(a.OrgGroups[p[0]], int32(p[1]))
		a.GroupMembers[p[1]] = append(a.GroupMembers[p[1]], int32(p[0]))
	}
	for i, l := range a.OrgGroups {
		slices.Sort(l)
		a.OrgGroups[i] = slices.Compact(l)
	}
	for i, l := range a.GroupMembers {
		slices.Sort(l)
		a.GroupMembers[i] = slices.Compact(l)
	}
	return a
}

// ForumAffiliation returns the organizations x forums membership data of d.
// References that do not resolve are skipped (the data package rejects
// them before a Dataset reaches here).
func ForumAffiliation(d *Dataset) *Affiliation {
	oi, fi := d.OrgIndex(), d.ForumIndex()
	pairs := make([][2]int, 0, len(d.Memberships))
	for _, m := range d.Memberships {
		o, ok1 := oi[m.Org]
		f, ok2 := fi[m.Forum]
		if ok1 && ok2 {
			pairs = append(pairs, [2]int{o, f})
		}
	}
	return NewAffiliation(len(d.Orgs), len(d.Forums), pairs)
}

// MeetingAffiliation returns the organizations x meetings attendance data
// of d.
func MeetingAffiliation(d *Dataset) *Affiliation {
	oi, mi := d.OrgIndex(), d.MeetingIndex()
	pairs := make([][2]int, 0, len(d.Attendance))
	for _, a := range d.Attendance {
		o, ok1 := oi[a.Org]
		m, ok2 := mi[a.Meeting]
		if ok1 && ok2 {
			pairs = append(pairs, [2]int{o, m})
		}
	}
	return NewAffiliation(len(d.Orgs), len(d.Meetings), pairs)
}

// Bipartite returns the two-mode network as one Network of
// len(OrgGroups)+len(GroupMembers) nodes: organizations first (0..n-1),
// then groups (n..n+m-1), each membership a tie of weight 1.
func (a *Affiliation) Bipartite() *Network {
	n := len(a.OrgGroups)
	var es []Edge
	for o, gs := range a.OrgGroups {
		for _, g := range gs {
			es = append(es, Edge{U: o, V: n + int(g), W: 1})
		}
	}
	return NewNetwork(n+len(a.GroupMembers), es)
}

// Weighting says how the tie between two organizations that share groups
// is weighted in a one-mode projection.
type Weighting int

const (
	// WeightCount is the number of groups the two share.
	WeightCount Weighting = iota
	// WeightNewman is Newman's collaboration weight, the sum over shared
	// groups g of 1/(n_g - 1) where n_g is the number of members of g
	// (M. E. J. Newman, Phys. Rev. E 64, 016132 (2001),
	// doi:10.1103/PhysRevE.64.016132).
	WeightNewman
	// WeightJaccard is the number of shared groups divided by the number
	// of groups either belongs to, |A ∩ B| / |A ∪ B|.
	WeightJaccard
)

// ParseWeighting reads "count", "newman" or "jaccard".
func ParseWeighting(s string) (Weighting, error) {
	switch s {
	case "count", "":
		return WeightCount, nil
	case "newman":
		return WeightNewman, nil
	case "jaccard":
		return WeightJaccard, nil
	}
	return 0, fmt.Errorf("unknown weighting %q (want count, newman or jaccard)", s)
}

func (w Weighting) String() string {
	switch w {
	case WeightCount:
		return "count"
	case WeightNewman:
		return "newman"
	case WeightJaccard:
		return "jaccard"
	}
	return "Weighting(" + strconv.Itoa(int(w)) + ")"
}

// Project returns the one-mode co-participation network of organizations:
// two organizations are tied when they share at least one group, weighted
// by w. Organizations in no group stay as isolates.
//
// It computes the sparse product B·Bᵀ of the organizations x groups
// incidence matrix row by row with a dense accumulator, so its cost is the
// number of co-membership pairs, with no map of pairs.
func (a *Affiliation) Project(w Weighting) *Network {
	g, _ := a.ProjectContext(context.Background(), w)
	return g
}

// ProjectContext is Project that checks ctx every 1,024 organizations
// and returns ctx's error, and no network, once it is cancelled (a
// projection of millions of ties takes seconds).
func (a *Affiliation) ProjectContext(ctx context.Context, w Weighting) (*Network, error) {
	n := len(a.OrgGroups)
	acc := make([]float64, n)
	cnt := make([]int32, n)
	touched := make([]int32, 0, 64)
	off := make([]int, n+1)
	// Σ_g |g|(|g|-1) bounds the number of stored ties (both directions),
	// reached when no two organizations share more than one group; so the
	// arrays are allocated once.
	bound := 0
	for _, m := range a.GroupMembers {
		bound += len(m) * (len(m) - 1)
	}
	bound = min(bound, n*(n-1)) // never more than every pair
	adj := make([]int32, 0, bound)
	wt := make([]float64, 0, bound)
	for i := 0; i < n; i++ {
		if i%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		touched = touched[:0]
		for _, g := range a.OrgGroups[i] {
			members := a.GroupMembers[g]
			var gw float64
			switch w {
			case WeightNewman:
				if len(members) > 1 {
					gw = 1 / float64(len(members)-1)
				}
			default:
				gw = 1
			}
			for _, j := range members {
				if int(j) == i {
					continue
				}
				if cnt[j] == 0 {
					touched = append(touched, j)
				}
				cnt[j]++
				acc[j] += gw
			}
		}
		slices.Sort(touched)
		for _, j := range touched {
			v := acc[j]
			if w == WeightJaccard {
				shared := float64(cnt[j])
				v = shared / (float64(len(a.OrgGroups[i])+len(a.OrgGroups[j])) - shared)
			}
			adj = append(adj, j)
			wt = append(wt, v)
			acc[j], cnt[j] = 0, 0
		}
		off[i+1] = len(adj)
	}
	return &Network{Off: off, Adj: adj, W: wt}, nil
}

// TieNetwork returns the network of collaboration ties reported in one
// wave (restricted to one type when typ is not empty) over all of d's
// organizations. Reports of A-B and B-A in one wave are one tie whose
// weight is the larger of the two reported weights (RuleMax); ties naming
// unknown organizations are skipped. TieNetworkRule offers the other
// rules.
func TieNetwork(d *Dataset, wave, typ string) *Network {
	return TieNetworkRule(d, wave, typ, RuleMax, MissingReconstruct)
}

// Basis says what a one-mode network of organizations is built from.
type Basis int

const (
	// BasisForums ties organizations that share forums (the default).
	BasisForums Basis = iota
	// BasisMeetings ties organizations that attended meetings together.
	BasisMeetings
	// BasisTies is the collaboration network reported in one survey wave.
	BasisTies
)

// ParseBasis reads "forums", "meetings" or "ties".
func ParseBasis(s string) (Basis, error) {
	switch s {
	case "forums", "":
		return BasisForums, nil
	case "meetings":
		return BasisMeetings, nil
	case "ties":
		return BasisTies, nil
	}
	return 0, fmt.Errorf("unknown basis %q (want forums, meetings or ties)", s)
}

func (b Basis) String() string {
	switch b {
	case BasisForums:
		return "forums"
	case BasisMeetings:
		return "meetings"
	case BasisTies:
		return "ties"
	}
	return "Basis(" + strconv.Itoa(int(b)) + ")"
}

// NetworkSpec chooses one one-mode network of a dataset.
type NetworkSpec struct {
	Basis     Basis
	Weighting Weighting // for BasisForums and BasisMeetings
	Wave      string    // for BasisTies; the latest wave when empty
	Type      string    // for BasisTies; every type when empty
	Rule      Rule      // for BasisTies: how two reports of a pair combine (RuleMax when zero)
	Missing   Missing   // for BasisTies: the ties of nonrespondents (MissingReconstruct when zero)
}

// OneMode builds the one-mode network of d's organizations that spec
// describes. Node i is d.Orgs[i]. A projection that would hold more than
// MaxProjectedTies ties (by ProjectionBound, before anything is
// allocated) is a *ProjectionSizeError.
func OneMode(d *Dataset, spec NetworkSpec) (*Network, error) {
	return OneModeContext(context.Background(), d, spec)
}

// OneModeContext is OneMode that stops a projection when ctx is cancelled
// and returns ctx's error.
func OneModeContext(ctx context.Context, d *Dataset, spec NetworkSpec) (*Network, error) {
	switch spec.Basis {
	case BasisForums:
		a := ForumAffiliation(d)
		if err := a.checkProjection(false); err != nil {
			return nil, err
		}
		return a.ProjectContext(ctx, spec.Weighting)
	case BasisMeetings:
		if len(d.Meetings) == 0 || len(d.Attendance) == 0 {
			return nil, fmt.Errorf("the dataset has no meetings with attendance (meetings.csv and attendance.csv)")
		}
		a := MeetingAffiliation(d)
		if err := a.checkProjection(true); err != nil {
			return nil, err
		}
		return a.ProjectContext(ctx, spec.Weighting)
	case BasisTies:
		waves := d.Waves()
		wave := spec.Wave
		if wave == "" {
			if len(waves) == 0 {
				return nil, fmt.Errorf("the dataset has no collaboration ties (ties.csv)")
			}
			wave = waves[len(waves)-1]
		} else if !slices.Contains(waves, wave) {
			return nil, fmt.Errorf("no ties in wave %q (waves: %s)", wave, joinQuoted(waves))
		}
		if spec.Type != "" {
			if err := checkTieType(d, wave, spec.Type); err != nil {
				return nil, err
			}
		}
		return TieNetworkRule(d, wave, spec.Type, spec.Rule, spec.Missing), nil
	}
	return nil, fmt.Errorf("unknown basis %v", spec.Basis)
}

// checkTieType returns an error when no tie of wave has type typ, naming
// the types there are: a mistyped type would otherwise give an empty
// network.
func checkTieType(d *Dataset, wave, typ string) error {
	inWave := map[string]bool{}
	var types []string
	for _, t := range d.Ties {
		if t.Wave == wave && t.Type != "" && !inWave[t.Type] {
			inWave[t.Type] = true
			types = append(types, t.Type)
		}
	}
	if inWave[typ] {
		return nil
	}
	sortStrings(types)
	if slices.Contains(d.TieTypes(), typ) {
		return fmt.Errorf("no ties of type %q in wave %q (its types: %s)", typ, wave, joinQuoted(types))
	}
	return fmt.Errorf("no ties of type %q (types: %s)", typ, joinQuoted(d.TieTypes()))
}

func joinQuoted(ss []string) string {
	if len(ss) == 0 {
		return "none"
	}
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += strconv.Quote(s)
	}
	return out
}
