package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/data"
	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
	"github.com/sectornet/sectornet/out/outfile"
	"github.com/sectornet/sectornet/out/status"
)

// dirArg accepts at most one argument, the dataset folder.
func dirArg(cmd *cobra.Command, args []string) error {
	if len(args) > 1 {
		return usageErr(fmt.Errorf("%s takes at most one dataset folder, got %d arguments", cmd.CommandPath(), len(args)))
	}
	return nil
}

// datasetDir returns the folder argument, "" for the embedded sample.
func datasetDir(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// loadDataset reads and validates the dataset in dir, a folder of CSV
// files or an .xlsx workbook (the sample when ""), printing every problem
// to stderr as FILE:LINE: message (WORKBOOK[SHEET]:ROW:COLUMN: message).
func loadDataset(ctx context.Context, s *streams, dir string) (*graph.Dataset, error) {
	s.inputs = append(s.inputs, data.Inputs(dir)...)
	prefix := ""
	var ph *status.Phase
	if !data.IsWorkbook(dir) {
		if dir == "" {
			fmt.Fprintln(s.Err, "sectornet: no DIR given; using the embedded sample dataset (synthetic, modelled on Israel's cross-sector volunteering initiative)")
		} else {
			prefix = dir + string(os.PathSeparator)
		}
		ph = startPhase(s, "reading "+dir)
	}
	d, err := data.OpenContext(ctx, dir)
	ph.End()
	if err != nil {
		return nil, reportProblems(s, dir, prefix, err, "computed")
	}
	s.sample = dir == ""
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	printWarnings(s, prefix, d.Warnings)
	return pseudonymize(s, d)
}

// printWarnings prints a dataset's warnings on stderr, one a line, each
// prefixed with the dataset's folder.
func printWarnings(s *streams, prefix string, ws []graph.Warning) {
	for _, w := range ws {
		fmt.Fprintf(s.Err, "%s%s\n", prefix, w)
		s.warnings = append(s.warnings, fmt.Sprintf("%s%s", prefix, w))
	}
}

// reportProblems prints the problems of a dataset that failed to load and
// returns the error that ends the command (exit status 3).
func reportProblems(s *streams, dir, prefix string, err error, undone string) error {
	var list *data.List
	if !errors.As(err, &list) {
		return err
	}
	for _, line := range list.Report(dir, prefix) {
		fmt.Fprintln(s.Err, line)
	}
	where := dir
	if where == "" {
		where = "the sample dataset"
	}
	return &exitErr{code: exitInvalid, err: &problemsError{fmt.Sprintf("%s: %d %s found; nothing was %s", where, list.Len(), plural(list.Len(), "problem", "problems"), undone), list}}
}

// problemsError is the one line that ends a run on a dataset with
// problems; it unwraps to their list.
type problemsError struct {
	msg  string
	list *data.List
}

func (e *problemsError) Error() string { return e.msg }
func (e *problemsError) Unwrap() error { return e.list }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// view is a table view of a dataset's analysis, with its options read
// from the command's flags. A view that writes something else itself
// (balance --check, engagement --check, survey --prose) returns no
// tables and no error.
type view func(ctx context.Context, a *out.Analysis) (*out.Tables, error)

// viewArgs are what a view's prepare may need besides its flags.
type viewArgs struct {
	dir    string     // the dataset argument ("" for the sample)
	format out.Format // --format
}

// viewCmd is a command that prints a view of the analysis of its dataset
// (DIR, the sample without it) in --format, or only its table --table:
// use and short as cobra's, the help text of use's first word (help/).
// prepare reads the flags into the view, after --format and before the
// dataset is read, so that a bad flag fails before anything is read.
func viewCmd(s *streams, use, short string, prepare func(cmd *cobra.Command, va viewArgs) (view, error)) *cobra.Command {
	var format, table string
	name := strings.Fields(use)[0]
	cmd := &cobra.Command{Use: use, Short: short, Long: helpLong(name), Example: helpExample(name), Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := usage(out.ParseFormat(format))
			if err != nil {
				return err
			}
			dir := datasetDir(args)
			v, err := prepare(cmd, viewArgs{dir, f})
			if err != nil {
				return err
			}
			a, err := loadAnalysis(cmd.Context(), s, dir)
			if err != nil {
				return err
			}
			t, err := v(cmd.Context(), a)
			if t == nil && err == nil {
				return nil // written by the view itself
			}
			return writeView(s, f, table, t, err)
		}}
	formatFlag(cmd, &format, &table)
	return cmd
}

