package out

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// WriteTableXLSX writes t as an Excel workbook of one sheet: the header
// row in bold and frozen, then one row per table row, numbers as number
// cells and everything else as text cells (inline strings), which no
// spreadsheet evaluates whatever they start with: so staff can open a
// table with names such as =HYPERLINK(...) safely, and see the text as it
// is, without the apostrophe of a spreadsheet-safe CSV. NaN (undefined) is
// an empty cell; an infinite value is the text "Inf" or "-Inf". The same
// table gives the same bytes.
func WriteTableXLSX(w io.Writer, t *Table) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := xlsxSheetName(t.Name)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = utf8.RuneCountInString(c)
	}
	for _, r := range t.Rows {
		for i := range widths {
			if i < len(r) {
				widths[i] = max(widths[i], utf8.RuneCountInString(cellString(r[i], true)))
			}
		}
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, float64(min(max(wd, 6), 60)+2)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		row[i] = excelize.Cell{StyleID: bold, Value: c}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for ri, r := range t.Rows {
		row := make([]any, len(t.Columns))
		for i := range row {
			if i < len(r) {
				row[i] = xlsxValue(r[i])
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, ri+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return writeXLSXCanonical(w, f)
}

// xlsxValue is a table cell as an excelize value: numbers as numbers,
// the rest as text.
func xlsxValue(c any) any {
	var v float64
	switch x := c.(type) {
	case nil:
		return nil
	case int:
		return x
	case int64:
		return x
	case float64:
		v = x
	case Rounded:
		v = x.V
	default:
		return cellString(c, false)
	}
	if math.IsNaN(v) {
		return nil
	}
	if math.IsInf(v, 0) {
		return FormatFloat(v)
	}
	// Excel keeps 15 significant digits, and excelize cuts longer
	// numbers there (0.12499999999999997 would be 0.124999999999999):
	// rounded to 15 first, a number is its nearest 15-digit value.
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return r
}

// xlsxSheetName makes a table's name a valid sheet name: at most 31
// characters, none of : \ / ? * [ ].
func xlsxSheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) || isControl(r) {
			return '_'
		}
		return r
	}, name)
	name = strings.Trim(name, "'")
	if name == "" {
		name = "table"
	}
	if utf8.RuneCountInString(name) > 31 {
		name = string([]rune(name)[:31])
	}
	return name
}

// writeXLSXCanonical writes f with its zip entries in a fixed order
// ([Content_Types].xml first, then by name) and no modification times, so
// the same table gives the same bytes (excelize writes some parts in map
// order). data's workbook writer does the same; out cannot import data.
func writeXLSXCanonical(w io.Writer, f *excelize.File) error {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	entries := slices.Clone(zr.File)
	slices.SortFunc(entries, func(a, b *zip.File) int {
		const first = "[Content_Types].xml"
		switch {
		case a.Name == b.Name:
			return 0
		case a.Name == first:
			return -1
		case b.Name == first:
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	zw := zip.NewWriter(w)
	for _, e := range entries {
		dst, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		src, err := e.Open()
		if err != nil {
			return err
		}
		_, err = io.Copy(dst, src)
		src.Close()
		if err != nil {
			return err
		}
	}
	return zw.Close()
}
