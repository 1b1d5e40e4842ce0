package data

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/sectornet/sectornet/graph"
)

// numericColumns are the columns written as numbers in a workbook.
var numericColumns = map[string]bool{"capacity": true, "weight": true, "trust": true, "value": true, "share": true,
	"reliability": true, "mission": true, "openness": true, "power": true, "involvement": true, "resources": true}

// columnNotes explain each column of the dataset format; WriteWorkbookTemplate
// puts them as notes on the headings.
var columnNotes = map[string]string{
	"sectors.id":           "Sector id, used in the sector column of organizations (e.g. government). Rows give the display order.",
	"sectors.label":        "Display label, in any language (e.g. Government / ממשלה).",
	"sectors.color":        "Display colour: #RRGGBB (e.g. #0072B2) or a colour name.",
	"organizations.id":     "A unique id for the organization (e.g. G01); other sheets refer to it.",
	"organizations.name":   "The organization's name.",
	"organizations.sector": "A sector id from the sectors sheet. Add columns of your own (city, size, ...): they are kept as attributes.",
	"forums.id":            "A unique id for the forum, committee or board (e.g. F1).",
	"forums.name":          "The forum's name.",
	"forums.kind":          "forum, board, national, ... (forum when blank).",
	"forums.capacity":      "Number of seats, a whole number (optional).",
	"participation.org":    "An organization id from the organizations sheet.",
	"participation.forum":  "A forum id from the forums sheet. One row per organization and forum.",
	"participation.role":   "chair, member, ... (optional).",
	"participation.person": "Who represents the organization (optional).",
	"participation.joined": "The date it joined the forum, YYYY-MM-DD or a date cell (optional; blank: a member from the start).",
	"meetings.id":          "A unique id for the meeting (e.g. M01).",
	"meetings.forum":       "The forum id whose meeting this is.",
	"meetings.date":        "The date, YYYY-MM-DD (or a date cell).",
	"attendance.meeting":   "A meeting id from the meetings sheet.",
	"attendance.org":       "An organization id. One row per organization and meeting.",
	"attendance.person":    "Who attended (optional).",
	"ties.source":          "An organization id: the organization that reported the collaboration (a survey respondent).",
	"ties.target":          "An organization id: the partner it named. A-B and B-A are one tie of the undirected networks (--symmetrize says how).",
	"ties.wave":            "The survey wave (e.g. 2012).",
	"ties.type":            "information, resources, joint project, ... (optional).",
	"ties.weight":          "A number from 0.0001 to 10000 (1 when blank).",
	"ties.trust":           "A score from 1 to 4 (optional).",
	"ties.value":           "A score from 1 to 4 (optional).",
	"ties.reliability":     "PARTNER trust: how reliable the partner is, 1 (not at all) to 4 (a great deal) (optional).",
	"ties.mission":         "PARTNER trust: how much the partner supports the mission, 1 to 4 (optional).",
	"ties.openness":        "PARTNER trust: how open to discussion the partner is, 1 to 4 (optional).",
	"ties.power":           "PARTNER value: the partner's power and influence, 1 to 4 (optional).",
	"ties.involvement":     "PARTNER value: how involved the partner is, 1 to 4 (optional).",
	"ties.resources":       "PARTNER value: how much the partner contributes resources, 1 to 4 (optional).",
	"respondents.org":      "An organization id that answered the wave's survey (including those that named no partner).",
	"respondents.wave":     "The survey wave it answered (e.g. 2014).",
	"respondents.date":     "The day it answered, YYYY-MM-DD or a date cell (optional).",
	"respondents.person":   "Who answered (optional).",
	"quotas.forum":         "A forum id, or * for every forum without rows of its own.",
	"quotas.sector":        "A sector id.",
	"quotas.share":         "The sector's target share of the forum's seats, from 0 to 1.",
}

