package graph

// withinCounter counts the ties within groups of a network under many
// relabelings of its nodes (the permutation tests), each node in the
// cheapest of three ways: over its row (d_i steps), over the nodes it is
// not tied to (n-1-d_i steps, for nodes tied to nearly everyone), or as a
// popcount of its row's bitset and its group's (⌈n/64⌉ words). A complete
// network of 5,000 then costs 5,000 steps per relabeling instead of 25
// million.
type withinCounter struct {
	g     *Network
	n     int
	a     *adjBits
	comp  [][]int32 // nodes not tied to i (i excluded), or nil
	useB  []bool    // count i with its bitset
	words int
	anyB  bool
}

// newWithinCounter prepares the counts for labels of k groups; bitsets
// are used only when k group bitsets fit in budget words.
func newWithinCounter(g *Network, k, budget int) *withinCounter {
	n := g.N()
	c := &withinCounter{g: g, n: n, a: newAdjBits(g), comp: make([][]int32, n), useB: make([]bool, n)}
	c.words = c.a.words
	bitsOK := c.a.bits != nil && k*c.words <= budget
	for i := 0; i < n; i++ {
		d := g.Degree(i)
		cost := d
		if bitsOK && c.a.of(i) != nil && c.words+k*c.words/n < cost {
			cost = c.words
			c.useB[i] = true
		}
		if n-1-d < cost {
			c.useB[i] = false
			row := g.Neighbors(i)
			comp := make([]int32, 0, n-1-d)
			x := 0
			for j := int32(0); j < int32(n); j++ {
				if x < len(row) && row[x] == j {
					x++
					continue
				}
				if j != int32(i) {
					comp = append(comp, j)
				}
			}
			c.comp[i] = comp
		}
		if c.useB[i] {
			c.anyB = true
		}
	}
	return c
}

// withinScratch is one worker's buffers for withinCounter.
type withinScratch struct {
	size []int      // nodes per group
	bits [][]uint64 // group bitsets when needed
}

func (c *withinCounter) newScratch(k int) *withinScratch {
	s := &withinScratch{size: make([]int, k)}
	if c.anyB {
		s.bits = make([][]uint64, k)
		for g := range s.bits {
			s.bits[g] = make([]uint64, c.words)
		}
	}
	return s
}

// internal returns the number of ties between nodes of one group under
// the labels lab.
func internalTies[L uint8 | int32](c *withinCounter, lab []L, s *withinScratch) int {
	clear(s.size)
	for _, l := range lab {
		s.size[l]++
	}
	if s.bits != nil {
		for _, b := range s.bits {
			clear(b)
		}
		for i, l := range lab {
			s.bits[l][i>>6] |= 1 << (i & 63)
		}
	}
	g := c.g
	in := 0 // ordered pairs
	for i, li := range lab {
		switch {
		case c.comp[i] != nil:
			x := s.size[li] - 1
			for _, j := range c.comp[i] {
				x -= b2i(lab[j] == li)
			}
			in += x
		case c.useB[i]:
			in += andCount(c.a.of(i), s.bits[li])
		default:
			for _, j := range g.Adj[g.Off[i]:g.Off[i+1]] {
				in += b2i(lab[j] == li)
			}
		}
	}
	return in / 2
}
