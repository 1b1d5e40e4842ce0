package data

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// validWorkbook is validFiles as a workbook, one sheet per file, with the
// organizations sheet's rows replaced by rows when rows is not nil.
func validWorkbook(t testing.TB, rows [][]string) ([]byte, bool) {
	f := excelize.NewFile()
	defer f.Close()
	for i, spec := range Files {
		sheet := SheetName(spec.Name)
		if i == 0 {
			f.SetSheetName("Sheet1", sheet)
		} else {
			f.NewSheet(sheet)
		}
		recs := [][]string{}
		for _, line := range strings.Split(strings.TrimSpace(validFiles[spec.Name]), "\n") {
			recs = append(recs, strings.Split(line, ","))
		}
		if spec.Name == FileOrganizations && rows != nil {
			recs = rows
		}
		for r, rec := range recs {
			for c, v := range rec {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellStr(sheet, cell, v); err != nil {
					return nil, false // a value Excel cannot hold
				}
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, false
	}
	return b.Bytes(), true
}

// checkWorkbookErrors checks that every problem of a workbook load names
// the workbook, and a sheet and row unless it concerns the whole file or
// sheet.
func checkWorkbookErrors(t *testing.T, err error) {
	if err == nil {
		return
	}
	var list *List
	if !errors.As(err, &list) {
		t.Fatalf("error is not a *List: %v", err)
	}
	for _, e := range list.Errs {
		if e.File != "w.xlsx" || !strings.HasPrefix(e.Error(), "w.xlsx") {
			t.Errorf("problem not naming the workbook: %v", e)
		}
		if errors.Is(e, ErrNotWorkbook) {
			continue
		}
		if e.Sheet == "" {
			t.Errorf("problem without a sheet: %v", e)
		}
		whole := errors.Is(e, ErrMissingFile) || (errors.Is(e, ErrMissingColumn) && e.Line == 0)
		if e.Line <= 0 && !whole {
			t.Errorf("problem without a row: %v", e)
		}
	}
}

// FuzzWorkbookCells fills the organizations sheet with arbitrary cells
// (lines split at newlines, cells at tabs): loading never panics and every
// problem is located.
func FuzzWorkbookCells(f *testing.F) {
	for _, s := range []string{
		"id\tname\tsector\nA\tAlpha\tgov\nB\tBeta\tbus\nC\tGamma\tbus",
		"ID\tName\tSector\n\n# comment\nA\tAlpha\tgov\tnote\nB\tBeta\tbus\nC\tGamma\tbus",
		"id\tname\n",
		"",
		"id\tname\tsector\n#N/A\tx\tgov\n\t\t\n=1/0\tA\tbus",
		"id\tid\tsector",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var rows [][]string
		for _, line := range strings.Split(s, "\n") {
			rows = append(rows, strings.Split(line, "\t"))
		}
		cells := 0
		for _, r := range rows {
			cells += len(r)
		}
		if len(rows) > 200 || cells > 2000 {
			return
		}
		b, ok := validWorkbook(t, rows)
		if !ok {
			return
		}
		d, err := LoadWorkbook(bytes.NewReader(b), "w.xlsx")
		if err == nil && d == nil {
			t.Fatal("nil dataset and nil error")
		}
		checkWorkbookErrors(t, err)
	})
}

// FuzzWorkbookBytes loads arbitrary bytes as a workbook, seeded with a
// valid one and pieces of it: never a panic, always a located error.
func FuzzWorkbookBytes(f *testing.F) {
	b, _ := validWorkbook(f, nil)
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("id,name\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := LoadWorkbook(bytes.NewReader(b), "w.xlsx")
		if err == nil && d == nil {
			t.Fatal("nil dataset and nil error")
		}
		checkWorkbookErrors(t, err)
	})
}

// FuzzReadMatrix converts arbitrary CSV as a wide sheet: never a panic,
// every problem names the file.
func FuzzReadMatrix(f *testing.F) {
	for _, s := range []string{
		"id,name,F1,F2\nA,Alpha,x,\nB,Beta,,✓\n",
		"org;F1;F2\nA;1;yes\n",
		"org\tF1\nA\tmaybe\n,x\nA,x\n",
		"", "\xef\xbb\xbf", "org,F1\n\"open",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, as := range []string{FileParticipation, FileAttendance} {
			d, err := ReadMatrix(bytes.NewReader(b), "m.csv", MatrixOptions{As: as, Roles: as == FileParticipation})
			if err == nil {
				if d == nil {
					t.Fatal("nil dataset and nil error")
				}
				continue
			}
			var list *List
			if !errors.As(err, &list) {
				t.Fatalf("error is not a *List: %v", err)
			}
			for _, e := range list.Errs {
				if !strings.HasPrefix(e.Error(), "m.csv") {
					t.Errorf("problem not naming the file: %v", e)
				}
			}
		}
	})
}

// FuzzReadMatrixWorkbook converts arbitrary cells (lines split at
// newlines, cells at tabs) written as a workbook sheet, with a merged
// range from the first bytes, as a wide sheet: never a panic, every
// problem names the workbook and the sheet.
func FuzzReadMatrixWorkbook(f *testing.F) {
	f.Add("id\tname\tF1\tF2\nA\tAlpha\tx\t\nB\tBeta\t\t✓", uint8(2), uint8(3))
	f.Add("org\tF1\nA\tchair\n\tx", uint8(0), uint8(0))
	f.Add("F1\tF2\n#N/A\t1", uint8(1), uint8(200))
	f.Fuzz(func(t *testing.T, s string, mergeRow, mergeCol uint8) {
		b := excelize.NewFile()
		defer b.Close()
		cells := 0
		for r, line := range strings.Split(s, "\n") {
			for c, v := range strings.Split(line, "\t") {
				if cells++; r > 100 || cells > 1000 {
					return
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := b.SetCellStr("Sheet1", cell, v); err != nil {
					return
				}
			}
		}
		var buf bytes.Buffer
		if err := b.Write(&buf); err != nil {
			return
		}
		xlsx := buf.Bytes()
		if mergeRow > 0 && mergeCol > 0 {
			// Written into the sheet's XML: excelize's MergeCell visits
			// every cell of the range.
			to, _ := excelize.CoordinatesToCellName(int(mergeCol), int(mergeRow)*1000)
			xlsx = rezip(t, xlsx, inSheet("xl/worksheets/sheet1.xml", "</sheetData>", `<mergeCells count="1"><mergeCell ref="A2:`+to+`"/></mergeCells>`), nil)
		}
		for _, as := range []string{FileParticipation, FileAttendance} {
			d, err := ReadMatrix(bytes.NewReader(xlsx), "m.xlsx", MatrixOptions{As: as, Roles: as == FileParticipation})
			if err == nil {
				if d == nil {
					t.Fatal("nil dataset and nil error")
				}
				continue
			}
			var list *List
			if !errors.As(err, &list) {
				t.Fatalf("error is not a *List: %v", err)
			}
			for _, e := range list.Errs {
				if !strings.HasPrefix(e.Error(), "m.xlsx") || (e.Sheet == "" && !errors.Is(e, ErrNotWorkbook)) {
					t.Errorf("problem not naming the workbook and sheet: %v", e)
				}
			}
		}
	})
}
