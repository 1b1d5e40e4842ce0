package main

import "github.com/sectornet/sectornet/out"

// cells says how text is written where a spreadsheet could evaluate it:
// spreadsheet-safe, or literal with --raw (see out.Cells).
func (s *streams) cells() out.Cells {
	if s.raw {
		return out.CellsLiteral
	}
	return out.CellsSafe
}

// format returns table format f as --raw asks: literal CSV with it.
func (s *streams) format(f out.Format) out.Format {
	if s.raw {
		return f.Literal()
	}
	return f
}
