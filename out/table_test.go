package out

import (
	"bytes"
	"math"
	"testing"
)

func sampleTable() *Table {
	t := &Table{Name: "orgs", Title: "Organizations", Columns: []string{"id", "name", "score"}}
	t.Add("A", "Alpha | Co", 0.123456)
	t.Add("B", "Beta, \"Ltd\"", 12.0)
	t.Add("C", "גמא", math.NaN())
	return t
}

// TestWriteFormats checks each format against output written out by hand.
func TestWriteFormats(t *testing.T) {
	tests := []struct {
		f    Format
		want string
	}{
		{FormatCSV, "id,name,score\nA,Alpha | Co,0.123456\nB,\"Beta, \"\"Ltd\"\"\",12\nC,גמא,\n"},
		{FormatTable, "Organizations\nid  name          score\nA   Alpha | Co   0.1235\nB   Beta, \"Ltd\"      12\nC   גמא                \n"},
		{FormatMD, "### Organizations\n\n| id | name | score |\n|---|---|---:|\n| A | Alpha \\| Co | 0.1235 |\n| B | Beta, \"Ltd\" | 12 |\n| C | גמא |  |\n"},
		{FormatJSON, "{\n  \"orgs\": [\n    {\n      \"id\": \"A\",\n      \"name\": \"Alpha | Co\",\n      \"score\": 0.123456\n    },\n    {\n      \"id\": \"B\",\n      \"name\": \"Beta, \\\"Ltd\\\"\",\n      \"score\": 12\n    },\n    {\n      \"id\": \"C\",\n      \"name\": \"גמא\",\n      \"score\": null\n    }\n  ]\n}\n"},
		{FormatTeX, "% requires \\usepackage{booktabs}\n\\begin{table}[htbp]\n\\centering\n\\caption{Organizations}\n\\begin{tabular}{llr}\n\\toprule\n{}id & name & score \\\\\n\\midrule\n{}A & Alpha \\textbar{} Co & 0.1235 \\\\\n{}B & Beta, \"Ltd\" & 12 \\\\\n{}C & גמא &  \\\\\n\\bottomrule\n\\end{tabular}\n\\end{table}\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := sampleTable().Write(&b, tt.f); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", tt.f, b.String(), tt.want)
		}
	}
}

func TestFormatHuman(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 3: "3", 0.5: "0.5000", 0.000123456: "0.0001235", 1234.5678: "1235", 12.3456: "12.35", -0.25: "-0.2500", 1e-7: "1e-07"} {
		if got := FormatHuman(v); got != want {
			t.Errorf("FormatHuman(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestRounded checks that people read a Rounded to its places and machines
// read it in full.
func TestRounded(t *testing.T) {
	tb := &Table{Name: "x", Columns: []string{"gap"}}
	for _, v := range []float64{-0.009523809523809525, 0.1, -0.0001, math.NaN()} {
		tb.Add(Round(v, 3))
	}
	for f, want := range map[Format]string{
		FormatTable: "   gap\n-0.010\n 0.100\n 0.000\n      \n",
		FormatCSV:   "gap\n-0.009523809523809525\n0.1\n-0.0001\n\n",
		FormatJSON:  "{\n  \"x\": [\n    {\n      \"gap\": -0.009523809523809525\n    },\n    {\n      \"gap\": 0.1\n    },\n    {\n      \"gap\": -0.0001\n    },\n    {\n      \"gap\": null\n    }\n  ]\n}\n",
	} {
		var b bytes.Buffer
		if err := WriteTables(&b, f, tb); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s: got %q, want %q", f, b.String(), want)
		}
	}
}