// formatFlag adds --format to cmd, and --table (into table) when it is
// not nil.
func formatFlag(cmd *cobra.Command, p, table *string) {
	cmd.Flags().StringVar(p, "format", "table", "output format: table, csv, json, md or tex")
	if table != nil {
		cmd.Flags().StringVar(table, "table", "", "print only the table of this name (as the json keys name them), so the output loads as one CSV")
	}
}

// networkFlags choose the one-mode network of organizations.
type networkFlags struct {
	basis, weight, wave, tieType string
	survey                       surveyFlags
}

// surveyFlags say how a wave's directed reports become undirected ties.
type surveyFlags struct{ symmetrize, missing string }

func (sf *surveyFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&sf.symmetrize, "symmetrize", "max", "how the two reports of a pair (A about B, B about A) become one tie: max (either side, the larger weight), min (every side that answered), union (either side, the mean weight), reciprocated (both sides) or respondent-only (ties among respondents)")
	f.StringVar(&sf.missing, "missing", "reconstruct", "ties of organizations that did not answer a wave: reconstruct (from their partners' reports) or drop")
}

func (sf *surveyFlags) parse() (graph.Rule, graph.Missing, error) {
	r, err := usage(graph.ParseRule(sf.symmetrize))
	if err != nil {
		return 0, 0, err
	}
	m, err := usage(graph.ParseMissing(sf.missing))
	return r, m, err
}

// isDefault reports whether the flags keep today's networks.
func (sf *surveyFlags) isDefault() bool {
	return (sf.symmetrize == "" || sf.symmetrize == "max") && (sf.missing == "" || sf.missing == "reconstruct")
}

func (nf *networkFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&nf.basis, "basis", "forums", "what ties organizations: forums (shared forums), meetings (meetings attended together) or ties (reported collaboration, one wave)")
	f.StringVar(&nf.weight, "weight", "count", "tie weight for forums and meetings: count (number shared), newman (sum of 1/(members-1)) or jaccard (shared / union)")
	f.StringVar(&nf.wave, "wave", "", "survey wave for --basis ties (default: the latest)")
	f.StringVar(&nf.tieType, "type", "", "restrict --basis ties to one tie type")
	nf.survey.add(cmd)
}

func (nf *networkFlags) spec() (graph.NetworkSpec, error) {
	b, err := usage(graph.ParseBasis(nf.basis))
	if err != nil {
		return graph.NetworkSpec{}, err
	}
	w, err := usage(graph.ParseWeighting(nf.weight))
	if err != nil {
		return graph.NetworkSpec{}, err
	}
	if b != graph.BasisTies && (nf.wave != "" || nf.tieType != "") {
		return graph.NetworkSpec{}, usageErr(errors.New("--wave and --type apply to --basis ties"))
	}
	if b != graph.BasisTies && !nf.survey.isDefault() {
		return graph.NetworkSpec{}, usageErr(errors.New("--symmetrize and --missing apply to --basis ties"))
	}
	rule, missing, err := nf.survey.parse()
	if err != nil {
		return graph.NetworkSpec{}, err
	}
	return graph.NetworkSpec{Basis: b, Weighting: w, Wave: nf.wave, Type: nf.tieType, Rule: rule, Missing: missing}, nil
}

// parseMode reads --mode of centrality and export: one, or two when the
// network flags fit the two-mode network of organizations and forums
// (or meetings), unweighted (weightSet: --weight given).
func parseMode(weightSet bool, mode string, spec graph.NetworkSpec) (bool, error) {
	switch {
	case mode == "one":
		return false, nil
	case mode != "two":
		return false, usageErr(fmt.Errorf("unknown mode %q (want one or two)", mode))
	case spec.Basis == graph.BasisTies:
		return false, usageErr(errors.New("--mode two needs --basis forums or meetings: reported ties are one-mode"))
	case weightSet:
		return false, usageErr(errors.New("--weight applies to one-mode networks; the two-mode network is unweighted"))
	}
	return true, nil
}

