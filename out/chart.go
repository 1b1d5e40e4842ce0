package out

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sectornet/sectornet/out/internal/typeset"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Chart is a bar or line chart before drawing: what the figure shows, so
// tests can check the bars without reading pixels.
type Chart struct {
	Title, XLabel, YLabel string
	// Categories name the bar positions, first at the top (horizontal
	// bars) or left; nil for bars at x = 0, 1, 2, ... on a number axis.
	Categories []string
	Horizontal bool
	Stacked    bool // series stack on each other; else they stand side by side
	Series     []ChartSeries
	// Marks, per category, are values marked with a short black line
	// across the bar (targets).
	Marks    [][]float64
	MarkName string // legend entry of the marks
	// Lines, when not empty, make a line chart instead: X values are
	// dates when Dates is true.
	Lines  []ChartLine
	Dates  bool
	Max    float64 // upper end of the value axis; 0 for automatic
	Min    float64 // lower end of the value axis (0 unless negative values need room)
	Counts bool    // values are counts: whole-number ticks
	// XCounts gives a line chart's X axis whole-number ticks (meetings,
	// periods).
	XCounts bool
	// Note is a line of small text under the chart (what was left out),
	// "" for none.
	Note string
	// Dots, when not empty, make a dot plot instead: Dots[k] are the
	// values of row k (Categories[k], from the top), one dot each.
	Dots []ChartDots
}

// ChartSeries is one set of bars, one value per category.
type ChartSeries struct {
	Name   string
	Color  string
	Values []float64
}

// ChartDots is one row of a dot plot.
type ChartDots struct {
	Color string
	X     []float64
}

// ChartLine is one line of a line chart: steps (a value holds until the
// next X), or with Straight, straight segments between marked points, a
// NaN Y leaving a gap.
type ChartLine struct {
	Name     string
	Color    string
	Dashed   bool
	Straight bool
	X, Y     []float64
}

// ChartSize is a chart's size and text size, in points.
type ChartSize struct {
	Width, Height, FontSize float64
	DPI                     int     // PNG resolution, 0 for DefaultDPI
	PDFText                 PDFText // how a PDF carries its text
}

// Centimetre is 1 cm in points.
const Centimetre = 72 / 2.54

// Limits of a chart's size, in points: sides from 1 to 2,000 cm (a bar
// chart grows with its bars), text from 1 to 100 points. The command's
// flags keep to narrower ranges.
const (
	MinChartSide     = 1 * Centimetre
	MaxChartSide     = 2000 * Centimetre
	MinChartFontSize = 1.0
	MaxChartFontSize = 100.0
)

// ErrChartSize is the error of a chart size out of its limits, or too
// small for its text.
var ErrChartSize = errors.New("chart size")

// check refuses a size out of the limits (NaN and infinities included).
func (sz ChartSize) check() error {
	if !(sz.Width >= MinChartSide && sz.Width <= MaxChartSide && sz.Height >= MinChartSide && sz.Height <= MaxChartSide) {
		return fmt.Errorf("%w: %.4g × %.4g cm: want sides from %g to %g cm", ErrChartSize, sz.Width/Centimetre, sz.Height/Centimetre, MinChartSide/Centimetre, MaxChartSide/Centimetre)
	}
	if !(sz.FontSize >= MinChartFontSize && sz.FontSize <= MaxChartFontSize) {
		return fmt.Errorf("%w: text of %v points: want %g to %g points", ErrChartSize, sz.FontSize, MinChartFontSize, MaxChartFontSize)
	}
	return nil
}

// DefaultChartSize fits one column of a journal page: 8.5 cm wide, 8 pt
// text; the height grows with the number of bars.
func DefaultChartSize(c *Chart) ChartSize {
	h := 6.0 * Centimetre
	if c.Horizontal && len(c.Categories) > 0 {
		per := 0.45
		if !c.Stacked && len(c.Series) > 1 {
			per = 0.22 * float64(len(c.Series))
		}
		h = math.Max(h, (2.2+per*float64(len(c.Categories)))*Centimetre)
	}
	// The legend goes under the plot, a row an entry: the plot keeps its
	// height (a five-sector legend left a line chart's axis 2 cm tall,
	// shorter than its label).
	h += 0.35 * Centimetre * float64(c.legendEntries())
	return ChartSize{Width: 8.5 * Centimetre, Height: h, FontSize: 8}
}

var chartFonts = sync.OnceFunc(func() {
	regular, bold := typeset.Fonts()
	font.DefaultCache.Add(font.Collection{
		{Font: font.Font{Typeface: typeset.Family}, Face: regular},
		{Font: font.Font{Typeface: typeset.Family, Weight: xfont.WeightBold}, Face: bold},
	})
	plot.DefaultFont = font.Font{Typeface: typeset.Family}
})

