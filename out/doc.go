// Package out writes sectornet's results for people and for other tools.
// Every writer takes an io.Writer and returns the first write or flush
// error; none opens files. The file names say which subsystem a
// declaration belongs to:
//
//	table*.go     tables: aligned text, CSV, Markdown, LaTeX (table.go) and
//	              JSON objects built from key/value rows (table_json.go)
//	export*.go    networks for other tools, one file per format family:
//	              the export model (export.go), edge list, GraphML and GEXF,
//	              Pajek and UCINET DL, Kumu, Graphviz DOT
//	diagram*.go   network diagrams drawn with Graphviz: the model
//	              (diagram.go), the views of a dataset (diagram_views.go),
//	              the DOT source, the layout, the laid-out scene and its
//	              SVG and PNG/PDF writers
//	chart*.go     charts drawn with gonum/plot: the model and writer
//	              (chart.go), the charts of a dataset (chart_kinds.go)
//	figure.go     what diagrams and charts share: formats, PNG resolution,
//	              the fixed PDF date
//	palette.go    sector colours and shapes
//	labels.go     labels and wording: abbreviated names, plurals
//
// Text shaping for figures (fonts, widths, outlines, right-to-left
// scripts) is in out/internal/typeset.
package out
