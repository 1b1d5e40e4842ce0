package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sectornet/sectornet/data"
)

// maxListedValues is how many valid values an error about a flag lists
// before "and N more".
const maxListedValues = 30

// unknownValue is the usage error for flag's value v, which is no id of
// a what: it says which id v is the name of (names[i] is ids[i]'s name),
// else the likeliest id, and with list the valid ids (at most
// maxListedValues of them).
func unknownValue(flag, what, v string, ids, names []string, list bool) error {
	msg := fmt.Sprintf("%s %q: unknown %s", flag, v, what)
	var named []string
	key := strings.ToLower(strings.TrimSpace(v))
	for i, n := range names {
		if key != "" && strings.ToLower(strings.TrimSpace(n)) == key {
			named = append(named, ids[i])
		}
	}
	var hints []string
	switch {
	case len(named) > 0:
		hints = append(hints, fmt.Sprintf("that is the name of %s; use the id", strings.Join(named, " and ")))
	default:
		if h := data.DidYouMean(v, ids); h != "" {
			hints = append(hints, h)
		}
	}
	if list && len(ids) > 0 {
		l := ids
		more := ""
		if len(l) > maxListedValues {
			l, more = l[:maxListedValues], fmt.Sprintf(" and %d more", len(ids)-maxListedValues)
		}
		hints = append(hints, what+"s: "+strings.Join(l, ", ")+more)
	}
	if len(hints) > 0 {
		msg += " (" + hints[0]
		for _, h := range hints[1:] {
			if strings.HasSuffix(msg, "?") {
				msg += " " + h
			} else {
				msg += "; " + h
			}
		}
		msg += ")"
	}
	return usageErr(errors.New(msg))
}

// renamedFlags keeps the old names of cmd's renamed flags (old name to
// new) working as hidden aliases for one release: pflag reads --old as
// --new, and help shows only the new name.
func renamedFlags(cmd *cobra.Command, renamed map[string]string) {
	cmd.Flags().SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if n, ok := renamed[name]; ok {
			return pflag.NormalizedName(n)
		}
		return pflag.NormalizedName(name)
	})
}