// WriteChart draws c in format f (svg, png or pdf) at size sz.
func WriteChart(w io.Writer, c *Chart, f FigureFormat, sz ChartSize) error {
	if f == FigureDOT {
		return errors.New("dot is a diagram format; charts are svg, png or pdf")
	}
	if err := sz.check(); err != nil {
		return err
	}
	chartFonts()
	p, legend, err := c.plot(sz)
	hasLegend := c.legendEntries() > 0
	if err != nil {
		return err
	}
	width, height := vg.Length(sz.Width), vg.Length(sz.Height)
	var cw vg.CanvasWriterTo
	var canvas vg.CanvasSizer
	switch f {
	case FigureSVG:
		sv := vgsvg.New(width, height)
		cw, canvas = sv, sv
	case FigurePNG:
		im := vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(pngDPI(sz.Width, sz.Height, sz.DPI)), vgimg.UseBackgroundColor(color.White))}
		cw, canvas = im, outlineCanvas{im}
	case FigurePDF:
		cw, canvas = pdfCanvas(width, height, sz.PDFText, c.Title)
	default:
		return fmt.Errorf("unknown figure format %q", f)
	}
	dc := draw.New(canvas)
	// White background, then the plot with the legend to its right.
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	// A margin of half the text size on every side, so that the title,
	// the longest bar label and the longest bar do not touch the edge.
	pad := vg.Length(sz.FontSize) / 2
	dc = draw.Crop(dc, pad, -pad, pad, -pad)
	// The legend goes under the plot, left-aligned.
	lh := vg.Length(0)
	if hasLegend {
		lh = legend.Rectangle(dc).Size().Y + vg.Length(sz.FontSize)
	}
	var note []string
	noteStyle := draw.TextStyle{Color: color.Gray{Y: 0x44}, Font: font.Font{Typeface: typeset.Family, Size: font.Length(sz.FontSize * 0.85)},
		Handler: plot.DefaultTextHandler, XAlign: draw.XLeft, YAlign: draw.YBottom}
	if c.Note != "" {
		perLine := max(20, int(sz.Width/(sz.FontSize*0.85*0.55)))
		note = wrapWords(c.Note, perLine)
	}
	nh := vg.Length(float64(len(note)) * sz.FontSize * 1.05)
	// Text too large for the canvas leaves the bars a negative area, and
	// the rasterizer then walks millions of rows outside the image
	// (minutes, or for ever): refuse it instead.
	area := p.DataCanvas(draw.Crop(dc, 0, 0, lh+nh, 0)).Size()
	if min := vg.Length(2 * sz.FontSize); !(area.X >= min && area.Y >= min) {
		return fmt.Errorf("%w: a %.3g × %.3g cm chart has no room for its bars beside %g pt text: make it larger or the text smaller",
			ErrChartSize, sz.Width/Centimetre, sz.Height/Centimetre, sz.FontSize)
	}
	p.Draw(draw.Crop(dc, 0, 0, lh+nh, 0))
	if hasLegend {
		legend.Draw(draw.Crop(dc, 0, 0, nh, lh+nh-dc.Size().Y))
	}
	for i, l := range note {
		y := vg.Length(float64(len(note)-1-i)*sz.FontSize*1.05 + sz.FontSize*0.2)
		dc.FillText(noteStyle, vg.Point{X: dc.Min.X, Y: dc.Min.Y + y}, l)
	}
	_, err = cw.WriteTo(w)
	return err
}

// legendEntries counts the legend's entries: named series or lines, and
// the marks.
func (c *Chart) legendEntries() int {
	n := 0
	for _, s := range c.Series {
		if s.Name != "" {
			n++
		}
	}
	for _, l := range c.Lines {
		if l.Name != "" {
			n++
		}
	}
	if len(c.Marks) > 0 && c.MarkName != "" {
		n++
	}
	return n
}

// outlineCanvas draws text as glyph outlines in visual order, so PNG and
// outlined PDF need no font and right-to-left names read correctly.
type outlineCanvas struct{ vg.CanvasSizer }

func (c outlineCanvas) FillString(f font.Face, pt vg.Point, s string) {
	bold := f.Font.Weight >= xfont.WeightBold
	c.CanvasSizer.Fill(typeset.Outline(s, f.Font.Size.Points(), bold, pt.X.Points(), pt.Y.Points()))
}

