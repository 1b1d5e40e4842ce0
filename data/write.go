package data

import (
	"bufio"
	"encoding/csv"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/sectornet/sectornet/graph"
)

// WriteFile writes the dataset file called name (one of the File*
// constants) for d as CSV with a header row, in d's order. Optional
// columns are written only when some row has a value; extra attributes
// of organizations and forums follow in order of first appearance.
func WriteFile(w io.Writer, name string, d *graph.Dataset) error {
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	switch name {
	case FileSectors:
		cw.Write([]string{"id", "label", "color"})
		for _, s := range d.Sectors {
			cw.Write([]string{s.ID, s.Label, s.Color})
		}
	case FileOrganizations:
		keys := attrKeys(len(d.Orgs), func(i int) []graph.Attr { return d.Orgs[i].Attrs })
		cw.Write(append([]string{"id", "name", "sector"}, keys...))
		for _, o := range d.Orgs {
			cw.Write(append([]string{o.ID, o.Name, o.Sector}, attrValues(keys, o.Attrs)...))
		}
	case FileForums:
		keys := attrKeys(len(d.Forums), func(i int) []graph.Attr { return d.Forums[i].Attrs })
		cw.Write(append([]string{"id", "name", "kind", "capacity"}, keys...))
		for _, f := range d.Forums {
			c := ""
			if f.Capacity > 0 {
				c = strconv.Itoa(f.Capacity)
			}
			cw.Write(append([]string{f.ID, f.Name, f.Kind, c}, attrValues(keys, f.Attrs)...))
		}
	case FileParticipation:
		joined := slices.ContainsFunc(d.Memberships, func(m graph.Membership) bool { return !m.Joined.IsZero() })
		head := []string{"org", "forum", "role", "person"}
		if joined {
			head = append(head, "joined")
		}
		cw.Write(head)
		for _, m := range d.Memberships {
			row := []string{m.Org, m.Forum, m.Role, m.Person}
			if joined {
				j := ""
				if !m.Joined.IsZero() {
					j = m.Joined.Format("2006-01-02")
				}
				row = append(row, j)
			}
			cw.Write(row)
		}
	case FileMeetings:
		cw.Write([]string{"id", "forum", "date"})
		for _, m := range d.Meetings {
			cw.Write([]string{m.ID, m.Forum, m.Date.Format("2006-01-02")})
		}
	case FileAttendance:
		cw.Write([]string{"meeting", "org", "person"})
		for _, a := range d.Attendance {
			cw.Write([]string{a.Meeting, a.Org, a.Person})
		}
	case FileTies:
		partner := graph.HasPartner(d, "")
		h := []string{"source", "target", "wave", "type", "weight", "trust", "value"}
		if partner {
			h = append(h, graph.PartnerDimensions...)
		}
		cw.Write(h)
		for _, t := range d.Ties {
			rec := []string{t.Source, t.Target, t.Wave, t.Type, num(t.Weight), num(t.Trust), num(t.Value)}
			if partner {
				var dims [6]float64
				for i := range dims {
					dims[i] = math.NaN()
				}
				if t.Partner != nil {
					dims = t.Partner.Dims()
				}
				for _, x := range dims {
					rec = append(rec, num(x))
				}
			}
			cw.Write(rec)
		}
	case FileRespondents:
		cw.Write([]string{"org", "wave", "date", "person"})
		for _, r := range d.Respondents {
			date := ""
			if !r.Date.IsZero() {
				date = r.Date.Format("2006-01-02")
			}
			cw.Write([]string{r.Org, r.Wave, date, r.Person})
		}
	case FileQuotas:
		cw.Write([]string{"forum", "sector", "share"})
		for _, q := range d.Quotas {
			cw.Write([]string{q.Forum, q.Sector, num(q.Share)})
		}
	default:
		panic("data: unknown file " + name)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// FilesOf returns the dataset files d has content for, in reading order:
// the three required files always, the optional ones when not empty.
func FilesOf(d *graph.Dataset) []string {
	var out []string
	for _, f := range Files {
		var n int
		switch f.Name {
		case FileSectors:
			n = len(d.Sectors)
		case FileMeetings:
			n = len(d.Meetings)
		case FileAttendance:
			n = len(d.Attendance)
		case FileTies:
			n = len(d.Ties)
		case FileQuotas:
			n = len(d.Quotas)
		case FileRespondents:
			n = len(d.Respondents)
		default:
			n = 1
		}
		if n > 0 {
			out = append(out, f.Name)
		}
	}
	return out
}

func num(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func attrKeys(n int, at func(int) []graph.Attr) []string {
	seen := map[string]bool{}
	var keys []string
	for i := 0; i < n; i++ {
		for _, a := range at(i) {
			if !seen[a.Key] {
				seen[a.Key] = true
				keys = append(keys, a.Key)
			}
		}
	}
	return keys
}

func attrValues(keys []string, as []graph.Attr) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		for _, a := range as {
			if a.Key == k {
				out[i] = a.Value
				break
			}
		}
	}
	return out
}
