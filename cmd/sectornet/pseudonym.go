package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out/outfile"
)

// pseudonymFlags are the root's --pseudonymize and --keep-attrs.
type pseudonymFlags struct {
	key  string   // the key file; "" for real names
	keep []string // organization attribute columns to keep
}

func (p *pseudonymFlags) add(root *cobra.Command) {
	f := root.PersistentFlags()
	f.StringVar(&p.key, "pseudonymize", "", "replace every organization's id and name by a code such as \"Government 07\" in every output; the key file mapping codes back is read from KEYFILE when it exists, else written there (keep it out of what you publish)")
	f.StringSliceVar(&p.keep, "keep-attrs", nil, "with --pseudonymize: organization attribute columns to keep (default: none, since free text can name an organization)")
}

// pseudonymize returns d with pseudonyms when --pseudonymize is set: the
// codes of the key file, new codes for organizations it lacks (the key
// file is then written, with the old codes unchanged). It says on stderr
// what it did.
func pseudonymize(s *streams, d *graph.Dataset) (*graph.Dataset, error) {
	p := s.pseudo
	if p == nil || p.key == "" {
		return d, nil
	}
	var key []graph.KeyEntry
	f, err := os.Open(p.key)
	switch {
	case err == nil:
		key, err = data.ReadPseudonymKey(f, p.key)
		f.Close()
		if err != nil {
			return nil, reportProblems(s, p.key, "", err, "computed")
		}
	case errors.Is(err, fs.ErrNotExist):
	default:
		return nil, fmt.Errorf("%s: %v", p.key, errors.Unwrap(err))
	}
	pd, key, added, err := graph.Pseudonymize(d, key, graph.PseudonymOptions{Keep: p.keep, Seed: 1})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", p.key, err)
	}
	if added > 0 {
		if err := outfile.Write(context.Background(), p.key, func(w io.Writer) error { return data.WritePseudonymKey(w, key) }); err != nil {
			return nil, err
		}
		fmt.Fprintf(s.Err, "sectornet: pseudonymized %d organizations; %d new %s written to the key file %s (keep it private)\n", len(d.Orgs), added, plural(added, "code", "codes"), p.key)
	} else {
		fmt.Fprintf(s.Err, "sectornet: pseudonymized %d organizations with the key file %s\n", len(d.Orgs), p.key)
	}
	return pd, nil
}

// keyInside reports whether the key file lies inside folder dir, where a
// published report would carry it.
func keyInside(key, dir string) bool {
	k, err1 := filepath.Abs(key)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, k)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// noPseudonyms refuses --pseudonymize for a command that writes dataset
// files: they must keep the real ids.
func noPseudonyms(s *streams, command string) error {
	if s.pseudo != nil && s.pseudo.key != "" {
		return usageErr(fmt.Errorf("%s writes dataset files, which keep the real ids and names; --pseudonymize applies to the commands that report", command))
	}
	return nil
}
