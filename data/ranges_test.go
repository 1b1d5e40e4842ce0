package data

import (
	"strings"
	"testing"
)

// TestWeightOutOfRange: a tie weight outside graph.MinWeight to
// graph.MaxWeight (0.0001 to 10000) is a dataset error with its file and
// line. 1e16 beside 1 made normalized betweenness 2.17 and 1e308 broke
// PageRank (graph's TestWeightRangeNetworkX holds the range's ends); a
// capacity of 2^63-1 seats overflowed the total over forums.
func TestWeightOutOfRange(t *testing.T) {
	p, _ := messages(t, map[string]string{
		FileTies:   "source,target,wave,weight\nA,B,2012,1e16\nA,B,2014,1e308\nA,B,2015,1e-300\nB,A,2014,0.0001\nA,B,2016,10000\nA,B,2017,10000.5\nB,A,2016,0\n",
		FileForums: "id,name,capacity\nF1,One,9223372036854775807\nF2,Two,1000000\n",
	})
	want := []string{
		`forums.csv:2: capacity "9223372036854775807": out of range: want a whole number of seats from 0 to 1000000`,
		`ties.csv:2: weight "1e16": out of range: want a weight from 0.0001 to 10000 (rescale larger numbers)`,
		`ties.csv:3: weight "1e308": out of range: want a weight from 0.0001 to 10000 (rescale larger numbers)`,
		`ties.csv:4: weight "1e-300": out of range: want a weight from 0.0001 to 10000 (rescale larger numbers)`,
		`ties.csv:7: weight "10000.5": out of range: want a weight from 0.0001 to 10000 (rescale larger numbers)`,
		`ties.csv:8: weight "0": out of range: want a weight from 0.0001 to 10000 (rescale larger numbers)`,
	}
	if g, w := strings.Join(p, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("problems:\n got %s\nwant %s", g, w)
	}
}
