package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sectornet/sectornet/graph"
	"github.com/sectornet/sectornet/out"
)

type reportOptions struct {
	dir    string
	output string
}

func newReportCmd(s *streams) *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report [DIR] [-o OUT]",
		Short: "Write every diagram, chart and table, and report.md that links them (the main job)",
		Long: `Write a report folder (default sectornet-report/):

  report.md   the headline numbers for the backbone staff (sector balance
              and its breaches, the E-I index, the top brokers, new
              cross-sector ties and the forum effect), linking every file
  figures/    every diagram and chart, in SVG and PNG
  tables/     every table of summary, balance, centrality, sectors,
              brokers, communities, change, firsts and suggest, in CSV,
              Markdown and LaTeX

Each part is what the command of the same name prints with its defaults;
parts the dataset cannot give (change without two survey waves, firsts
without meetings) are listed as skipped with the reason. Re-running replaces
the files it writes and leaves any other file in the folder alone. A
progress line goes to stderr.`,
		Example: `  sectornet report                      # the embedded sample, into sectornet-report/
  sectornet report mydata -o mydata-report`,
		Args: dirArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = datasetDir(args)
			return runReport(cmd.Context(), s, o)
		},
	}
	cmd.Flags().StringVarP(&o.output, "output", "o", "sectornet-report", "the report folder (created if needed)")
	return cmd
}

// reportTables are the commands whose tables the report collects, in the
// order of report.md. Adding a table command to the report is one line.
var reportTables = []struct {
	name, title string
	args        []string
}{
	{"summary", "Dataset summary", []string{"summary"}},
	{"balance", "Sector balance of the forums", []string{"balance"}},
	{"centrality", "Centrality of every organization", []string{"centrality"}},
	{"sectors", "How sectors mix", []string{"sectors"}},
	{"brokers", "Brokers between sectors", []string{"brokers"}},
	{"core", "Core and periphery", []string{"core"}},
	{"communities", "Communities", []string{"communities"}},
	{"change", "Change between survey waves", []string{"change"}},
	{"survey", "Survey data quality: response, reciprocity, observed cells, sensitivity to the symmetrization rule, PARTNER scores", []string{"survey"}},
	{"firsts", "Who met whom first", []string{"firsts"}},
	{"engagement", "Engagement: attendance, retention, trends and Collective Impact indicators", []string{"engagement"}},
	{"suggest", "Suggested introductions", []string{"suggest"}},
}

// reportFigures are the diagrams and charts, each written as SVG and PNG.
var reportFigures = []struct {
	name, title string
	args        []string
}{
	{"network", "Network of organizations (shared forums)", []string{"render", "--view", "network"}},
	{"affiliation", "Forum membership", []string{"render", "--view", "affiliation"}},
	{"sectors", "Ties between sectors", []string{"render", "--view", "sectors"}},
	{"change", "New, kept and dissolved collaboration ties", []string{"render", "--view", "change"}},
	{"waves", "Collaboration ties in each wave, on one layout", []string{"render", "--view", "waves"}},
	{"mixing", "Ties between sectors, observed against expected", []string{"render", "--view", "mixing"}},
	{"brokers", "Top brokers between sectors", []string{"render", "--view", "brokers"}},
	{"balance", "Sector shares of forum members against the key", []string{"chart", "--kind", "balance"}},
	{"balance-gaps", "Every forum's gap from the key, per sector", []string{"chart", "--kind", "balance-gaps"}},
	{"centrality", "Top organizations by betweenness", []string{"chart", "--kind", "centrality"}},
	{"degree", "Degree distribution", []string{"chart", "--kind", "degree"}},
	{"tie-change", "Tie change by sector pair", []string{"chart", "--kind", "change"}},
	{"firsts", "Who has met whom, over time", []string{"chart", "--kind", "firsts"}},
	{"attendance", "Attendance at forum meetings", []string{"render", "--view", "attendance"}},
	{"retention", "Retention of forum members by sector", []string{"chart", "--kind", "retention"}},
	{"trend-voice", "Sector voice in attendance against the key, per quarter", []string{"chart", "--kind", "trends", "--indicator", "voice_gap"}},
}

// reportPart is one written part of the report, or a skipped one.
type reportPart struct {
	name, title string
	files       []string // relative to the report folder
	skipped     string   // why, when nothing was written
}