func (c *Chart) plot(sz ChartSize) (*plot.Plot, *plot.Legend, error) {
	p := plot.New()
	fs := font.Length(sz.FontSize)
	p.Title.Text = c.Title
	p.Title.TextStyle.Font.Size = fs * 1.1
	p.Title.TextStyle.Font.Weight = xfont.WeightBold
	p.X.Label.Text, p.Y.Label.Text = c.XLabel, c.YLabel
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font.Size = fs
		a.Tick.Label.Font.Size = fs * 0.9
		a.LineStyle.Width = 0.5
		a.Tick.LineStyle.Width = 0.5
		a.Padding = 0
	}
	lg := plot.NewLegend()
	lg.TextStyle.Font.Size = fs * 0.9
	lg.Top = true
	lg.Left = true
	lg.ThumbnailWidth = vg.Length(sz.FontSize)
	if len(c.Lines) > 0 {
		for _, l := range c.Lines {
			if l.Straight {
				if err := addStraightLine(p, &lg, l); err != nil {
					return nil, nil, err
				}
				continue
			}
			xys := make(plotter.XYs, len(l.X))
			for i := range l.X {
				xys[i] = plotter.XY{X: l.X[i], Y: l.Y[i]}
			}
			ln, err := plotter.NewLine(xys)
			if err != nil {
				return nil, nil, err
			}
			ln.StepStyle = plotter.PostStep
			ln.Color = parseColor(l.Color, 1)
			ln.Width = 1.2
			if l.Dashed {
				ln.Dashes = []vg.Length{3, 2}
			}
			p.Add(ln)
			if l.Name != "" {
				lg.Add(l.Name, ln)
			}
		}
		if c.Dates {
			p.X.Tick.Marker = plot.TimeTicks{Format: "2006-01"}
		} else if c.XCounts {
			p.X.Tick.Marker = integerTicks{}
		}
		p.Y.Min = c.Min
		if c.Max > 0 {
			p.Y.Max = c.Max
		}
		if c.Counts {
			p.Y.Tick.Marker = integerTicks{}
		}
		return p, &lg, nil
	}
	if len(c.Dots) > 0 {
		n := len(c.Dots)
		for k, ds := range c.Dots {
			xys := make(plotter.XYs, len(ds.X))
			for i, x := range ds.X {
				// Deterministic jitter: a low-discrepancy sequence.
				j := math.Mod(float64(i)*0.6180339887498949, 1) - 0.5
				xys[i] = plotter.XY{X: x, Y: float64(n-1-k) + 0.6*j}
			}
			sc, err := plotter.NewScatter(xys)
			if err != nil {
				return nil, nil, err
			}
			sc.GlyphStyle.Color = parseColor(ds.Color, 0.55)
			sc.GlyphStyle.Shape = draw.CircleGlyph{}
			sc.GlyphStyle.Radius = vg.Length(math.Max(1, math.Min(2.2, 60/math.Sqrt(float64(len(ds.X)+1)))))
			p.Add(sc)
		}
		names := make([]string, n)
		for k := range n {
			if k < len(c.Categories) {
				names[n-1-k] = c.Categories[k]
			}
		}
		p.NominalY(names...)
		p.X.Min, p.X.Max = c.Min, c.Max
		p.Add(plotter.NewGrid())
		return p, &lg, nil
	}
	n := len(c.Categories)
	if n == 0 && len(c.Series) > 0 {
		n = len(c.Series[0].Values)
	}
	// Bar thickness: 70% of the space per category.
	span := sz.Width - 6*sz.FontSize
	if c.Horizontal {
		// The height less the title, the value axis and the legend.
		span = sz.Height - 6*sz.FontSize - float64(c.legendEntries())*sz.FontSize*1.1
	}
	span = math.Max(span, sz.FontSize)
	thick := 0.7 * span / math.Max(float64(n), 1)
	if !c.Stacked && len(c.Series) > 1 {
		thick /= float64(len(c.Series))
	}
	pos := func(k int) int { // horizontal bars list the first category at the top
		if c.Horizontal {
			return n - 1 - k
		}
		return k
	}
	var below *plotter.BarChart
	for si, s := range c.Series {
		vals := make(plotter.Values, n)
		for k := 0; k < n && k < len(s.Values); k++ {
			v := s.Values[k]
			if math.IsNaN(v) {
				v = 0
			}
			vals[pos(k)] = v
		}
		b, err := plotter.NewBarChart(vals, vg.Length(thick))
		if err != nil {
			return nil, nil, err
		}
		b.Horizontal = c.Horizontal
		b.Color = parseColor(s.Color, 1)
		b.LineStyle.Width = 0.3
		b.LineStyle.Color = color.White
		if c.Stacked {
			if below != nil {
				b.StackOn(below)
			}
			below = b
		} else if len(c.Series) > 1 {
			off := (float64(si) - float64(len(c.Series)-1)/2) * thick
			if c.Horizontal {
				off = -off
			}
			b.Offset = vg.Length(off)
		}
		p.Add(b)
		if s.Name != "" {
			lg.Add(s.Name, b)
		}
	}
	if len(c.Marks) > 0 {
		m := &markPlotter{thick: vg.Length(thick), horizontal: c.Horizontal}
		for k, ms := range c.Marks {
			for _, v := range ms {
				m.at = append(m.at, [2]float64{float64(pos(k)), v})
			}
		}
		p.Add(m)
		if c.MarkName != "" {
			lg.Add(c.MarkName, m)
		}
	}
	if c.Categories != nil {
		names := make([]string, n)
		for k, s := range c.Categories {
			names[pos(k)] = s
		}
		if c.Horizontal {
			p.NominalY(names...)
		} else {
			p.NominalX(names...)
		}
	}
	val := &p.Y
	if c.Horizontal {
		val = &p.X
	}
	val.Min = 0
	if c.Max > 0 {
		val.Max = c.Max
	}
	if c.Counts {
		val.Tick.Marker = integerTicks{}
	}
	if !c.Horizontal && c.Categories == nil {
		p.X.Min, p.X.Max = -0.5, float64(n)-0.5
		p.X.Tick.Marker = integerTicks{}
	}
	return p, &lg, nil
}

