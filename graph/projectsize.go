package graph

import (
	"errors"
	"fmt"
)

// MaxProjectedTies is the most ties a projected network may hold: about
// 2.4 GB of adjacency arrays (12 bytes per tie end). A 200,000-member
// registry with 12 memberships each projects to 26 million.
const MaxProjectedTies = 100_000_000

// ErrTooLarge says a network would not fit in memory; it is the cause of
// a *ProjectionSizeError.
var ErrTooLarge = errors.New("too large")

// ProjectionSizeError says the projection of an affiliation would hold
// more than MaxProjectedTies ties, by the estimate of ProjectionBound.
type ProjectionSizeError struct {
	Groups, Orgs  int   // the groups (forums or meetings) and organizations
	Largest       int   // the members of the largest group
	Ties, Limit   int64 // the estimate and MaxProjectedTies
	GroupsAreMeet bool  // the groups are meetings
}

func (e *ProjectionSizeError) Error() string {
	what := "forums"
	if e.GroupsAreMeet {
		what = "meetings"
	}
	return fmt.Sprintf("%v: the network of shared %s would hold up to %d ties (Σ members×(members-1)/2 over %d %s, the largest with %d members), more than the %d a network may hold",
		ErrTooLarge, what, e.Ties, e.Groups, what, e.Largest, e.Limit)
}

func (e *ProjectionSizeError) Unwrap() error { return ErrTooLarge }

// ProjectionBound returns an upper bound on the number of ties of a's
// projection, known before anything is allocated: Σ_g |g|(|g|-1)/2 over the
// groups, reached when no two organizations share two groups, and at most
// n(n-1)/2 for n organizations. It also returns the largest group's size.
func (a *Affiliation) ProjectionBound() (ties int64, largest int) {
	for _, m := range a.GroupMembers {
		k := int64(len(m))
		ties += k * (k - 1) / 2
		largest = max(largest, len(m))
	}
	n := int64(len(a.OrgGroups))
	return min(ties, n*(n-1)/2), largest
}

// checkProjection returns a *ProjectionSizeError when a's projection
// would be over MaxProjectedTies.
func (a *Affiliation) checkProjection(meetings bool) error {
	ties, largest := a.ProjectionBound()
	if ties <= MaxProjectedTies {
		return nil
	}
	return &ProjectionSizeError{Groups: len(a.GroupMembers), Orgs: len(a.OrgGroups), Largest: largest, Ties: ties, Limit: MaxProjectedTies, GroupsAreMeet: meetings}
}
