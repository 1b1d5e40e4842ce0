package graph

import "math"

// DefaultTolerance is the largest departure |share - target| from the
// representation key that counts as within it unless a caller says
// otherwise: 15 percentage points.
const DefaultTolerance = 0.15

// BreachKind is what a breach of the representation key is.
type BreachKind int

// Breach kinds, in the order Breaches lists them for a forum.
const (
	BreachMissing         BreachKind = iota // a targeted sector has no member
	BreachOverCapacity                      // more members than the forum's capacity
	BreachShare                             // a sector's share of members is beyond the tolerance of its target
	BreachSilent                            // a targeted sector's members attended none of the forum's meetings
	BreachAttendanceShare                   // a sector's share of attendances is beyond the tolerance of its target
)

var breachNames = [...]string{"missing", "over_capacity", "share", "silent", "attendance_share"}

// String is the kind's name in tables: missing, over_capacity, share,
// silent or attendance_share.
func (k BreachKind) String() string { return breachNames[k] }

// Breach is one departure of a forum from its representation key.
type Breach struct {
	Kind   BreachKind
	Forum  int // index into Balance.Forums
	Sector int // index into Dataset.Sectors; -1 for BreachOverCapacity
	// Value and Target are what is compared: the share and its target;
	// for BreachOverCapacity the members and the capacity; for
	// BreachMissing and BreachSilent 0 and the target.
	Value, Target float64
}

// Breaches lists the departures of each forum of b (not of all forums
// together) from its key, forum by forum: targeted sectors with no member,
// members over capacity, member shares more than tol from their target,
// then per sector either a targeted sector whose members attended none of
// the forum's meetings or an attendance share more than tol from its
// target. A gap of exactly tol is within it: shares are ratios of counts,
// so a gap is compared with tol + 1e-9 (0.45 - 0.30 stays within 0.15). A
// sector with no member is reported as missing only, not again as a share
// or attendance share.
func Breaches(b Balance, tol float64) []Breach {
	var bs []Breach
	const eps = 1e-9
	for f, fb := range b.Forums {
		for _, k := range fb.Missing {
			bs = append(bs, Breach{BreachMissing, f, k, 0, fb.Sectors[k].Target})
		}
		if fb.OverCapacity > 0 {
			bs = append(bs, Breach{BreachOverCapacity, f, -1, float64(fb.Members), float64(fb.Capacity)})
		}
		for _, s := range fb.Sectors {
			if math.Abs(s.Gap) > tol+eps && !(s.Target > 0 && s.Members == 0) {
				bs = append(bs, Breach{BreachShare, f, s.Sector, s.Share, s.Target})
			}
		}
		for _, s := range fb.Sectors {
			if s.Target > 0 && s.Members > 0 && fb.Meetings > 0 && s.MemberAttended == 0 {
				bs = append(bs, Breach{BreachSilent, f, s.Sector, 0, s.Target})
			} else if math.Abs(s.AttendanceGap) > tol+eps && !(s.Target > 0 && s.Members == 0 && s.Attended == 0) {
				bs = append(bs, Breach{BreachAttendanceShare, f, s.Sector, s.AttendanceShare, s.Target})
			}
		}
	}
	return bs
}