// WriteWorkbookTemplate writes an empty dataset workbook: one sheet per
// dataset file, in reading order, each with its header row (required and
// optional columns), a note on every heading saying what goes in the
// column, the header row frozen and bold. `sectornet init --xlsx` writes
// it.
func WriteWorkbookTemplate(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := headerStyle(f)
	if err != nil {
		return err
	}
	for i, spec := range Files {
		sheet := SheetName(spec.Name)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		cols := append(append([]string{}, spec.Required...), spec.Optional...)
		for c, h := range cols {
			cell, _ := excelize.CoordinatesToCellName(c+1, 1)
			if err := f.SetCellStr(sheet, cell, h); err != nil {
				return err
			}
			if note := columnNotes[sheet+"."+h]; note != "" {
				if err := f.AddComment(sheet, excelize.Comment{Cell: cell, Author: "sectornet", Text: note}); err != nil {
					return err
				}
			}
		}
		last, _ := excelize.ColumnNumberToName(len(cols))
		if err := f.SetCellStyle(sheet, "A1", last+"1", bold); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, "A", last, 18); err != nil {
			return err
		}
		if err := f.SetPanes(sheet, frozenHeader()); err != nil {
			return err
		}
		if err := addValidations(f, sheet, cols); err != nil {
			return err
		}
	}
	return writeCanonical(w, f)
}

// idList is the drop-down list of the ids in column A of a sheet, as long
// as the ids typed there: OFFSET from A2 over COUNTA(A:A)-1 rows.
func idList(sheet string) string {
	return fmt.Sprintf("OFFSET(%s!$A$2,0,0,MAX(1,COUNTA(%s!$A:$A)-1),1)", sheet, sheet)
}

// validation is the data validation of one column of the template.
type validation struct {
	list       string // the sheet whose ids make the drop-down list; "" for a number rule
	typ        excelize.DataValidationType
	op         excelize.DataValidationOperator
	lo, hi     float64 // the number rule's bounds
	warn       bool    // a warning that lets the value stay, not a stop
	title, msg string
}

// validations are the drop-down lists and number rules of the template's
// columns, so that most mistakes cannot be typed: ids chosen from their
// sheet (a name cannot be typed where the id belongs), shares from 0 to 1,
// scores from 1 to 4. Sectors and quota forums only warn: without a
// sectors sheet the sector column holds ids of its own, and a quota's
// forum may be *.
var validations = map[string]validation{
	"organizations.sector": {list: "sectors", warn: true, title: "Not in the sectors sheet", msg: "Use a sector id from the sectors sheet (or leave that sheet empty and write each sector the same way on every row)."},
	"participation.org":    {list: "organizations", title: "Not an organization id", msg: "Choose an id from the organizations sheet (column A), not a name."},
	"participation.forum":  {list: "forums", title: "Not a forum id", msg: "Choose an id from the forums sheet (column A), not a name."},
	"meetings.forum":       {list: "forums", title: "Not a forum id", msg: "Choose an id from the forums sheet (column A), not a name."},
	"meetings.date":        {typ: excelize.DataValidationTypeDate, op: excelize.DataValidationOperatorGreaterThan, lo: 1, warn: true, title: "Not a date", msg: "A date, such as 2013-01-15."},
	"attendance.meeting":   {list: "meetings", title: "Not a meeting id", msg: "Choose an id from the meetings sheet (column A)."},
	"attendance.org":       {list: "organizations", title: "Not an organization id", msg: "Choose an id from the organizations sheet (column A), not a name."},
	"ties.source":          {list: "organizations", title: "Not an organization id", msg: "Choose an id from the organizations sheet (column A), not a name."},
	"ties.target":          {list: "organizations", title: "Not an organization id", msg: "Choose an id from the organizations sheet (column A), not a name."},
	"ties.weight":          {typ: excelize.DataValidationTypeDecimal, op: excelize.DataValidationOperatorBetween, lo: graph.MinWeight, hi: graph.MaxWeight, title: "Not a weight", msg: "A number from 0.0001 to 10000 (1 when blank)."},
	"ties.trust":           {typ: excelize.DataValidationTypeDecimal, op: excelize.DataValidationOperatorBetween, lo: 1, hi: 4, title: "Not a score", msg: "A score from 1 to 4."},
	"ties.value":           {typ: excelize.DataValidationTypeDecimal, op: excelize.DataValidationOperatorBetween, lo: 1, hi: 4, title: "Not a score", msg: "A score from 1 to 4."},
	"quotas.forum":         {list: "forums", warn: true, title: "Not a forum id", msg: "A forum id from the forums sheet, or * for every forum without rows of its own."},
	"quotas.sector":        {list: "sectors", warn: true, title: "Not in the sectors sheet", msg: "A sector id from the sectors sheet."},
	"quotas.share":         {typ: excelize.DataValidationTypeDecimal, op: excelize.DataValidationOperatorBetween, lo: 0, hi: 1, title: "Not a share", msg: "A share from 0 to 1: 0.2 (or 20%) for a fifth."},
	"forums.capacity":      {typ: excelize.DataValidationTypeWhole, op: excelize.DataValidationOperatorBetween, lo: 0, hi: MaxCapacity, title: "Not a number of seats", msg: "A whole number of seats, from 0 to 1000000."},
	"respondents.org":      {list: "organizations", title: "Not an organization id", msg: "Choose an id from the organizations sheet (column A), not a name."},
}

