package graph

import (
	"fmt"
	"slices"
)

// CheckTieType returns an error when the dataset has no tie of type typ
// (in wave, when wave is not ""), naming the types there are, so that a
// mistyped type is not read as an empty selection; nil for typ "".
func CheckTieType(d *Dataset, wave, typ string) error {
	switch {
	case typ == "":
		return nil
	case wave != "":
		return checkTieType(d, wave, typ)
	case slices.Contains(d.TieTypes(), typ):
		return nil
	}
	return fmt.Errorf("no ties of type %q (types: %s)", typ, joinQuoted(d.TieTypes()))
}
