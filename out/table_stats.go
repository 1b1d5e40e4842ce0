package out

import (
	"fmt"
	"math"
	"strconv"

	"github.com/sectornet/sectornet/graph"
)

// QAPTables lays out a QAP regression: the coefficients with sna's three
// permutation p-values, the fit, and the permutation distributions of the
// statistics (sna's "Test Diagnostics"). name prefixes the tables' names
// (qap, qap_fit, qap_null), title their titles; outcome names the outcome.
func QAPTables(name, title, outcome string, f *graph.QAPFit) []*Table {
	logit := f.Model == graph.QAPLogistic
	stat := "t"
	if logit {
		stat = "z"
	}
	cols := []string{"term", "estimate"}
	if logit {
		cols = append(cols, "odds_ratio")
	}
	cols = append(cols, "se", stat, "p_le", "p_ge", "p_two_sided")
	co := &Table{Name: name, Title: title, Columns: cols}
	for _, c := range f.Coefficients {
		row := []any{c.Name, c.Estimate}
		if logit {
			row = append(row, math.Exp(c.Estimate))
		}
		row = append(row, c.SE, c.Statistic, c.PLessEq, c.PGreaterEq, c.PTwoSided)
		co.Add(row...)
	}
	model := "OLS (sna netlm)"
	if logit {
		model = "logistic (sna netlogit)"
	}
	co.Notes = append(co.Notes, qapMethods(outcome, f, model, stat))

	fit := &Table{Name: name + "_fit", Title: title + ": fit", Columns: []string{"measure", "value"}}
	fit.Add("outcome", outcome)
	fit.Add("model", f.Model.String())
	fit.Add("null_hypothesis", f.Null.String())
	fit.Add("permutations", f.Permutations)
	fit.Add("seed", int64(f.Seed))
	fit.Add("dyads", f.N)
	fit.Add("dyads_missing", f.Missing)
	fit.Add("df_residual", f.DFResidual)
	if logit {
		fit.Add("deviance", f.Deviance)
		fit.Add("null_deviance", f.NullDeviance)
		fit.Add("df_null", f.DFNull)
		fit.Add("aic", f.AIC)
		fit.Add("bic", f.BIC)
		fit.Add("pseudo_r2", f.PseudoR2)
		fit.Add("deviance_r2", f.DevianceR2)
		fit.Add("intercept_only_deviance", f.InterceptDeviance)
		fit.Add("mcfadden_r2", f.McFaddenR2)
		fit.Add("fraction_correct", f.FractionCorrect)
		fit.Add("observed_ones", f.ObservedOnes)
		fit.Add("predicted_ones", f.PredictedOnes)
		fit.Add("iterations", f.Iterations)
		fit.Add("converged", f.Converged)
		fit.Notes = append(fit.Notes,
			"null_deviance is sna's: every dyad at probability 1/2 (2 N ln 2 on N df); pseudo_r2 = (Dn-Dr)/(Dn-Dr+dfn) and deviance_r2 = 1 - Dr/Dn against it, as summary.netlogit prints them. mcfadden_r2 = 1 - Dr/D0 against the intercept-only model, the usual pseudo-R²; AIC = Dr + 2k, BIC = Dr + k ln N.")
		if f.Boundary {
			fit.Notes = append(fit.Notes, "Some fitted probabilities are numerically 0 or 1 (glm.fit warns the same): a term separates the outcome, and its estimate and standard error are not to be trusted; its permutation p-value still is.")
		}
		if !f.Converged {
			fit.Notes = append(fit.Notes, "The fit did not converge in 25 iterations (glm.fit's limit).")
		}
	} else {
		fit.Add("r_squared", f.RSquared)
		fit.Add("adj_r_squared", f.AdjRSquared)
		fit.Add("residual_se", f.Sigma)
		fit.Add("f_statistic", f.F)
		fit.Add("f_df1", f.FDF1)
		fit.Add("f_df2", f.FDF2)
		fit.Add("f_p_value", f.FPValue)
		fit.Notes = append(fit.Notes, "f_p_value is the classical F test, which assumes independent dyads; read the permutation p-values instead.")
	}
	if f.Failed > 0 {
		fit.Notes = append(fit.Notes, fmt.Sprintf("%d permutation fits failed (a singular design) and are left out of the p-values.", f.Failed))
	}

	nu := &Table{Name: name + "_null", Title: title + ": the " + stat + " statistic over the permutations",
		Columns: []string{"term", "observed", "min", "q1", "median", "mean", "q3", "max"}}
	for _, c := range f.Coefficients {
		d := c.Null
		nu.Add(c.Name, c.Statistic, d.Min, d.Q1, d.Median, d.Mean, d.Q3, d.Max)
	}
	return []*Table{co, fit, nu}
}