func runReport(ctx context.Context, s *streams, o reportOptions) error {
	if s.pseudo != nil && s.pseudo.key != "" && keyInside(s.pseudo.key, o.output) {
		return usageErr(fmt.Errorf("--pseudonymize %s: the key file would be inside the report folder %s, which is what you publish; keep it elsewhere", s.pseudo.key, o.output))
	}
	d, err := loadDataset(ctx, s, o.dir)
	if err != nil {
		return err
	}
	for _, sub := range []string{"", "figures", "tables"} {
		if err := os.MkdirAll(filepath.Join(o.output, sub), 0o755); err != nil {
			return fmt.Errorf("%s: cannot create the report folder: %v", o.output, errors.Unwrap(err))
		}
	}
	total := len(reportTables) + len(reportFigures) + 1
	step := 0
	tty := isTerminal(s.Err)
	prog := func(what string) {
		step++
		if tty {
			fmt.Fprintf(s.Err, "\rsectornet report: %d/%d %-40s", step, total, what)
		} else {
			fmt.Fprintf(s.Err, "sectornet report: %d/%d %s\n", step, total, what)
		}
	}
	var args0 []string
	if o.dir != "" {
		args0 = []string{o.dir}
	}
	// run executes one command line in process, quietly, and returns its
	// tables and the error line it would print.
	run := func(args []string) ([]*out.Table, error) {
		var ts []*out.Table
		var errb bytes.Buffer
		sub := &streams{In: strings.NewReader(""), Out: io.Discard, Err: &errb, tables: func(t []*out.Table) { ts = append(ts, t...) }}
		root := newRootCmd(sub)
		if s.pseudo != nil && s.pseudo.key != "" {
			args = append(slices.Clone(args), "--pseudonymize", s.pseudo.key, "--keep-attrs", strings.Join(s.pseudo.keep, ","))
		}
		root.SetArgs(args)
		if err := root.ExecuteContext(ctx); err != nil {
			return nil, err
		}
		return ts, nil
	}

	var figures, tables []reportPart
	for _, f := range reportFigures {
		prog("figures/" + f.name)
		p := reportPart{name: f.name, title: f.title}
		for _, ext := range []string{"svg", "png"} {
			rel := filepath.Join("figures", f.name+"."+ext)
			args := append(append(slices.Clone(f.args[:1]), args0...), f.args[1:]...)
			if _, err := run(append(args, "-o", filepath.Join(o.output, rel))); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				p.skipped = skipReason(err)
				break
			}
			p.files = append(p.files, rel)
		}
		figures = append(figures, p)
	}
	for _, t := range reportTables {
		prog("tables/" + t.name)
		args := append(append(slices.Clone(t.args[:1]), args0...), t.args[1:]...)
		ts, err := run(append(args, "--format", "csv"))
		p := reportPart{name: t.name, title: t.title}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			p.skipped = skipReason(err)
			tables = append(tables, p)
			continue
		}
		seen := map[string]int{}
		for _, tb := range ts {
			base := t.name + "-" + tb.Name
			seen[base]++
			if seen[base] > 1 {
				base = fmt.Sprintf("%s-%d", base, seen[base])
			}
			for _, f := range []out.Format{out.FormatCSV, out.FormatMD, out.FormatTeX} {
				rel := filepath.Join("tables", base+"."+string(f))
				if err := writeFileAtomic(filepath.Join(o.output, rel), func(w io.Writer) error { return tb.Write(w, f) }); err != nil {
					return err
				}
				p.files = append(p.files, rel)
			}
		}
		tables = append(tables, p)
	}
	prog("report.md")
	err = writeFileAtomic(filepath.Join(o.output, "report.md"), func(w io.Writer) error {
		return writeReportMD(ctx, w, d, o.dir, figures, tables)
	})
	if err != nil {
		return err
	}
	if tty {
		fmt.Fprint(s.Err, "\r")
	}
	fmt.Fprintf(s.Err, "sectornet report: wrote %s: %d figure files, %d table files and report.md %-20s\n", o.output, countFiles(figures), countFiles(tables), "")
	return nil
}

