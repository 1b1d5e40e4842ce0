package graph

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// loadCSVDataset reads a dataset folder of well-formed CSV files into a
// Dataset, for reference tests that compare with tools reading the same
// files (the data package, which graph must not import, does the real
// reading with its checks). Extra organization columns become Attrs.
func loadCSVDataset(t testing.TB, dir string) *Dataset {
	t.Helper()
	read := func(name string) []map[string]string {
		f, err := os.Open(filepath.Join(dir, name))
		if os.IsNotExist(err) {
			return nil
		}
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.Comment = '#'
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var rows []map[string]string
		for _, rec := range recs[1:] {
			m := map[string]string{}
			for i, h := range recs[0] {
				m[strings.ToLower(h)] = rec[i]
			}
			m["\x00order"] = strings.Join(recs[0], "\x00")
			rows = append(rows, m)
		}
		return rows
	}
	num := func(s string, def float64) float64 {
		if s == "" {
			return def
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%s: %q: %v", dir, s, err)
		}
		return x
	}
	d := &Dataset{}
	seen := map[string]bool{}
	for _, r := range read("sectors.csv") {
		d.Sectors = append(d.Sectors, Sector{ID: r["id"], Label: r["label"], Color: r["color"]})
		seen[r["id"]] = true
	}
	for _, r := range read("organizations.csv") {
		o := Organization{ID: r["id"], Name: r["name"], Sector: r["sector"]}
		for _, h := range strings.Split(r["\x00order"], "\x00") {
			switch strings.ToLower(h) {
			case "id", "name", "sector":
			default:
				o.Attrs = append(o.Attrs, Attr{Key: h, Value: r[strings.ToLower(h)]})
			}
		}
		d.Orgs = append(d.Orgs, o)
		if !seen[o.Sector] {
			seen[o.Sector] = true
			d.Sectors = append(d.Sectors, Sector{ID: o.Sector})
		}
	}
	for _, r := range read("forums.csv") {
		d.Forums = append(d.Forums, Forum{ID: r["id"], Name: r["name"], Kind: r["kind"]})
	}
	for _, r := range read("participation.csv") {
		d.Memberships = append(d.Memberships, Membership{Org: r["org"], Forum: r["forum"]})
	}
	for _, r := range read("meetings.csv") {
		day, err := time.Parse("2006-01-02", r["date"])
		if err != nil {
			t.Fatal(err)
		}
		d.Meetings = append(d.Meetings, Meeting{ID: r["id"], Forum: r["forum"], Date: day})
	}
	for _, r := range read("attendance.csv") {
		d.Attendance = append(d.Attendance, Attendance{Meeting: r["meeting"], Org: r["org"]})
	}
	for _, r := range read("ties.csv") {
		d.Ties = append(d.Ties, Tie{Source: r["source"], Target: r["target"], Wave: r["wave"], Type: r["type"],
			Weight: num(r["weight"], 1), Trust: num(r["trust"], math.NaN()), Value: num(r["value"], math.NaN())})
	}
	return d
}
