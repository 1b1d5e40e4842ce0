package graph

// Tie weights are finite numbers from MinWeight to MaxWeight. Datasets are
// checked against this range when they are read (data's readers), so no
// measure meets a weight it cannot compute with:
//
//   - weighted paths give a tie of weight w the length 1/w, from 1e-4 to
//     1e4, and sum lengths along paths of up to n-1 ties; a tie whose length
//     is below half the last bit of such a sum (1e16 beside 1) would add
//     nothing, so a path through it would tie with a shorter one and
//     betweenness would count paths twice (normalized values of 2.17, or
//     1855, were seen). With lengths within a factor 1e8 of each other, a
//     sum of n lengths keeps every one of them for n up to 45 million
//     organizations (n·1e8 < 2^52);
//   - strengths, PageRank and eigenvectors sum weights: 1e308 beside 1
//     overflows to +Inf and PageRank's scores no longer sum to 1.
const (
	MinWeight = 1e-4
	MaxWeight = 1e4
)