// markPlotter draws short black lines across bars at given values.
type markPlotter struct {
	at         [][2]float64 // (bar position, value)
	thick      vg.Length
	horizontal bool
}

func (m *markPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	c.SetColor(color.Black)
	c.SetLineWidth(1.2)
	for _, a := range m.at {
		var path vg.Path
		if m.horizontal {
			x, y := trX(a[1]), trY(a[0])
			path.Move(vg.Point{X: x, Y: y - m.thick/2 - 1})
			path.Line(vg.Point{X: x, Y: y + m.thick/2 + 1})
		} else {
			x, y := trX(a[0]), trY(a[1])
			path.Move(vg.Point{X: x - m.thick/2 - 1, Y: y})
			path.Line(vg.Point{X: x + m.thick/2 + 1, Y: y})
		}
		c.Stroke(path)
	}
}

// Thumbnail draws the legend entry of the marks.
func (m *markPlotter) Thumbnail(c *draw.Canvas) {
	x := (c.Min.X + c.Max.X) / 2
	var path vg.Path
	path.Move(vg.Point{X: x, Y: c.Min.Y})
	path.Line(vg.Point{X: x, Y: c.Max.Y})
	c.SetColor(color.Black)
	c.SetLineWidth(1.2)
	c.Stroke(path)
}

// integerTicks labels whole numbers only, about six of them.
type integerTicks struct{}

func (integerTicks) Ticks(min, max float64) []plot.Tick {
	lo, hi := math.Ceil(min)+0, math.Floor(max)
	if lo == 0 {
		lo = 0 // not -0
	}
	if hi < lo {
		return nil
	}
	step := math.Max(1, math.Ceil((hi-lo)/6))
	// Round the step to 1, 2 or 5 times a power of ten.
	mag := math.Pow(10, math.Floor(math.Log10(step)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= step {
			step = m * mag
			break
		}
	}
	var ts []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v+0, 'f', 0, 64)})
	}
	return ts
}

// dateValue is the X value of a date in line charts (Unix seconds, as
// plot.TimeTicks reads them).
func dateValue(t time.Time) float64 { return float64(t.Unix()) }

// addStraightLine draws l as straight segments between points marked with
// dots, each run of non-NaN values a segment of its own.
func addStraightLine(p *plot.Plot, lg *plot.Legend, l ChartLine) error {
	col := parseColor(l.Color, 1)
	var first *plotter.Line
	var pts plotter.XYs
	flush := func() error {
		if len(pts) == 0 {
			return nil
		}
		ln, sc, err := plotter.NewLinePoints(pts)
		if err != nil {
			return err
		}
		ln.Color, ln.Width = col, 1.2
		if l.Dashed {
			ln.Dashes = []vg.Length{3, 2}
		}
		sc.Color, sc.Shape, sc.Radius = col, draw.CircleGlyph{}, 1.6
		p.Add(ln, sc)
		if first == nil {
			first = ln
		}
		pts = nil
		return nil
	}
	for i := range l.X {
		if math.IsNaN(l.Y[i]) || math.IsInf(l.Y[i], 0) {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		pts = append(pts, plotter.XY{X: l.X[i], Y: l.Y[i]})
	}
	if err := flush(); err != nil {
		return err
	}
	if first != nil && l.Name != "" {
		lg.Add(l.Name, first)
	}
	return nil
}

// wrapWords breaks s into lines of at most n characters at spaces.
func wrapWords(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > n {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
