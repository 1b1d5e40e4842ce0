package out

import (
	"bytes"
	"errors"
	"image/png"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sectornet/sectornet/graph"
)

func writeChart(t *testing.T, c *Chart, f FigureFormat) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteChart(&b, c, f, DefaultChartSize(c)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var svgPath = regexp.MustCompile(`<path d="M([-0-9.]+),([-0-9.]+)L([-0-9.]+),([-0-9.]+)L([-0-9.]+),([-0-9.]+)L([-0-9.]+),([-0-9.]+)Z" style="fill:(#[0-9A-F]{6})" />`)

// barHeights returns the heights of the vertical bars of colour col in an
// SVG drawn by gonum's vgsvg, in drawing order.
func barHeights(svg []byte, col string) []float64 {
	var hs []float64
	for _, m := range svgPath.FindAllStringSubmatch(string(svg), -1) {
		if m[9] != col {
			continue
		}
		y0, _ := strconv.ParseFloat(m[2], 64)
		y1, _ := strconv.ParseFloat(m[4], 64)
		hs = append(hs, y1-y0)
	}
	return hs
}

// TestDegreeChart checks the degree distribution of the tiny dataset's
// forum network, worked by hand: F1 = {A, B, C}, F2 = {A, C, D} make A and
// C partners of everyone else in a forum (degree 3), B (A, C) and D (A, C)
// degree 2, E in no forum degree 0: one organization of degree 0, none of
// degree 1, two of degree 2, two of degree 3. The drawn bars have those
// heights in proportion.
func TestDegreeChart(t *testing.T) {
	d := tiny()
	g, _ := graph.OneMode(d, graph.NetworkSpec{Basis: graph.BasisForums})
	c := DegreeChart(g)
	want := []float64{1, 0, 2, 2}
	if got := c.Series[0].Values; !equalFloats(got, want) {
		t.Fatalf("counts %v, want %v", got, want)
	}
	hs := barHeights(writeChart(t, c, FigureSVG), c.Series[0].Color)
	if len(hs) != len(want) {
		t.Fatalf("%d bars drawn, want %d", len(hs), len(want))
	}
	for i := range want {
		if math.Abs(hs[i]/hs[2]-want[i]/2) > 1e-3 {
			t.Errorf("bar %d: height %v of %v, want ratio %v", i, hs[i], hs[2], want[i]/2)
		}
	}
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-12 {
			return false
		}
	}
	return true
}

// TestBalanceChart checks the stacked shares and target marks, worked by
// hand for the tiny dataset with a key of gov 0.5, biz 0.5: F1 = {A gov,
// B biz, C gov} gives gov 2/3, biz 1/3; F2 = {A gov, C gov, D biz} the
// same; all forums 4 gov seats and 2 biz of 6. The target mark sits where
// gov's part should end, at 0.5.
func TestBalanceChart(t *testing.T) {
	d := tiny()
	d.Quotas = []graph.Quota{{Forum: "*", Sector: "gov", Share: 0.5}, {Forum: "*", Sector: "biz", Share: 0.5}}
	c := BalanceChart(d, graph.SectorBalances(d, nil))
	if strings.Join(c.Categories, "|") != "Education|Welfare|All forums" {
		t.Errorf("categories %q", c.Categories)
	}
	gov, biz := c.Series[0].Values, c.Series[1].Values
	for r := range 3 {
		if math.Abs(gov[r]-2.0/3) > 1e-12 || math.Abs(biz[r]-1.0/3) > 1e-12 {
			t.Errorf("row %d: gov %v biz %v, want 2/3 and 1/3", r, gov[r], biz[r])
		}
		if len(c.Marks[r]) != 1 || math.Abs(c.Marks[r][0]-0.5) > 1e-12 {
			t.Errorf("row %d: marks %v, want [0.5]", r, c.Marks[r])
		}
	}
	// The drawing: 3 bars per sector, the gov bars twice as long as biz.
	svg := writeChart(t, c, FigureSVG)
	var lens [2][]float64
	for s, col := range []string{"#123456", OkabeIto[1]} {
		for _, m := range svgPath.FindAllStringSubmatch(string(svg), -1) {
			if m[9] == col && m[1] != m[5] { // bars, not legend swatches of zero width
				x0, _ := strconv.ParseFloat(m[1], 64)
				x1, _ := strconv.ParseFloat(m[5], 64)
				lens[s] = append(lens[s], x1-x0)
			}
		}
	}
	if len(lens[0]) < 3 || len(lens[1]) < 3 {
		t.Fatalf("bars drawn: %d gov, %d biz", len(lens[0]), len(lens[1]))
	}
	for r := range 3 {
		if math.Abs(lens[0][r]/lens[1][r]-2) > 1e-3 {
			t.Errorf("row %d: gov bar %v, biz bar %v, want 2:1", r, lens[0][r], lens[1][r])
		}
	}
}

