package data

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// keyHeader is the header of a pseudonym key file.
var keyHeader = []string{"code", "id", "name", "sector"}

// ReadPseudonymKey reads a pseudonym key file (CSV: code, id, name,
// sector; the file WritePseudonymKey writes). Problems name the file and
// line: a missing column, an empty code or id, a code or id given twice.
func ReadPseudonymKey(r io.Reader, name string) ([]graph.KeyEntry, error) {
	var errs List
	cr := csv.NewReader(bufio.NewReader(r))
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	var key []graph.KeyEntry
	col := map[string]int{}
	codes, ids := map[string]int{}, map[string]int{}
	for first := true; ; first = false {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs.add(&Error{File: name, Line: pe.StartLine, Err: fmt.Errorf("%w: %v", ErrSyntax, pe.Err)})
				break
			}
			return nil, err
		}
		line, _ := cr.FieldPos(0) // only after a record was read: FieldPos panics after an error
		if first {
			for i, h := range rec {
				col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
			}
			for _, h := range keyHeader[:2] {
				if _, ok := col[h]; !ok {
					errs.add(&Error{File: name, Line: line, Column: h, Err: fmt.Errorf("%w %q (a key file has the columns code, id, name, sector)", ErrMissingColumn, h)})
				}
			}
			if len(errs.Errs) > 0 {
				break
			}
			continue
		}
		get := func(h string) string {
			if i, ok := col[h]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		e := graph.KeyEntry{Code: get("code"), ID: get("id"), Name: get("name"), Sector: get("sector")}
		bad := false
		for _, c := range []struct {
			col, v string
			seen   map[string]int
		}{{"code", e.Code, codes}, {"id", e.ID, ids}} {
			if c.v == "" {
				errs.add(&Error{File: name, Line: line, Column: c.col, Value: c.v, Err: ErrEmpty})
				bad = true
			} else if l, dup := c.seen[c.v]; dup {
				errs.add(&Error{File: name, Line: line, Column: c.col, Value: c.v, Err: fmt.Errorf("%w %s, first given on line %d", ErrDuplicate, c.col, l)})
				bad = true
			} else {
				c.seen[c.v] = line
			}
		}
		if !bad {
			key = append(key, e)
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return key, nil
}

// WritePseudonymKey writes a pseudonym key file: a comment saying what it
// is, then code, id, name, sector, one row per organization.
func WritePseudonymKey(w io.Writer, key []graph.KeyEntry) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# sectornet pseudonym key: it maps the codes of pseudonymized outputs back to the organizations. Keep it private and out of what you publish.")
	cw := csv.NewWriter(bw)
	cw.Write(keyHeader)
	for _, e := range key {
		cw.Write([]string{e.Code, e.ID, e.Name, e.Sector})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