// qapMethods is a methods sentence for the coefficient table.
func qapMethods(outcome string, f *graph.QAPFit, model, stat string) string {
	scheme := "the outcome permuted (rows and columns relabelled together; Krackhardt 1988, sna nullhyp=\"qapy\")"
	if f.Null == graph.QAPSemiPartial {
		scheme = "Dekker, Krackhardt and Snijders' (2007) semi-partialling: each term's residual on the others permuted (sna nullhyp=\"qapspp\")"
	}
	miss := ""
	if f.Missing > 0 {
		miss = fmt.Sprintf(" (%d pairs without an outcome left out)", f.Missing)
	}
	return fmt.Sprintf("%s QAP regression of %s on %d pairs of organizations%s. Each term's %s value is compared with %d permutations, %s, seed %d: p_le, p_ge and p_two_sided are the shares of permuted %s values <=, >= and at least as large in absolute value as the observed one (sna's Pr(<=b), Pr(>=b), Pr(>=|b|)). The standard errors assume independent dyads; the p-values do not.",
		model, outcome, f.N, miss, stat, f.Permutations, scheme, f.Seed, stat)
}

// CUGTable lays out conditional uniform graph tests of one or more
// networks: net names the network of each result list.
func CUGTable(name, title string, nets []string, results [][]graph.CUGResult) *Table {
	t := &Table{Name: name, Title: title, Columns: []string{"network", "statistic", "observed", "random_graphs",
		"mean", "sd", "q025", "median", "q975", "p_le", "p_ge"}}
	reps := 0
	for k, rs := range results {
		for _, r := range rs {
			t.Add(nets[k], r.Statistic, r.Observed, r.Reps, r.Mean, r.SD, r.Q025, r.Median, r.Q975, r.PLessEq, r.PGreaterEq)
			reps = max(reps, r.Reps)
		}
	}
	t.Notes = append(t.Notes, "Each statistic against uniform random graphs with the same organizations, sectors and number of ties (R sna cug.test, cmode=\"edges\"; for an undirected network the dyad census fixes the same number, so cmode=\"dyad.census\" is the same null). p_le and p_ge: shares of random graphs with a value <= and >= the observed one. The density is what the null keeps, so its p-values are 1.")
	return t
}

// BootstrapTable lays out vertex-bootstrap intervals: one row per network
// (or change between two) and statistic.
func BootstrapTable(name, title string, rows []string, ivs [][]graph.BootstrapInterval) *Table {
	t := &Table{Name: name, Title: title, Columns: []string{"network", "statistic", "estimate", "samples", "mean", "se", "lower", "upper", "level"}}
	for k, iv := range ivs {
		for _, x := range iv {
			t.Add(rows[k], x.Statistic, x.Estimate, x.Reps, x.Mean, x.SE, x.Lower, x.Upper, x.Level)
		}
	}
	t.Notes = append(t.Notes, "Vertex bootstrap (Snijders and Borgatti 1999): each sample draws the organizations with replacement and keeps the ties among the drawn ones (a pair drawn from one organization twice takes the tie of a random pair); lower and upper are the percentile interval. blau is Blau's heterogeneity of the sectors at the ends of the ties, 1 - Σ a_k² (a_k the share of tie ends in sector k): the chance that two tie ends drawn at random are of different sectors. The intervals treat the organizations as a sample from a larger population of possible partners; where ties vary more than organizations do they are wide (conservative).")
	return t
}

