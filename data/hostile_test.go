package data

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
)

// rezip rewrites a workbook: edit returns each part's new content (or
// the same), add writes parts of its own.
func rezip(t testing.TB, xlsx []byte, edit func(name string, content []byte) []byte, add func(zw *zip.Writer)) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range z.File {
		r, _ := e.Open()
		content, _ := io.ReadAll(r)
		r.Close()
		if edit != nil {
			content = edit(e.Name, content)
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate})
		w.Write(content)
	}
	if add != nil {
		add(zw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// orgsWorkbook is a workbook of 25 organizations in sheet organizations
// (xl/worksheets/sheet2.xml), with its forums and participation.
func orgsWorkbook(t testing.TB, extra func(b *book)) []byte {
	b := newBook(t.(*testing.T))
	b.sheet("organizations")
	rows := [][]string{{"id", "name", "sector"}}
	for i := 1; i <= 25; i++ {
		rows = append(rows, []string{fmt.Sprintf("O%02d", i), fmt.Sprintf("Org %d", i), "gov"})
	}
	b.rows("organizations", 1, rows)
	b.sheet("forums")
	b.rows("forums", 1, [][]string{{"id", "name"}, {"F1", "One"}})
	b.sheet("participation")
	b.rows("participation", 1, [][]string{{"org", "forum"}, {"O01", "F1"}})
	if extra != nil {
		extra(b)
	}
	return b.bytes()
}

// inSheet inserts text into a worksheet part after the first occurrence
// of after.
func inSheet(part, after, text string) func(string, []byte) []byte {
	return func(name string, content []byte) []byte {
		if name != part {
			return content
		}
		return bytes.Replace(content, []byte(after), []byte(after+text), 1)
	}
}

// TestMergeBomb: a merged range from C2 to the sheet's last cell
// (XFD1048576) fills only up to the sheet's last row with data; when that
// row is far below, the fill is over the cell budget and the load fails
// naming the sheet and the range, at once.
func TestMergeBomb(t *testing.T) {
	bomb := `<mergeCells count="1"><mergeCell ref="C2:XFD1048576"/></mergeCells>`
	xlsx := rezip(t, orgsWorkbook(t, nil), inSheet("xl/worksheets/sheet2.xml", "</sheetData>", bomb), nil)
	d, err := LoadWorkbook(bytes.NewReader(xlsx), "w.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Orgs) != 25 || d.Orgs[24].Sector != "gov" {
		t.Errorf("orgs: %d, last %+v", len(d.Orgs), d.Orgs[len(d.Orgs)-1])
	}
	// A note in the sheet's last row: the fill would reach it, columns C
	// to SS (513, one more than a file may have, 511 a row) on rows 2 to
	// 1,048,576: 1,048,575 x 511 = 535,821,825 cells.
	far := `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>note</t></is></c></row>`
	xlsx = rezip(t, orgsWorkbook(t, nil), func(name string, c []byte) []byte {
		if name != "xl/worksheets/sheet2.xml" {
			return c
		}
		return bytes.Replace(c, []byte("</sheetData>"), []byte(far+"</sheetData>"+bomb), 1)
	}, nil)
	_, err = LoadWorkbook(bytes.NewReader(xlsx), "w.xlsx")
	want := "w.xlsx[organizations]: over the limit: the merged range C2:XFD1048576 of sheet organizations would fill 535821825 cells up to row 1048576, the last with data; at most 1048576 may be filled (unmerge it, or merge only the rows with data)"
	if err == nil || err.Error() != want || !errors.Is(err, ErrLimit) {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	// import matrix reads up to 16,384 columns: 1,048,575 x 16,382 =
	// 17,177,755,650 cells.
	_, err = ReadMatrix(bytes.NewReader(xlsx), "w.xlsx", MatrixOptions{As: FileParticipation, Sheet: "organizations"})
	want = "w.xlsx[organizations]: over the limit: the merged range C2:XFD1048576 of sheet organizations would fill 17177755650 cells up to row 1048576, the last with data; at most 1048576 may be filled (unmerge it, or merge only the rows with data)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("matrix: got  %v\nwant %s", err, want)
	}
}

// spaces writes n bytes of spaces.
func spaces(w io.Writer, n int) {
	chunk := bytes.Repeat([]byte(" "), 64<<10)
	for ; n > 0; n -= len(chunk) {
		w.Write(chunk[:min(n, len(chunk))])
	}
}

// TestAmplifiedWorkbook: parts that unzip far beyond their size (a sheet
// of whitespace, huge styles or shared strings) are refused from the
// zip's directory before anything is unzipped; a run of whitespace too
// small to trip that is refused after 1 MiB.
func TestAmplifiedWorkbook(t *testing.T) {
	build := func(part string, write func(w io.Writer, old []byte)) []byte {
		var old []byte
		base := orgsWorkbook(t, nil)
		z, _ := zip.NewReader(bytes.NewReader(base), int64(len(base)))
		for _, e := range z.File {
			if e.Name == part {
				r, _ := e.Open()
				old, _ = io.ReadAll(r)
			}
		}
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
		for _, e := range z.File {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate})
			if e.Name == part {
				write(w, old)
				continue
			}
			r, _ := e.Open()
			io.Copy(w, r)
		}
		zw.Close()
		return out.Bytes()
	}
	sheetPart := "xl/worksheets/sheet2.xml"
	// 16 MiB of spaces inside the sheet's data.
	whitespace := func(n int) func(io.Writer, []byte) {
		return func(w io.Writer, old []byte) {
			i := bytes.Index(old, []byte("<sheetData>")) + len("<sheetData>")
			w.Write(old[:i])
			spaces(w, n)
			w.Write(old[i:])
		}
	}
	tests := []struct {
		name string
		xlsx []byte
		want string // a regular expression
	}{
		{"a sheet of whitespace", build(sheetPart, whitespace(16<<20)),
			`^w\.xlsx\[organizations\]: over the limit: sheet organizations unzips to 16\.0 MiB from [0-9.]+ KiB, [0-9]+ times its size, as a zip bomb does$`},
		{"a run of whitespace", build(sheetPart, whitespace(2<<20)),
			`^w\.xlsx\[organizations\]: sheet organizations: over the limit: a text or run of spaces of more than 1048576 bytes \(a broken or hostile file\)$`},
		{"huge styles", build("xl/styles.xml", func(w io.Writer, old []byte) {
			w.Write(old[:len(old)-len("</styleSheet>")])
			// 17 MiB of comments that compress about as text does.
			var chunk bytes.Buffer
			for i := 0; chunk.Len() < 64<<10; i++ {
				fmt.Fprintf(&chunk, "<!-- %x -->", uint32(i)*2654435761)
			}
			for n := 0; n < 17<<20; n += chunk.Len() {
				w.Write(chunk.Bytes())
			}
			w.Write([]byte("</styleSheet>"))
		}), `^w\.xlsx: over the limit: the styles \(xl/styles\.xml\) unzips to [0-9.]+ MiB, more than the 16\.0 MiB allowed$`},
		{"bloated shared strings", build("xl/sharedStrings.xml", func(w io.Writer, old []byte) {
			w.Write(old[:len(old)-len("</sst>")])
			for i := 0; i < 1<<20; i++ {
				w.Write([]byte("<si><t>x</t></si>"))
			}
			w.Write([]byte("</sst>"))
		}), `^w\.xlsx: over the limit: the shared strings \(xl/sharedStrings\.xml\) unzips to [0-9.]+ MiB from [0-9.]+ KiB, [0-9]+ times its size, as a zip bomb does$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadWorkbook(bytes.NewReader(tt.xlsx), "w.xlsx")
			if err == nil || !regexp.MustCompile(tt.want).MatchString(err.Error()) || !errors.Is(err, ErrLimit) {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestOpenQuoteManyLines: a quote left open over a million short lines is
// caught when the row passes 1 MiB, not after buffering the file.
func TestOpenQuoteManyLines(t *testing.T) {
	orgs := "id,name,sector\nA,Alpha,gov\nB,\"Beta" + strings.Repeat("x\n", 1<<20)
	_, err := Load(mapFS(map[string]string{FileOrganizations: orgs, FileForums: minForums, FileParticipation: minPart}))
	want := "organizations.csv:3: over the limit: a row is longer than 1048576 bytes (is a quote left open?)"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	_, err = ReadMatrix(strings.NewReader("org,F1\nA,x\nB,\"x"+strings.Repeat("x\n", 1<<20)), "m.csv", MatrixOptions{As: FileParticipation})
	want = "m.csv:3: over the limit: a row is longer than 1048576 bytes (is a quote left open?)"
	if err == nil || err.Error() != want {
		t.Errorf("matrix: got  %v\nwant %s", err, want)
	}
}

// TestRunLimiter: a run of more than maxRun bytes without '<' fails,
// wherever the reads split it; shorter runs pass.
func TestRunLimiter(t *testing.T) {
	for _, tt := range []struct {
		in   string
		fail bool
	}{
		{"<" + strings.Repeat(" ", maxRun) + "<b>", false},
		{"<" + strings.Repeat(" ", maxRun+1) + "<b>", true},
		{strings.Repeat("<"+strings.Repeat("x", maxRun), 3), false},
		{"<" + strings.Repeat(" ", maxRun/2) + ">" + strings.Repeat(" ", maxRun/2) + "<", true},
	} {
		_, err := io.Copy(io.Discard, &runLimiter{r: iotestHalf{strings.NewReader(tt.in)}})
		if (err != nil) != tt.fail {
			t.Errorf("run of %d bytes: err %v", len(tt.in), err)
		}
	}
}

// iotestHalf reads at most 1000 bytes at a time.
type iotestHalf struct{ r io.Reader }

func (h iotestHalf) Read(p []byte) (int, error) { return h.r.Read(p[:min(len(p), 1000)]) }

// TestBrokenSharedParts: a shared strings or styles part cut short is a
// broken workbook (ErrNotWorkbook, naming the part), not a problem of a
// sheet or row that it does not belong to. CI's FuzzWorkbookBytes found
// the shared strings case.
func TestBrokenSharedParts(t *testing.T) {
	good, _ := validWorkbook(t, nil)
	for _, part := range []string{"xl/sharedStrings.xml", "xl/styles.xml"} {
		b := rezip(t, good, func(name string, content []byte) []byte {
			if name == part {
				return content[:len(content)/2]
			}
			return content
		}, nil)
		_, err := LoadWorkbook(bytes.NewReader(b), "w.xlsx")
		if err == nil {
			t.Fatalf("%s cut short: no error", part)
		}
		if !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), part) {
			t.Errorf("%s cut short: %v", part, err)
		}
		checkWorkbookErrors(t, err)
	}
}
