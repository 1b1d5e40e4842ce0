package data

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWriteHostileFiles writes the hostile workbooks of issue 20, at
// their full size, into $SECTORNET_HOSTILE_DIR for .ci/hostile, which
// measures the time and peak memory sectornet takes to refuse (or read)
// each with /usr/bin/time -v. Skipped without the variable.
func TestWriteHostileFiles(t *testing.T) {
	dir := os.Getenv("SECTORNET_HOSTILE_DIR")
	if dir == "" {
		t.Skip("set SECTORNET_HOSTILE_DIR=DIR to write the hostile workbooks there (.ci/hostile does)")
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Rewrites a part of the 25-organization workbook by streaming into
	// the zip (BestSpeed, as a bomb maker would not need better).
	build := func(part string, write func(w io.Writer, old []byte)) []byte {
		base := orgsWorkbook(t, nil)
		z, _ := zip.NewReader(bytes.NewReader(base), int64(len(base)))
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
		for _, e := range z.File {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate})
			r, _ := e.Open()
			old, _ := io.ReadAll(r)
			if e.Name == part {
				write(w, old)
				continue
			}
			w.Write(old)
		}
		zw.Close()
		return out.Bytes()
	}
	sheet := "xl/worksheets/sheet2.xml"
	// The merge bomb: one merged range D2:XFD1048576 (read, capped at
	// the last row with data), and C2:XFD1048576 with a note in the last
	// row (refused).
	write("merge-capped.xlsx", build(sheet, func(w io.Writer, old []byte) {
		w.Write(bytes.Replace(old, []byte("</sheetData>"), []byte(`</sheetData><mergeCells count="1"><mergeCell ref="D2:XFD1048576"/></mergeCells>`), 1))
	}))
	write("merge-bomb.xlsx", build(sheet, func(w io.Writer, old []byte) {
		far := `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>note</t></is></c></row>`
		w.Write(bytes.Replace(old, []byte("</sheetData>"), []byte(far+`</sheetData><mergeCells count="1"><mergeCell ref="C2:XFD1048576"/></mergeCells>`), 1))
	}))
	// 1 GB of whitespace in a sheet of a 1 MB workbook.
	write("whitespace.xlsx", build(sheet, func(w io.Writer, old []byte) {
		i := bytes.Index(old, []byte("<sheetData>")) + len("<sheetData>")
		w.Write(old[:i])
		spaces(w, 1<<30)
		w.Write(old[i:])
	}))
	// 900 MB styles and shared strings.
	write("styles.xlsx", build("xl/styles.xml", func(w io.Writer, old []byte) {
		w.Write(old[:len(old)-len("</styleSheet>")])
		spaces(w, 900<<20)
		w.Write([]byte("</styleSheet>"))
	}))
	write("strings.xlsx", build("xl/sharedStrings.xml", func(w io.Writer, old []byte) {
		w.Write(old[:len(old)-len("</sst>")])
		si := bytes.Repeat([]byte("<si><t>x</t></si>"), 1<<16)
		for n := 0; n < 900<<20; n += len(si) {
			w.Write(si)
		}
		w.Write([]byte("</sst>"))
	}))
	// 1,048,575 organizations, as a workbook and as CSV files.
	const n = excelize.TotalRows - 1
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "organizations")
	sw, _ := f.NewStreamWriter("organizations")
	sw.SetRow("A1", []any{"id", "name", "sector"})
	csvDir := filepath.Join(dir, "orgs-csv")
	os.MkdirAll(csvDir, 0o755)
	var orgs bytes.Buffer
	orgs.WriteString("id,name,sector\n")
	sectors := []string{"government", "local", "business", "nonprofit", "academia"}
	for i := 1; i <= n; i++ {
		id, name, sector := fmt.Sprintf("O%07d", i), fmt.Sprintf("Organization %d", i), sectors[i%5]
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		sw.SetRow(cell, []any{id, name, sector})
		fmt.Fprintf(&orgs, "%s,%s,%s\n", id, name, sector)
	}
	sw.Flush()
	for name, rows := range map[string][][]any{"forums": {{"id", "name"}, {"F1", "One"}}, "participation": {{"org", "forum"}, {"O0000001", "F1"}}} {
		f.NewSheet(name)
		for r, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			f.SetSheetRow(name, cell, &row)
		}
	}
	var xb bytes.Buffer
	if err := f.Write(&xb); err != nil {
		t.Fatal(err)
	}
	write("orgs.xlsx", xb.Bytes())
	for name, content := range map[string]string{FileOrganizations: orgs.String(), FileForums: "id,name\nF1,One\n", FileParticipation: "org,forum\nO0000001,F1\n"} {
		if err := os.WriteFile(filepath.Join(csvDir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