// TestCentralityChart checks the order, the cut at n and the colour of
// each bar: the largest values first, ties in dataset order, each bar in
// its organization's sector's series.
func TestCentralityChart(t *testing.T) {
	d := tiny()
	c := CentralityChart(d, []float64{0.5, 0.9, 0.5, 0.1, 0}, "betweenness", 3)
	if got := strings.Join(c.Categories, "|"); got != "עמותת לב|Alpha & <Co> \"quoted\"|Prime Minister's Office…" {
		t.Errorf("order %q", got)
	}
	// B is biz; A and C are gov.
	if len(c.Series) != 2 || !equalFloats(c.Series[0].Values, []float64{0, 0.5, 0.5}) || !equalFloats(c.Series[1].Values, []float64{0.9, 0, 0}) {
		t.Errorf("series %+v", c.Series)
	}
}

// TestChartFormats renders each kind of chart in each format twice: same
// bytes, a PNG of the asked size at 2 pixels per point, a PDF with the
// fixed date.
func TestChartFormats(t *testing.T) {
	d := tiny()
	d.Meetings = []graph.Meeting{{ID: "M1", Forum: "F1", Date: time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC)}, {ID: "M2", Forum: "F2", Date: time.Date(2013, 5, 1, 0, 0, 0, 0, time.UTC)}}
	d.Attendance = []graph.Attendance{{Meeting: "M1", Org: "A"}, {Meeting: "M1", Org: "B"}, {Meeting: "M2", Org: "A"}, {Meeting: "M2", Org: "D"}, {Meeting: "M2", Org: "B"}}
	g, _ := graph.OneMode(d, graph.NetworkSpec{Basis: graph.BasisForums})
	ch, err := graph.CompareWaves(t.Context(), d, graph.ChangeOptions{From: "1", To: "2"})
	if err != nil {
		t.Fatal(err)
	}
	charts := map[string]*Chart{
		"degree":     DegreeChart(g),
		"balance":    BalanceChart(d, graph.SectorBalances(d, nil)),
		"centrality": CentralityChart(d, []float64{1, 2, 3, 4, 5}, "degree", 10),
		"change":     ChangeChart(d, ch),
		"firsts":     FirstsChart(d, graph.FirstMeetings(d)),
	}
	for name, c := range charts {
		for _, f := range []FigureFormat{FigureSVG, FigurePNG, FigurePDF} {
			a, b := writeChart(t, c, f), writeChart(t, c, f)
			if !bytes.Equal(a, b) {
				t.Errorf("%s %s: two renderings differ", name, f)
			}
			switch f {
			case FigurePNG:
				img, err := png.Decode(bytes.NewReader(a))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				// 300 dpi: 8.5 cm is 1004 pixels.
				if w := img.Bounds().Dx(); math.Abs(float64(w)-DefaultDPI/72.0*DefaultChartSize(c).Width) > 1 {
					t.Errorf("%s: PNG %d pixels wide", name, w)
				}
			case FigurePDF:
				if !bytes.Contains(a, []byte("/CreationDate (D:20000101000000")) {
					t.Errorf("%s: PDF without the fixed date", name)
				}
			}
		}
	}
}

// TestChartSizeRefused: sizes that are not finite, out of the limits, or
// too small for their text are errors, returned at once. Before, a NaN
// or 1e6-point font never returned (the rasterizer walked rows far
// outside the image), an infinite width wrote width="+Infpt", and 36 pt
// text on a 2 cm chart ran for minutes.
func TestChartSizeRefused(t *testing.T) {
	c := BalanceChart(tiny(), graph.SectorBalances(tiny(), nil))
	def := DefaultChartSize(c)
	for _, sz := range []ChartSize{
		{Width: math.NaN(), Height: def.Height, FontSize: 8},
		{Width: math.Inf(1), Height: def.Height, FontSize: 8},
		{Width: def.Width, Height: -1, FontSize: 8},
		{Width: def.Width, Height: def.Height, FontSize: math.NaN()},
		{Width: def.Width, Height: def.Height, FontSize: 1e6},
		{Width: 2 * Centimetre, Height: def.Height, FontSize: 36},
		{Width: 2 * Centimetre, Height: 2 * Centimetre, FontSize: 20},
		{Width: 5 * Centimetre, Height: 4 * Centimetre, FontSize: 12},
	} {
		for _, f := range []FigureFormat{FigureSVG, FigurePNG} {
			var b bytes.Buffer
			if err := WriteChart(&b, c, f, sz); !errors.Is(err, ErrChartSize) {
				t.Errorf("%+v %s: err %v, want ErrChartSize", sz, f, err)
			}
		}
	}
}