// addValidations adds the validations of a sheet's columns (rows 2 down).
func addValidations(f *excelize.File, sheet string, cols []string) error {
	for c, h := range cols {
		v, ok := validations[sheet+"."+h]
		if !ok {
			continue
		}
		letter, _ := excelize.ColumnNumberToName(c + 1)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s%d", letter, letter, excelize.TotalRows))
		if v.list != "" {
			dv.SetSqrefDropList(idList(v.list))
		} else if v.op == excelize.DataValidationOperatorBetween {
			if err := dv.SetRange(v.lo, v.hi, v.typ, v.op); err != nil {
				return err
			}
		} else if err := dv.SetRange(v.lo, "", v.typ, v.op); err != nil {
			return err
		}
		style := excelize.DataValidationErrorStyleStop
		if v.warn {
			style = excelize.DataValidationErrorStyleWarning
		}
		dv.SetError(style, v.title, v.msg)
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return fmt.Errorf("sheet %s column %s: %w", sheet, h, err)
		}
	}
	return nil
}

// WriteWorkbook writes d as a dataset workbook that LoadWorkbook reads
// back to d: one sheet per file of FilesOf(d), each holding what WriteFile
// writes for that file, with numbers (capacity, weight, trust, value,
// share) as number cells and everything else, dates included, as text.
func WriteWorkbook(w io.Writer, d *graph.Dataset) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := headerStyle(f)
	if err != nil {
		return err
	}
	for i, name := range FilesOf(d) {
		sheet := SheetName(name)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := WriteFile(&buf, name, d); err != nil {
			return err
		}
		records, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			return err
		}
		if err := writeSheet(f, sheet, records, bold); err != nil {
			return fmt.Errorf("sheet %s: %w", sheet, err)
		}
	}
	return writeCanonical(w, f)
}

// writeCanonical writes f with its zip entries in a fixed order
// ([Content_Types].xml first, then by name), so that the same dataset
// gives the same bytes: excelize writes some parts in map order.
func writeCanonical(w io.Writer, f *excelize.File) error {
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
		hdr := &zip.FileHeader{Name: e.Name, Method: zip.Deflate}
		dst, err := zw.CreateHeader(hdr)
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

func writeSheet(f *excelize.File, sheet string, records [][]string, bold int) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	header := records[0]
	widths := make([]int, len(header))
	for _, r := range records {
		for c, v := range r {
			widths[c] = max(widths[c], utf8.RuneCountInString(v))
		}
	}
	for c, wd := range widths {
		if err := sw.SetColWidth(c+1, c+1, float64(min(max(wd, 8), 60)+2)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenHeader()); err != nil {
		return err
	}
	for r, rec := range records {
		row := make([]any, len(rec))
		for c, v := range rec {
			switch {
			case r == 0:
				row[c] = excelize.Cell{StyleID: bold, Value: v}
			case numericColumns[header[c]] && v != "":
				if x, err := strconv.ParseFloat(v, 64); err == nil {
					row[c] = x
					continue
				}
				row[c] = v
			default:
				row[c] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func headerStyle(f *excelize.File) (int, error) {
	return f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
	})
}

func frozenHeader() *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}
}