func countFiles(ps []reportPart) int {
	n := 0
	for _, p := range ps {
		n += len(p.files)
	}
	return n
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// skipReason is the one-line reason a part could not be made.
func skipReason(err error) string {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return msg
}

// writeReportMD writes report.md: the headline numbers, then every
// figure and table with links.
func writeReportMD(ctx context.Context, w io.Writer, d *graph.Dataset, dir string, figures, tables []reportPart) error {
	var b strings.Builder
	source := "the embedded sample dataset (synthetic, modelled on Israel's cross-sector volunteering initiative)"
	if dir != "" {
		source = "`" + dir + "`"
	}
	b.WriteString("# Cross-sector network report\n\n")
	fmt.Fprintf(&b, "Made by `sectornet report` from %s: %d organizations in %d sectors, %d forums, %d meetings, %d survey %s.\n\n",
		source, len(d.Orgs), len(d.Sectors), len(d.Forums), len(d.Meetings), len(d.Waves()), plural(len(d.Waves()), "wave", "waves"))
	b.WriteString("## Headlines\n\n")
	for _, h := range headlines(ctx, d) {
		b.WriteString("- " + h + "\n")
	}
	if len(d.Waves()) > 0 {
		// The data-quality section: the survey's response, the agreement
		// of its reports, the missing data and their treatment.
		q := graph.Quality(d, "", graph.MissingReconstruct)
		b.WriteString("\n## Survey data quality\n\n")
		for _, it := range out.DataQuality(d, q, graph.RuleMax, graph.MissingReconstruct) {
			b.WriteString("- " + out.MarkdownText(it) + "\n")
		}
		b.WriteString("\nFor the methods section: " + out.MarkdownText(out.MethodsParagraph(d, q, graph.RuleMax, graph.MissingReconstruct)) + "\n")
	}
	b.WriteString("\n## Figures\n\nEach figure is in SVG (for the web and for editing; hover a node for its full name) and PNG (for slides and documents).\n\n")
	for _, f := range figures {
		if f.skipped != "" {
			fmt.Fprintf(&b, "### %s\n\nSkipped: %s\n\n", f.title, out.EscapeMarkdown(f.skipped))
			continue
		}
		fmt.Fprintf(&b, "### %s\n\n![%s](%s)\n\n", f.title, f.title, mdPath(f.files[len(f.files)-1]))
		var links []string
		for _, p := range f.files {
			links = append(links, fmt.Sprintf("[%s](%s)", strings.ToUpper(strings.TrimPrefix(filepath.Ext(p), ".")), mdPath(p)))
		}
		b.WriteString(strings.Join(links, " · ") + "\n\n")
	}
	b.WriteString("## Tables\n\nEvery table in CSV (for spreadsheets, R, pandas), Markdown and LaTeX (booktabs, for papers).\n\n")
	for _, t := range tables {
		fmt.Fprintf(&b, "### %s\n\n", t.title)
		if t.skipped != "" {
			fmt.Fprintf(&b, "Skipped: %s\n\n", out.EscapeMarkdown(t.skipped))
			continue
		}
		for i := 0; i+2 < len(t.files); i += 3 {
			name := strings.TrimSuffix(filepath.Base(t.files[i]), ".csv")
			fmt.Fprintf(&b, "- %s: [CSV](%s) · [Markdown](%s) · [LaTeX](%s)\n", name, mdPath(t.files[i]), mdPath(t.files[i+1]), mdPath(t.files[i+2]))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdPath(p string) string { return filepath.ToSlash(p) }

// headlines are report.md's first lines: what the backbone staff asked
// for, each computed here from the graph package.
func headlines(ctx context.Context, d *graph.Dataset) []string {
	var hs []string
	if len(d.Forums) > 0 && len(d.Quotas) > 0 {
		bal := graph.SectorBalances(d, nil)
		bs := breaches(d, bal, 0.15)
		forums := map[string]bool{}
		for _, x := range bs {
			forums[x.forum] = true
		}
		if len(bs) == 0 {
			hs = append(hs, fmt.Sprintf("**Sector balance:** every forum is within 15 points of its representation key (%d forums).", len(d.Forums)))
		} else {
			var ex []string
			for _, x := range bs[:min(3, len(bs))] {
				ex = append(ex, x.message)
			}
			hs = append(hs, fmt.Sprintf("**Sector balance:** %d %s of the representation key (15-point tolerance) in %d of %d forums, e.g. %s. See `sectornet balance --check`.",
				len(bs), plural(len(bs), "breach", "breaches"), len(forums), len(d.Forums), strings.Join(ex, "; ")))
		}
	}
	g, err := graph.OneMode(d, graph.NetworkSpec{Basis: graph.BasisForums})
	if err == nil && len(d.Sectors) > 1 {
		ei := graph.EIIndex(g, graph.SectorGroups(d))
		if !math.IsNaN(ei.Index) {
			hs = append(hs, fmt.Sprintf("**Mixing:** E-I index %.2f over shared forums: %d ties across sectors, %d within (-1: all within a sector, +1: all across).",
				ei.Index, ei.External, ei.Internal))
		}
		bet := graph.Betweenness(g, graph.PathsHops)
		br := graph.BrokerageRoles(g, graph.SectorGroups(d))
		idx := make([]int, len(d.Orgs))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			switch {
			case bet[a] > bet[b]:
				return -1
			case bet[a] < bet[b]:
				return 1
			}
			return 0
		})
		var top []string
		for _, i := range idx[:min(3, len(idx))] {
			if bet[i] > 0 {
				top = append(top, fmt.Sprintf("%s (%s; betweenness %.3g, %d brokerage roles)", d.Orgs[i].Name, d.Orgs[i].Sector, bet[i], br[i].Total()))
			}
		}
		if len(top) > 0 {
			hs = append(hs, "**Top brokers:** "+strings.Join(top, "; ")+".")
		}
	}
	if h := coreHeadline(ctx, d); h != "" {
		hs = append(hs, h)
	}
	if h := engagementHeadline(d); h != "" {
		hs = append(hs, h)
	}
	ws := d.Waves()
	if len(ws) > 0 {
		last := ws[len(ws)-1]
		r := graph.ResponseRates(d)[len(ws)-1]
		h := fmt.Sprintf("**Survey response %s:** %d of %d organizations answered (%.0f%%; respondents from %s)", last, r.All.Responded, r.All.Orgs, 100*r.All.Rate, out.RespondentSource(r.Inferred))
		low, lowRate := -1, math.Inf(1)
		for k, c := range r.Sectors {
			if c.Orgs > 0 && c.Rate < lowRate {
				low, lowRate = k, c.Rate
			}
		}
		if low >= 0 && lowRate < r.All.Rate-0.1 {
			h += fmt.Sprintf("; least among %s, %d of %d (%.0f%%), whose ties are known mostly from their partners' reports", d.Sectors[low].Name(), r.Sectors[low].Responded, r.Sectors[low].Orgs, 100*lowRate)
		}
		hs = append(hs, h+". See the survey tables.")
	}
	if len(ws) >= 2 {
		from, to := ws[len(ws)-2], ws[len(ws)-1]
		c, err := graph.CompareWaves(ctx, d, graph.ChangeOptions{From: from, To: to, Permutations: 9999, Seed: 1})
		if err == nil {
			sens, sensEffect := "", ""
			if cs, err := graph.ChangeSensitivity(ctx, d, graph.ChangeOptions{From: from, To: to}); err == nil {
				sens = "  \n  *" + out.MarkdownText(out.ChangeSensitivityLine(cs, graph.RuleMax)) + "*"
				sensEffect = "  \n  *" + out.MarkdownText(out.ForumEffectSensitivityLine(cs, graph.RuleMax)) + "*"
			}
			hs = append(hs, fmt.Sprintf("**New ties %s to %s:** %d new collaboration ties, %d of them across sectors; %d kept, %d dissolved.",
				from, to, c.All.New, c.NewCrossSector, c.All.Kept, c.All.Dissolved)+sens)
			n := graph.NonrespondentNewTies(d, from, to, "", graph.RuleMax, graph.MissingReconstruct)
			effect := "**Forum effect:** " + headline(c)
			if n.Nonrespondent > 0 {
				effect += fmt.Sprintf(" %d of the %d new ties join an organization that did not answer the %s survey: some may be old ties nobody reported.", n.Nonrespondent, n.New, from)
			}
			hs = append(hs, effect+sensEffect)
			if fit, err := forumModelFit(ctx, &streams{Err: io.Discard}, d, c, graph.TieSelection{}, 1000, 1); err == nil {
				hs = append(hs, "**Forum effect, dyadic model:** "+out.ForumModelHeadline(fit, from, to))
			}
		}
	}
	return hs
}

// engagementHeadline says who is drifting away: seats filled, lapsed
// members by name, and whether retention differs between sectors.
func engagementHeadline(d *graph.Dataset) string {
	if len(d.Meetings) == 0 || len(d.Memberships) == 0 {
		return ""
	}
	e := graph.Engage(d, graph.DefaultEngagement)
	var seats graph.AttendanceCounts
	var lapsed []string // the first lapsed member of up to three forums
	named := map[int]bool{}
	for _, w := range e.Watch {
		if w.Kind == graph.WatchLapsed && len(lapsed) < 3 && !named[w.Forum] {
			named[w.Forum] = true
			lapsed = append(lapsed, out.MarkdownText(d.Orgs[w.Org].Name)+" in "+out.MarkdownText(d.Forums[w.Forum].ID))
		}
	}
	n := 0
	for _, me := range e.Members {
		seats.Held += me.Held
		seats.Attended += me.Attended
		if me.Tier == graph.TierLapsed {
			n++
		}
	}
	if seats.Held == 0 {
		return ""
	}
	h := fmt.Sprintf("**Engagement:** members came to %.0f%% of the meetings they could attend; %d %s lapsed (none of their forum's last %d meetings)",
		100*seats.Rate(), n, plural(n, "member has", "members have"), e.Options.Recent)
	if len(lapsed) > 0 {
		h += ", e.g. " + strings.Join(lapsed, "; ")
	}
	r := graph.Retain(d, e, graph.RetentionMeetings)
	if lr := r.LogRank; !math.IsNaN(lr.P) {
		h += fmt.Sprintf(". Retention differs between sectors with log-rank p = %.2g", lr.P)
	}
	return h + ". See `sectornet engagement --check`."
}
