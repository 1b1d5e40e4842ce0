package out

import (
	"strconv"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// OkabeIto is the colour-blind-safe palette of M. Okabe and K. Ito, "Color
// Universal Design" (2008); its black is replaced by grey so labels stay
// readable. Its first five colours are the usual sectors' (UsualSectors);
// other sectors take the colours no usual sector of the dataset has, in
// this order.
var OkabeIto = []string{"#0072B2", "#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#F0E442", "#999999"}

// sectorShapes mark sectors in greyscale, in the order of UsualSectors;
// other sectors take the shapes no usual sector of the dataset has,
// cycling.
var sectorShapes = []Shape{ShapeCircle, ShapeSquare, ShapeDiamond, ShapeTriangle, ShapeHexagon}

// UsualSectors are the five sectors of cross-sector partnerships, each
// with the ids that name it (compared case-insensitively). A sector
// without a colour of its own (no sectors.csv, or no colour in it) whose
// id is one of these always gets the same colour and shape, whatever
// order the dataset lists it in:
//
//	government  #0072B2 blue        circle
//	local       #56B4E9 sky blue    square
//	business    #E69F00 orange      diamond
//	nonprofit   #009E73 green       triangle
//	academia    #CC79A7 purple      hexagon
var UsualSectors = [][]string{
	{"government", "gov", "public", "state", "ministry"},
	{"local", "local authorities", "local authority", "municipal", "municipality", "loc"},
	{"business", "bus", "private", "corporate", "company", "industry"},
	{"nonprofit", "nonprofits", "non-profit", "npo", "ngo", "civil society", "third sector", "civil"},
	{"academia", "aca", "academic", "university", "research"},
}

// usualSector returns the index in UsualSectors of a sector id, or -1.
func usualSector(id string) int {
	id = strings.ToLower(strings.TrimSpace(id))
	for k, ids := range UsualSectors {
		for _, x := range ids {
			if id == x {
				return k
			}
		}
	}
	return -1
}

// Style is how a sector is drawn.
type Style struct {
	Color string
	Shape Shape
}

// SectorStyles returns the colour and shape of each sector of d, in the
// order of d.Sectors: the colour from sectors.csv (#RRGGBB, #RGB or a CSS
// colour name, as #RRGGBB), else the usual sector's colour
// (UsualSectors), else the next Okabe-Ito colour that neither a usual
// sector of d nor an earlier sector without a colour takes.
func SectorStyles(d *graph.Dataset) []Style {
	return sectorStyles(d.Sectors)
}

func sectorStyles(sectors []graph.Sector) []Style {
	st := make([]Style, len(sectors))
	usedColor := map[int]bool{}
	usedShape := map[int]bool{}
	kind := make([]int, len(sectors))
	for k, s := range sectors {
		kind[k] = usualSector(s.ID)
		if kind[k] >= 0 {
			if usedColor[kind[k]] {
				kind[k] = -1 // two ids of one usual sector: the second is "other"
				continue
			}
			usedColor[kind[k]], usedShape[kind[k]] = true, true
		}
	}
	nextColor, nextShape := 0, 0
	for k, s := range sectors {
		own, ok := ParseColor(s.Color)
		if !ok {
			own = ""
		}
		if u := kind[k]; u >= 0 {
			st[k] = Style{Color: OkabeIto[u], Shape: sectorShapes[u]}
		} else {
			c := -1
			if own == "" {
				for nextColor < len(OkabeIto) && usedColor[nextColor] {
					nextColor++
				}
				c = nextColor
				if c >= len(OkabeIto) {
					c = k % len(OkabeIto) // more sectors than colours: cycle
				} else {
					usedColor[c] = true
				}
			}
			for nextShape < len(sectorShapes) && usedShape[nextShape] {
				nextShape++
			}
			sh := nextShape
			if sh >= len(sectorShapes) {
				sh = k % len(sectorShapes)
			} else {
				usedShape[sh] = true
			}
			st[k] = Style{Shape: sectorShapes[sh]}
			if c >= 0 {
				st[k].Color = OkabeIto[c]
			}
		}
		if own != "" {
			st[k].Color = own
		}
	}
	return st
}

// orgStyle returns the style of organization sector index k (-1 for an
// unlisted sector: grey circle).
func orgStyle(styles []Style, k int) Style {
	if k < 0 || k >= len(styles) {
		return Style{Color: "#BBBBBB", Shape: ShapeCircle}
	}
	return styles[k]
}

// SectorColors returns the colour of each sector as #RRGGBB, the colour
// the diagrams draw it in (SectorStyles): its own colour from sectors.csv
// (#RRGGBB, #RGB or a CSS colour name such as navy), else, or when the
// name is not a CSS colour, the colour SectorStyles gives a sector without
// one.
func SectorColors(sectors []graph.Sector) []string {
	st := sectorStyles(sectors)
	out := make([]string, len(sectors))
	for k := range st {
		out[k], _ = ParseColor(st[k].Color)
	}
	return out
}

// ParseColor returns a colour given as #RRGGBB, #RGB or a CSS colour name
// (CSS Color Module Level 4, case-insensitive) as #RRGGBB in upper case.
func ParseColor(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if c, ok := cssColors[strings.ToLower(s)]; ok {
		return c, true
	}
	if len(s) == 4 && s[0] == '#' {
		s = "#" + strings.Repeat(s[1:2], 2) + strings.Repeat(s[2:3], 2) + strings.Repeat(s[3:4], 2)
	}
	if len(s) == 7 && s[0] == '#' {
		if _, err := strconv.ParseUint(s[1:], 16, 32); err == nil {
			return strings.ToUpper(s), true
		}
	}
	return "", false
}

// rgb splits #RRGGBB into its components.
func rgb(c string) (r, g, b int, ok bool) {
	if len(c) != 7 || c[0] != '#' {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseUint(c[1:], 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return int(v >> 16), int(v >> 8 & 0xFF), int(v & 0xFF), true
}

var cssColors = map[string]string{
	"aliceblue": "#F0F8FF", "antiquewhite": "#FAEBD7", "aqua": "#00FFFF", "aquamarine": "#7FFFD4",
	"azure": "#F0FFFF", "beige": "#F5F5DC", "bisque": "#FFE4C4", "black": "#000000",
	"blanchedalmond": "#FFEBCD", "blue": "#0000FF", "blueviolet": "#8A2BE2", "brown": "#A52A2A",
	"burlywood": "#DEB887", "cadetblue": "#5F9EA0", "chartreuse": "#7FFF00", "chocolate": "#D2691E",
	"coral": "#FF7F50", "cornflowerblue": "#6495ED", "cornsilk": "#FFF8DC", "crimson": "#DC143C",
	"cyan": "#00FFFF", "darkblue": "#00008B", "darkcyan": "#008B8B", "darkgoldenrod": "#B8860B",
	"darkgray": "#A9A9A9", "darkgreen": "#006400", "darkgrey": "#A9A9A9", "darkkhaki": "#BDB76B",
	"darkmagenta": "#8B008B", "darkolivegreen": "#556B2F", "darkorange": "#FF8C00",
	"darkorchid": "#9932CC", "darkred": "#8B0000", "darksalmon": "#E9967A", "darkseagreen": "#8FBC8F",
	"darkslateblue": "#483D8B", "darkslategray": "#2F4F4F", "darkslategrey": "#2F4F4F",
	"darkturquoise": "#00CED1", "darkviolet": "#9400D3", "deeppink": "#FF1493",
	"deepskyblue": "#00BFFF", "dimgray": "#696969", "dimgrey": "#696969", "dodgerblue": "#1E90FF",
	"firebrick": "#B22222", "floralwhite": "#FFFAF0", "forestgreen": "#228B22", "fuchsia": "#FF00FF",
	"gainsboro": "#DCDCDC", "ghostwhite": "#F8F8FF", "gold": "#FFD700", "goldenrod": "#DAA520",
	"gray": "#808080", "green": "#008000", "greenyellow": "#ADFF2F", "grey": "#808080",
	"honeydew": "#F0FFF0", "hotpink": "#FF69B4", "indianred": "#CD5C5C", "indigo": "#4B0082",
	"ivory": "#FFFFF0", "khaki": "#F0E68C", "lavender": "#E6E6FA", "lavenderblush": "#FFF0F5",
	"lawngreen": "#7CFC00", "lemonchiffon": "#FFFACD", "lightblue": "#ADD8E6",
	"lightcoral": "#F08080", "lightcyan": "#E0FFFF", "lightgoldenrodyellow": "#FAFAD2",
	"lightgray": "#D3D3D3", "lightgreen": "#90EE90", "lightgrey": "#D3D3D3", "lightpink": "#FFB6C1",
	"lightsalmon": "#FFA07A", "lightseagreen": "#20B2AA", "lightskyblue": "#87CEFA",
	"lightslategray": "#778899", "lightslategrey": "#778899", "lightsteelblue": "#B0C4DE",
	"lightyellow": "#FFFFE0", "lime": "#00FF00", "limegreen": "#32CD32", "linen": "#FAF0E6",
	"magenta": "#FF00FF", "maroon": "#800000", "mediumaquamarine": "#66CDAA", "mediumblue": "#0000CD",
	"mediumorchid": "#BA55D3", "mediumpurple": "#9370DB", "mediumseagreen": "#3CB371",
	"mediumslateblue": "#7B68EE", "mediumspringgreen": "#00FA9A", "mediumturquoise": "#48D1CC",
	"mediumvioletred": "#C71585", "midnightblue": "#191970", "mintcream": "#F5FFFA",
	"mistyrose": "#FFE4E1", "moccasin": "#FFE4B5", "navajowhite": "#FFDEAD", "navy": "#000080",
	"oldlace": "#FDF5E6", "olive": "#808000", "olivedrab": "#6B8E23", "orange": "#FFA500",
	"orangered": "#FF4500", "orchid": "#DA70D6", "palegoldenrod": "#EEE8AA", "palegreen": "#98FB98",
	"paleturquoise": "#AFEEEE", "palevioletred": "#DB7093", "papayawhip": "#FFEFD5",
	"peachpuff": "#FFDAB9", "peru": "#CD853F", "pink": "#FFC0CB", "plum": "#DDA0DD",
	"powderblue": "#B0E0E6", "purple": "#800080", "rebeccapurple": "#663399", "red": "#FF0000",
	"rosybrown": "#BC8F8F", "royalblue": "#4169E1", "saddlebrown": "#8B4513", "salmon": "#FA8072",
	"sandybrown": "#F4A460", "seagreen": "#2E8B57", "seashell": "#FFF5EE", "sienna": "#A0522D",
	"silver": "#C0C0C0", "skyblue": "#87CEEB", "slateblue": "#6A5ACD", "slategray": "#708090",
	"slategrey": "#708090", "snow": "#FFFAFA", "springgreen": "#00FF7F", "steelblue": "#4682B4",
	"tan": "#D2B48C", "teal": "#008080", "thistle": "#D8BFD8", "tomato": "#FF6347",
	"turquoise": "#40E0D0", "violet": "#EE82EE", "wheat": "#F5DEB3", "white": "#FFFFFF",
	"whitesmoke": "#F5F5F5", "yellow": "#FFFF00", "yellowgreen": "#9ACD32",
}