// loadAnalysis reads and validates the dataset in dir (the sample when
// "") and returns its analysis, with status lines and progress bars on a
// terminal and diagrams laid out in child processes.
func loadAnalysis(ctx context.Context, s *streams, dir string) (*out.Analysis, error) {
	d, err := loadDataset(ctx, s, dir)
	if err != nil {
		return nil, err
	}
	if err := requireData(dir, d); err != nil {
		return nil, err
	}
	return out.NewAnalysis(d, out.AnalysisOptions{
		Source:   dir,
		Layout:   childLayout,
		Progress: func(what string) func(done, total int) { return progress(s, what) },
		Phase:    func(what string) out.Phase { return startPhase(s, what) },
		Context:  ctx,
	}), nil
}

// requireData refuses a dataset with no organizations (as `sectornet
// init` writes it) for the commands that measure something: an error
// rather than empty tables.
func requireData(dir string, d *graph.Dataset) error {
	if len(d.Orgs) > 0 {
		return nil
	}
	where := "organizations.csv, forums.csv and participation.csv"
	if data.IsWorkbook(dir) {
		where = "the sheets organizations, forums and participation"
	}
	return &exitErr{code: exitInvalid, err: fmt.Errorf("%s: the dataset is empty: add rows to %s, then run this again (sectornet validate %s checks them)", dir, where, dir)}
}

// childLayout lays a diagram out in a child process of this program (see
// out.GraphvizEnv; main serves it).
func childLayout(ctx context.Context, engine string, dot []byte) ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("Graphviz layout: cannot find this program to run it: %w", err)
	}
	return out.ChildLayout(exe)(ctx, engine, dot)
}

// writeView prints a table view in format f, its notes to stderr for csv
// and json; only its table named table (--table) when that is not "".
func writeView(s *streams, f out.Format, table string, v *out.Tables, err error) error {
	if err != nil {
		return err
	}
	if table != "" {
		one, n := v.Select(table, f)
		switch {
		case n == 0:
			names := v.Names()
			msg := fmt.Sprintf("--table %q: no such table (tables: %s)", table, strings.Join(names, ", "))
			if hint := data.DidYouMean(table, names); hint != "" {
				msg += " (" + hint + ")"
			}
			return usageErr(errors.New(msg))
		case n > 1:
			return usageErr(fmt.Errorf("--table %q: %d tables have that name, one per pair of waves; choose one pair with --from and --to", table, n))
		}
		v = one
	}
	if s.sample {
		v = v.MarkSample()
	}
	return v.CarryWarnings(s.warnings).Write(s.Out, s.Err, s.format(f))
}

// flagWaves restates an error in the waves asked for (graph.WaveError)
// with the flags that ask for them, --from and --to.
func flagWaves(err error) error {
	var we *graph.WaveError
	if errors.As(err, &we) {
		return usageErr(errors.New(we.Message("--from", "--to")))
	}
	return err
}

// pagerankFlag adds --pagerank, PageRank's stopping rule.
func pagerankFlag(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVar(p, "pagerank", "converged", "PageRank stopping rule: converged (every score within 1e-12 of the exact one, as igraph's PRPACK) or networkx (NetworkX pagerank's default tol=1e-6: its scores, up to 1e-5 off)")
}

// writeOutput writes with write to the file output, or to standard output
// when output is "".
// It never writes over a file the run read (s.inputs): export -o
// mydata/organizations.csv would lose the input.
func writeOutput(ctx context.Context, s *streams, output string, write func(io.Writer) error) error {
	if output == "" {
		return write(s.Out)
	}
	if err := outfile.RefuseInput(output, s.inputs); err != nil {
		return usageErr(err)
	}
	return outfile.Write(ctx, output, write)
}

// writeFolder writes the files names into the folder dir, created if need
// be, each by write (init, generate); unless force, none when dir already
// holds one of them.
func writeFolder(ctx context.Context, dir string, names []string, force bool, write func(name string, w io.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: cannot create the folder: %v", dir, errors.Unwrap(err))
	}
	if !force {
		var exist []string
		for _, n := range names {
			if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
				exist = append(exist, n)
			}
		}
		if len(exist) > 0 {
			return usageErr(fmt.Errorf("%s already holds %s; nothing written (use --force to overwrite)", dir, strings.Join(exist, ", ")))
		}
	}
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := outfile.Write(ctx, filepath.Join(dir, n), func(w io.Writer) error { return write(n, w) }); err != nil {
			return err
		}
	}
	return nil
}

// openInput opens the input file path; what names it when it is missing
// ("mapping.csv: no such mapping file").
func openInput(path, what string) (*os.File, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such %s", path, what)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, errors.Unwrap(err))
	}
	return f, nil
}