// BrokerageSignificanceTables lays out the brokerage z-scores: the
// network's observed and expected role counts, and each organization's
// z-score per role.
func BrokerageSignificanceTables(d *graph.Dataset, bt graph.BrokerageTest, title string) []*Table {
	nt := &Table{Name: "brokerage_network", Title: "Brokerage roles in the network against a random network of the same density: " + title,
		Columns: []string{"role", "observed", "expected", "sd", "z"}}
	for j, role := range graph.BrokerageColumns {
		s := bt.Network
		nt.Add(role, s.Observed[j], s.Expected[j], s.SD[j], s.Z[j])
	}
	nt.Notes = append(nt.Notes, fmt.Sprintf("Expected counts and standard deviations under Gould and Fernandez's random network of density %s, each ordered pair tied independently (R sna brokerage exp.gli, sd.gli, z.gli); z > 2 means more brokerage of that kind than chance gives.", FormatHuman(bt.Density)))
	cols := []string{"id", "sector"}
	for _, role := range graph.BrokerageColumns {
		cols = append(cols, "expected_"+role)
	}
	for _, role := range graph.BrokerageColumns {
		cols = append(cols, "z_"+role)
	}
	ot := &Table{Name: "brokerage_z", Title: "Brokerage z-scores per organization: " + title, Columns: cols}
	for i, org := range d.Orgs {
		s := bt.Nodes[i]
		row := []any{org.ID, org.Sector}
		for j := range graph.BrokerageColumns {
			row = append(row, s.Expected[j])
		}
		for j := range graph.BrokerageColumns {
			row = append(row, s.Z[j])
		}
		ot.Add(row...)
	}
	ot.Notes = append(ot.Notes, "Per organization, the expected count of each role depends only on the size of its sector (R sna brokerage exp.nli, z.nli); an empty z means a zero standard deviation (a sector too small for the role).")
	return []*Table{nt, ot}
}

// ForumModelReading says in words what the forum-effect model of waves
// from and to found, and how it relates to the attribution test.
func ForumModelReading(f *graph.QAPFit, from, to string) string {
	if len(f.Coefficients) < 2 {
		return ""
	}
	c := f.Coefficients[1] // co-participation
	p := fmt.Sprintf("p = %s, the share of %d permutations at least as large", FormatHuman(c.PGreaterEq), f.Permutations)
	if f.Permutations == 0 {
		p = "no permutation test"
	} else if c.PGreaterEq == 0 {
		p = fmt.Sprintf("p < %s: none of %d permutations reached it", strconv.FormatFloat(1/float64(f.Permutations), 'g', 3, 64), f.Permutations)
	}
	return fmt.Sprintf("How to read it with the attribution test: the attribution test compares the share of new ties among co-participants with random draws of pairs; this model asks the same of every pair without a tie in %s while holding fixed whether the two share a sector and how many partners they had in %s, and its permutations keep the network's structure. Co-participating between %s and %s multiplies the odds of a new tie by %s (coefficient %s, z = %s; %s). Both pointing the same way is the dyadic evidence of a forum effect; an odds ratio near 1 or a large p here means the attribution's excess is explained by sector and earlier activity.",
		from, from, from, to, FormatHuman(math.Exp(c.Estimate)), FormatHuman(c.Estimate), FormatHuman(c.Statistic), p)
}

// ForumModelHeadline is the report's headline of the forum-effect model of
// waves from and to.
func ForumModelHeadline(f *graph.QAPFit, from, to string) string {
	if len(f.Coefficients) < 2 {
		return ""
	}
	c := f.Coefficients[1]
	p := fmt.Sprintf("p = %s", FormatHuman(c.PGreaterEq))
	if c.PGreaterEq == 0 {
		p = fmt.Sprintf("p < %s", strconv.FormatFloat(1/float64(f.Permutations), 'g', 3, 64))
	}
	if f.Permutations == 0 {
		p = "no permutation test"
	}
	if f.Failed > 0 {
		p += fmt.Sprintf("; %d permutation fits failed and are left out", f.Failed)
	}
	return fmt.Sprintf("among the %d pairs with no tie in %s, sharing a forum or a meeting up to %s multiplies the odds of a new tie by %s at the same sector mix and %s activity (logistic QAP with semi-partialling, %s over %d permutations; the forum_model tables of change).",
		f.N, from, to, FormatHuman(math.Exp(c.Estimate)), from, p, f.Permutations)
}
