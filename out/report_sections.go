package out

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sectornet/sectornet/graph"
)

// The sections of the report, in order. Each returns its section and its
// headlines; a part the data cannot give is a section with its reason.

func (b *reportBuild) networkSection() (DocSection, []Headline, error) {
	s := DocSection{ID: "network", Title: "The network"}
	g, n := b.g, b.g.N()
	iso := graph.Isolates(g)
	_, comps := g.Components()
	lc := graph.LargestComponent(g)
	s.Lead = []string{fmt.Sprintf("The network joins the %d organizations by %s: %d %s.", n, b.networkWords(), g.M(), plural(g.M(), "tie", "ties"))}
	if iso > 0 {
		why := "they sit in no forum"
		switch b.spec.Basis {
		case graph.BasisTies:
			why = "no tie was reported for them in this wave"
		case graph.BasisMeetings:
			why = "they attended no meeting with another organization"
		}
		s.Lead = append(s.Lead, fmt.Sprintf("%d of them have no tie in this network (%s); they are shown apart on the map and have zero centrality.", iso, why))
	}
	b.use("density")
	b.use("centralization")
	b.use("clustering")
	tri, err := b.a.Triangles(b.ctx, b.spec)
	if err != nil {
		return s, nil, err
	}
	s.Measures = []MeasureNote{
		{Name: "Density", Value: fmt.Sprintf("%.3f", g.Density()), Meaning: b.meaning("density")},
		{Name: "Largest connected group", Value: fmt.Sprintf("%d of %d", lc, n), Meaning: "The organizations that can reach each other through partners of partners; the rest form " + fmt.Sprint(comps-1) + " smaller groups and isolates."},
		{Name: "Degree centralization", Value: fmt.Sprintf("%.3f", graph.DegreeCentralization(g)), Meaning: b.meaning("centralization")},
		{Name: "Average clustering", Value: fmt.Sprintf("%.3f", graph.AverageClusteringOf(g, tri)), Meaning: b.meaning("clustering")},
	}
	if err := b.addFigures(&s); err != nil {
		return s, nil, err
	}
	byName, _, skipped, err := b.tableSet("summary", func() (*Tables, error) {
		return SummaryTables(b.ctx, b.a, b.spec, SummaryOptions{Inference: DefaultInference})
	})
	if err != nil {
		return s, nil, err
	}
	if skipped == "" {
		for _, name := range []string{"dataset", "sectors", "forums", "waves", "network"} {
			if t, ok := byName[name]; ok {
				s.Tables = append(s.Tables, t)
			}
		}
	}
	var hs []Headline
	if h, err := b.corePart(&s); err != nil {
		return s, nil, err
	} else if h != nil {
		hs = append(hs, *h)
	}
	switch {
	case iso > 0 && iso*2 >= n:
		hs = append(hs, Headline{Label: "Who is connected", Section: s.ID,
			Text: fmt.Sprintf("%d of the %d organizations have no tie in this network; the %d others form %s, the largest of %d.", iso, n, n-iso, plural(comps-iso, "one connected group", fmt.Sprintf("%d connected groups", comps-iso)), lc)})
	case comps == 1:
		hs = append(hs, Headline{Label: "Who is connected", Section: s.ID, Text: fmt.Sprintf("All %d organizations are in one connected network.", n)})
	}
	return s, hs, nil
}

// forumsOfKind returns the forums the balance covers: all, or those of
// ReportOptions.Kind.
func (b *reportBuild) forumsOfKind() ([]int, error) {
	if b.o.Kind == "" {
		return nil, nil
	}
	var fs []int
	kinds := map[string]bool{}
	for i, f := range b.d.Forums {
		kinds[f.Kind] = true
		if f.Kind == b.o.Kind {
			fs = append(fs, i)
		}
	}
	if len(fs) == 0 {
		var ks []string
		for k := range kinds {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return nil, &RequestError{fmt.Errorf("no forum of kind %q (kinds: %s)", b.o.Kind, strings.Join(ks, ", "))}
	}
	return fs, nil
}

// breachWords says a breach of forum fb by name.
func (b *reportBuild) breachWords(fb graph.ForumBalance, x graph.Breach) string {
	if x.Kind == graph.BreachOverCapacity {
		return fmt.Sprintf("%d members, %d over its capacity of %d", fb.Members, fb.OverCapacity, fb.Capacity)
	}
	sec := b.sectorLabel(x.Sector)
	sb := fb.Sectors[x.Sector]
	switch x.Kind {
	case graph.BreachMissing:
		return fmt.Sprintf("no member from %s (target %s)", sec, share(sb.Target))
	case graph.BreachShare:
		return fmt.Sprintf("%s %s of members (%d of %d), target %s", sec, share(sb.Share), sb.Members, fb.Members, share(sb.Target))
	case graph.BreachSilent:
		return fmt.Sprintf("%s: its %d %s attended none of the %d meetings", sec, sb.Members, plural(sb.Members, "member", "members"), fb.Meetings)
	}
	return fmt.Sprintf("%s %s of attendances (%d of %d), target %s", sec, share(sb.AttendanceShare), sb.Attended, fb.Attendances, share(sb.Target))
}

// maxBreachesInHeadline is how many breaches the headline names; the
// section's table lists every one.
const maxBreachesInHeadline = 20

func (b *reportBuild) balanceSection() (DocSection, []Headline, error) {
	s := DocSection{ID: "balance", Title: "Sector balance of the forums"}
	d := b.d
	if len(d.Forums) == 0 || len(d.Memberships) == 0 {
		s.Skipped = "the dataset has no forum memberships (forums.csv and participation.csv)"
		return s, nil, nil
	}
	forums, err := b.forumsOfKind()
	if err != nil {
		s.Skipped = skipReason(err)
		return s, nil, nil
	}
	b.use("balance", Param{"tolerance", fmt.Sprintf("%.0f percentage points", 100*graph.DefaultTolerance)})
	b.use("blau")
	b.use("chi-square")
	bal := b.a.Balance(forums)
	kindWords := ""
	if b.o.Kind != "" {
		kindWords = " of kind " + b.o.Kind
	}
	s.Lead = []string{"Does every forum hear every sector? The representation key (quotas.csv) sets each sector's target share of a forum's members. " +
		fmt.Sprintf("A breach is a sector more than %.0f points from its target, a targeted sector with no member, members over the forum's capacity, or a sector whose members attended none of the forum's meetings.", 100*graph.DefaultTolerance)}
	var hs []Headline
	if len(d.Quotas) == 0 {
		s.Lead = append(s.Lead, "The dataset has no representation key (quotas.csv), so the forums' make-up is shown without targets.")
	} else {
		bs := graph.Breaches(bal, graph.DefaultTolerance)
		t := &Table{Name: "breaches", Title: "Every breach of the representation key", Columns: []string{"forum", "forum_name", "breach", "sector", "value", "target", "what"}}
		byForum := map[int][]string{}
		var order []int
		for _, x := range bs {
			fb := bal.Forums[x.Forum]
			f := d.Forums[fb.Forum]
			sec := ""
			if x.Sector >= 0 {
				sec = d.Sectors[x.Sector].ID
			}
			words := b.breachWords(fb, x)
			t.Add(f.ID, f.Name, x.Kind.String(), sec, Round(x.Value, 3), Round(x.Target, 3), strings.NewReplacer("\u2068", "", "\u2069", "").Replace(words))
			if _, ok := byForum[fb.Forum]; !ok {
				order = append(order, fb.Forum)
			}
			byForum[fb.Forum] = append(byForum[fb.Forum], words)
		}
		t.Notes = []string{"value and target: shares of members or attendances (members and capacity for over_capacity)."}
		s.Tables = append(s.Tables, DocTable{Table: t, Files: tableFiles("tables/balance-breaches")})
		s.Measures = []MeasureNote{
			{Name: "Breaches", Value: fmt.Sprintf("%d in %d of %d forums", len(bs), len(order), len(bal.Forums)), Meaning: "Each is listed in the table below, forum by forum."},
			{Name: "Heterogeneity of all seats (IQV)", Value: fmt.Sprintf("%.2f", bal.Overall.IQV), Meaning: b.meaning("blau")},
		}
		if len(bs) == 0 {
			hs = append(hs, Headline{Label: "Sector balance", Section: s.ID,
				Text: fmt.Sprintf("Every one of the %d forums%s is within %.0f points of its representation key.", len(bal.Forums), kindWords, 100*graph.DefaultTolerance)})
		} else {
			var items []string
			named := 0
			for _, f := range order {
				ws := byForum[f]
				if named+len(ws) > maxBreachesInHeadline {
					ws = ws[:max(0, maxBreachesInHeadline-named)]
				}
				if len(ws) == 0 {
					break
				}
				named += len(ws)
				items = append(items, b.forumName(f)+": "+strings.Join(ws, "; ")+".")
			}
			if named < len(bs) {
				items = append(items, fmt.Sprintf("And %d more in the section's table.", len(bs)-named))
			}
			text := fmt.Sprintf("%d %s of the representation key in %d of %d forums%s:", len(bs), plural(len(bs), "breach", "breaches"), len(order), len(bal.Forums), kindWords)
			hs = append(hs, Headline{Label: "Sector balance", Section: s.ID, Text: text, Items: items})
		}
	}
	if b.o.Kind == "" { // the charts show every forum
		if err := b.addFigures(&s); err != nil {
			return s, nil, err
		}
	}
	_, all, skipped, err := b.tableSet("balance", func() (*Tables, error) { return BalanceTables(b.a, forums) })
	if err != nil {
		return s, nil, err
	}
	if skipped == "" {
		s.Tables = append(s.Tables, all...)
	}
	return s, hs, nil
}

func (b *reportBuild) mixingSection() (DocSection, []Headline, error) {
	s := DocSection{ID: "mixing", Title: "How the sectors mix"}
	if len(b.d.Sectors) < 2 {
		s.Skipped = "the dataset has one sector"
		return s, nil, nil
	}
	g := b.g
	ei := graph.EIIndex(g, b.sectors)
	if math.IsNaN(ei.Index) {
		s.Skipped = "the network has no ties"
		return s, nil, nil
	}
	b.use("ei-index")
	b.use("ei-permutation", Param{"permutations", fmt.Sprint(DefaultEIPermutations)}, Param{"seed", fmt.Sprint(DefaultSeed)})
	b.use("assortativity")
	test, err := b.a.EIPermutationTest(b.ctx, b.spec, DefaultEIPermutations, DefaultSeed)
	if err != nil {
		return s, nil, err
	}
	cross := float64(ei.External) / float64(ei.External+ei.Internal)
	s.Lead = []string{fmt.Sprintf("Of the %d ties, %d (%s) join organizations of different sectors and %d stay within a sector.", ei.External+ei.Internal, ei.External, share(cross), ei.Internal)}
	chance := fmt.Sprintf("If the sectors were handed out at random, keeping their sizes, the index would be %.2f on average", test.Expected)
	var verdict string
	switch {
	case ei.Index > test.Expected && test.PGreater <= 0.05:
		verdict = "more mixing than chance gives"
	case ei.Index < test.Expected && test.PLess <= 0.05:
		verdict = "less mixing than chance gives: the sectors keep to themselves"
	default:
		verdict = "about what chance gives"
	}
	s.Lead = append(s.Lead, fmt.Sprintf("%s; the observed %.2f is %s (p = %.2g, two-sided %.2g, %d random reassignments).", chance, ei.Index, verdict, math.Min(test.PGreater, test.PLess), test.PTwoSided, test.Reps))
	s.Measures = []MeasureNote{
		{Name: "E-I index", Value: fmt.Sprintf("%.2f", ei.Index), Meaning: b.meaning("ei-index")},
		{Name: "Expected by chance", Value: fmt.Sprintf("%.2f", test.Expected), Meaning: b.meaning("ei-permutation")},
		{Name: "Sector assortativity", Value: fmt.Sprintf("%.2f", graph.Assortativity(g, b.sectors)), Meaning: b.meaning("assortativity")},
	}
	// The pair of sectors with the most ties between them.
	mx := graph.MixingMatrix(g, b.sectors)
	bi, bj, best := -1, -1, 0
	for i := range mx.Ties {
		for j := i + 1; j < len(mx.Ties[i]); j++ {
			if mx.Ties[i][j] > best {
				bi, bj, best = i, j, mx.Ties[i][j]
			}
		}
	}
	text := fmt.Sprintf("%s of the ties cross sectors (E-I index %.2f, where -1 is every tie within a sector and +1 every tie across), %s (expected %.2f).", share(cross), ei.Index, verdict, test.Expected)
	if bi >= 0 {
		text += fmt.Sprintf(" Most cross-sector ties join %s and %s (%d).", b.sectorLabel(bi), b.sectorLabel(bj), best)
	}
	hs := []Headline{{Label: "Mixing", Section: s.ID, Text: text}}
	if b.spec.Basis == graph.BasisTies {
		hs[0].Sensitivity = EISensitivity(b.d, b.spec.Wave, b.spec.Type, b.spec.Rule, b.spec.Missing)
	}
	if err := b.addFigures(&s); err != nil {
		return s, nil, err
	}
	byName, _, skipped, err := b.tableSet("sectors", func() (*Tables, error) {
		return SectorsTables(b.ctx, b.a, b.spec, DefaultEIPermutations, DefaultSeed, DefaultInference)
	})
	if err != nil {
		return s, nil, err
	}
	if skipped == "" {
		for _, name := range []string{"network", "permutation", "sectors", "mixing", "organizations"} {
			if t, ok := byName[name]; ok {
				s.Tables = append(s.Tables, t)
			}
		}
	}
	return s, hs, nil
}

func (b *reportBuild) brokersSection() (DocSection, []Headline, error) {
	s := DocSection{ID: "brokers", Title: "Brokers between sectors"}
	g := b.g
	if g.M() == 0 {
		s.Skipped = "the network has no ties"
		return s, nil, nil
	}
	b.use("betweenness", Param{"paths", "hops"})
	b.use("brokerage")
	b.use("constraint")
	b.use("degree")
	b.use("strength")
	b.use("closeness")
	b.use("eigenvector")
	b.use("pagerank")
	pc, err := b.a.Paths(b.ctx, b.spec, graph.PathsHops)
	if err != nil {
		return s, nil, err
	}
	br, err := b.a.Brokerage(b.spec)
	if err != nil {
		return s, nil, err
	}
	s.Lead = []string{"Brokers are organizations that connect sectors that would otherwise not be in touch. Betweenness counts the shortest paths between other organizations that run through one; the brokerage roles count the pairs of its partners that have no tie of their own, by the partners' sectors: a liaison connects two other sectors, a gatekeeper or representative connects its own sector with another."}
	var top []string
	bet := pc.Betweenness
	for _, i := range topK(bet, nil, 3) {
		if bet[i] > 0 {
			top = append(top, fmt.Sprintf("%s (%s; betweenness %.3g; %d brokered pairs, %d as a liaison)", b.orgName(i), b.orgSector(i), bet[i], br[i].Total(), br[i].Liaison))
		}
	}
	liaisons := 0
	for _, x := range br {
		if x.Liaison > 0 {
			liaisons++
		}
	}
	s.Measures = []MeasureNote{
		{Name: "Organizations that broker between two other sectors", Value: fmt.Sprint(liaisons), Meaning: b.meaning("brokerage")},
		{Name: "Highest betweenness", Value: fmt.Sprintf("%.3g", bet[topK(bet, nil, 1)[0]]), Meaning: b.meaning("betweenness")},
	}
	var hs []Headline
	if len(top) > 0 {
		hs = append(hs, Headline{Label: "Brokers", Section: s.ID, Text: andList(top) + " connect organizations that would otherwise not be in touch."})
	}
	if err := b.addFigures(&s); err != nil {
		return s, nil, err
	}
	_, all, skipped, err := b.tableSet("brokers", func() (*Tables, error) { return BrokersTable(b.ctx, b.a, b.spec, false) })
	if err != nil {
		return s, nil, err
	}
	if skipped == "" {
		s.Tables = append(s.Tables, all...)
	}
	_, all, skipped, err = b.tableSet("centrality", func() (*Tables, error) {
		return CentralityTable(b.ctx, b.a, b.spec, graph.PathsHops, graph.PageRankConverged, nil, DefaultSeed)
	})
	if err != nil {
		return s, nil, err
	}
	if skipped == "" {
		s.Tables = append(s.Tables, all...)
	}
	return s, hs, nil
}

func (b *reportBuild) communitiesSection() (DocSection, []Headline, error) {
	s := DocSection{ID: "communities", Title: "Communities"}
	g := b.g
	if g.M() == 0 {
		s.Skipped = "the network has no ties"
		return s, nil, nil
	}
	b.use(DefaultCommunityMethod, Param{"resolution", fmt.Sprint(DefaultResolution)}, Param{"seed", fmt.Sprint(DefaultSeed)})
	b.use("modularity")
	b.use("nmi")
	cm, err := b.a.Communities(b.ctx, b.spec, DefaultCommunityMethod, DefaultResolution, DefaultSeed)
	if err != nil {
		return s, nil, err
	}
	q := graph.Modularity(g, cm, DefaultResolution)
	nmi := graph.NMI(cm, b.sectors)
	sizes := cm.Sizes()
	big, largest := 0, 0
	for c, n := range sizes {
		if n >= 2 {
			big++
		}
		if n > sizes[largest] {
			largest = c
		}
	}
	comp := graph.Composition(cm, b.sectors)
	lead, leadN := 0, 0
	for k, n := range comp[largest] {
		if n > leadN {
			lead, leadN = k, n
		}
	}
	silos := "cut across the sectors"
	switch {
	case nmi >= 0.5:
		silos = "largely reproduce the sectors (silos)"
	case nmi >= 0.2:
		silos = "partly follow the sectors"
	}
	m, _ := graph.LookupMethod(DefaultCommunityMethod)
	s.Lead = []string{"Communities are circles of organizations that work more with each other than with the rest (" + m.Name + "). Comparing them with the sectors says whether the partnership's circles break the silos."}
	s.Measures = []MeasureNote{
		{Name: "Communities of two or more", Value: fmt.Sprint(big), Meaning: b.meaning(DefaultCommunityMethod)},
		{Name: "Modularity", Value: fmt.Sprintf("%.2f", q), Meaning: b.meaning("modularity")},
		{Name: "Overlap with the sectors (NMI)", Value: fmt.Sprintf("%.2f", nmi), Meaning: b.meaning("nmi")},
	}
	hs := []Headline{{Label: "Communities", Section: s.ID, Text: fmt.Sprintf("%d %s of two or more organizations (modularity %.2f); they %s (NMI %.2f). The largest has %d organizations, %d of them from %s.",
		big, plural(big, "community", "communities"), q, silos, nmi, sizes[largest], leadN, b.sectorLabel(lead))}}
	_, all, skipped, err := b.tableSet("communities", func() (*Tables, error) {
		return CommunitiesTables(b.ctx, b.a, b.spec, DefaultCommunityMethod, DefaultResolution, DefaultSeed)
	})
	if err != nil {
		return s, nil, err
	}
	if skipped == "" {
		s.Tables = append(s.Tables, all...)
	}
	return s, hs, nil
}

func (b *reportBuild) changeSection() (DocSection, []Headline, error) {
	s := DocSection{ID: "change", Title: "Change between survey waves and the forum effect"}
	ws := b.d.Waves()
	if len(ws) < 2 {
		s.Skipped = fmt.Sprintf("the dataset has %d survey %s; change needs two", len(ws), plural(len(ws), "wave", "waves"))
		return s, nil, nil
	}
	from, to, err := graph.WavePair(b.d, "", "")
	if err != nil {
		s.Skipped = err.Error()
		return s, nil, nil
	}
	b.use("tie-change")
	credit := len(b.d.Memberships) > 0 || len(b.d.Attendance) > 0
	o := DefaultChange
	c, err := b.a.Change(b.ctx, graph.ChangeOptions{From: from, To: to, Universe: o.Universe, Permutations: o.Permutations, Seed: o.Seed})
	if err != nil {
		if b.ctx.Err() != nil {
			return s, nil, b.ctx.Err()
		}
		s.Skipped = skipReason(err)
		return s, nil, nil
	}
	s.Lead = []string{fmt.Sprintf("Between the %s and %s surveys: %d new collaboration ties (%d of them across sectors), %d kept and %d dissolved.", from, to, c.All.New, c.NewCrossSector, c.All.Kept, c.All.Dissolved)}
	s.Measures = []MeasureNote{
		{Name: "Jaccard index " + from + " to " + to, Value: fmt.Sprintf("%.2f", c.All.Jaccard()), Meaning: b.meaning("tie-change")},
	}
	var gainers []string
	for _, x := range c.TopGainers(3) {
		if x.New > 0 {
			gainers = append(gainers, fmt.Sprintf("%s (%d)", b.orgName(x.Org), x.New))
		}
	}
	text := fmt.Sprintf("%d new collaboration ties, %d of them across sectors; %d kept, %d dissolved.", c.All.New, c.NewCrossSector, c.All.Kept, c.All.Dissolved)
	if len(gainers) > 0 {
		text += " The most new partners: " + andList(gainers) + "."
	}
	var sens, sensEffect string
	if cs, err := b.a.ChangeSensitivity(b.ctx, graph.ChangeOptions{From: from, To: to}); err == nil {
		sens, sensEffect = ChangeSensitivityLine(cs, graph.RuleMax), ForumEffectSensitivityLine(cs, graph.RuleMax)
	} else if b.ctx.Err() != nil {
		return s, nil, b.ctx.Err()
	}
	hs := []Headline{{Label: "New ties " + from + " to " + to, Section: s.ID, Text: text, Sensitivity: sens}}
	if credit {
		b.use("forum-effect", Param{"permutations", fmt.Sprint(o.Permutations)}, Param{"seed", fmt.Sprint(o.Seed)})
		s.Lead = append(s.Lead, "The forum effect asks whether new ties formed where the partnership brought organizations together: the share of new ties between co-participants (who shared a forum, or a meeting between the surveys) against the share expected if new ties formed at random among the pairs without a tie.")
		s.Measures = append(s.Measures, MeasureNote{Name: "Forum effect", Value: fmt.Sprintf("%.3g times chance", c.Attribution.Ratio), Meaning: b.meaning("forum-effect")})
		effect := headline(c)
		if n := graph.NonrespondentNewTies(b.d, from, to, "", graph.RuleMax, graph.MissingReconstruct); n.Nonrespondent > 0 {
			effect += fmt.Sprintf(" %d of the %d new ties join an organization that did not answer the %s survey: some may be old ties nobody reported.", n.Nonrespondent, n.New, from)
		}
		hs = append(hs, Headline{Label: "Forum effect", Section: s.ID, Text: effect, Sensitivity: sensEffect})
		if ModelPairs(c) > ReportModelMaxPairs {
			s.Lead = append(s.Lead, "The forum effect as a dyadic model (logistic QAP) is "+ForumModelLeftOut(c, ReportModelMaxPairs)+".")
		} else if fit, err := b.a.ForumModelFit(b.ctx, c, graph.TieSelection{}, DefaultQAPPermutations, DefaultSeed); err == nil {
			b.use("qap", Param{"permutations", fmt.Sprint(DefaultQAPPermutations)}, Param{"null", "double semi-partialling (qapspp)"}, Param{"seed", fmt.Sprint(DefaultSeed)})
			if h := ForumModelHeadline(fit, from, to); h != "" {
				h = strings.ReplaceAll(h, "; the forum_model tables of change)", "; the tables below)")
				hs = append(hs, Headline{Label: "Forum effect, dyadic model", Section: s.ID, Text: strings.ReplaceAll(h, "**", "")})
				s.Measures = append(s.Measures, MeasureNote{Name: "Forum effect, dyadic model", Value: "odds ratio " + FormatHuman(math.Exp(fit.Coefficients[1].Estimate)), Meaning: b.meaning("qap")})
			}
		} else if b.ctx.Err() != nil {
			return s, nil, b.ctx.Err()
		}
	} else {
		s.Lead = append(s.Lead, "No organization sits in a forum or attended a meeting, so no new tie can be credited to the forums.")
	}
	if err := b.addFigures(&s); err != nil {
		return s, nil, err
	}
	byName, _, skipped, err := b.tableSet("change", func() (*Tables, error) {
		o := DefaultChange
		o.ModelMaxPairs = ReportModelMaxPairs
		return ChangeTables(b.ctx, b.a, o)
	})
	if err != nil {
		return s, nil, err
	}
	if skipped == "" {
		for _, name := range []string{"attribution", "forum_model", "forum_model_fit", "change", "top_gainers", "sector_pairs", "waves", "scores", "orgs"} {
			if (name == "attribution" || strings.HasPrefix(name, "forum_model")) && !credit {
				continue
			}
			if t, ok := byName[name]; ok {
				s.Tables = append(s.Tables, t)
			}
		}
	}
	return s, hs, nil
}

func (b *reportBuild) firstsSection() (DocSection, []Headline, error) {
	s := DocSection{ID: "firsts", Title: "First meetings"}
	if len(b.d.Meetings) == 0 || len(b.d.Attendance) == 0 {
		s.Skipped = "the dataset has no meetings with attendance (meetings.csv and attendance.csv)"
		return s, nil, nil
	}
	b.use("first-meetings")
	f := b.a.Firsts()
	pairs, cross := 0, 0
	for _, m := range f.Meetings {
		pairs += m.NewPairs
		cross += m.NewCrossSector
	}
	s.Lead = []string{fmt.Sprintf("Meeting by meeting, who met whom for the first time: %d pairs of organizations met at the %d meetings, %d of them from different sectors.", pairs, len(f.Meetings), cross)}
	var hs []Headline
	if top := f.TopIntroducers(1); len(top) > 0 && top[0].NewCrossSector > 0 {
		m := b.d.Meetings[top[0].Meeting]
		fi := slices.IndexFunc(b.d.Forums, func(x graph.Forum) bool { return x.ID == m.Forum })
		where := Isolate(m.Forum)
		if fi >= 0 {
			where = b.forumName(fi)
		}
		hs = append(hs, Headline{Label: "First meetings", Section: s.ID, Text: fmt.Sprintf("%d pairs of organizations from different sectors met for the first time at a meeting; the meeting of %s on %s introduced the most (%d).",
			cross, where, m.Date.Format("2 January 2006"), top[0].NewCrossSector)})
	}
	if err := b.addFigures(&s); err != nil {
		return s, nil, err
	}
	_, all, skipped, err := b.tableSet("firsts", func() (*Tables, error) { return FirstsTables(b.ctx, b.a, DefaultFirstsTop, false) })
	if err != nil {
		return s, nil, err
	}
	if skipped == "" {
		s.Tables = append(s.Tables, all...)
	}
	return s, hs, nil
}

func (b *reportBuild) suggestSection() (DocSection, []Headline, error) {
	s := DocSection{ID: "suggest", Title: "Suggested introductions"}
	if len(b.d.Waves()) == 0 {
		s.Skipped = "the dataset has no survey ties (ties.csv): introductions are pairs without a reported tie"
		return s, nil, nil
	}
	b.use("adamic-adar")
	ss, wave, err := graph.Suggest(b.d, graph.SuggestOptions{Org: -1, Limit: DefaultSuggestLimit})
	if err != nil {
		s.Skipped = err.Error()
		return s, nil, nil
	}
	s.Lead = []string{"Introductions worth making: pairs of organizations from different sectors that reported no tie in wave " + wave + " but share small forums or partners with few ties. Each organization's profile lists its own."}
	var hs []Headline
	if len(ss) > 0 {
		x := ss[0]
		hs = append(hs, Headline{Label: "Introductions worth making", Section: s.ID, Text: fmt.Sprintf("%s (%s) and %s (%s) top the list: %s.",
			b.orgName(x.A), b.orgSector(x.A), b.orgName(x.B), b.orgSector(x.B), suggestionReason(b.d, x, wave))})
	}
	_, all, skipped, err := b.tableSet("suggest", func() (*Tables, error) {
		return SuggestTable(b.ctx, b.a, SuggestOptions{Org: -1, Limit: DefaultSuggestLimit})
	})
	if err != nil {
		return s, nil, err
	}
	if skipped == "" {
		s.Tables = append(s.Tables, all...)
	}
	return s, hs, nil
}

// qualitySection is what the loader warned about, and the survey's
// response, reciprocity and observed density (SurveySection, with the
// survey command's tables).
func (b *reportBuild) qualitySection() (DocSection, []Headline, error) {
	d := b.d
	var tabs []DocTable
	q := b.a.Quality("", graph.MissingReconstruct)
	var hs []Headline
	if ws := d.Waves(); len(ws) > 0 {
		_, all, skipped, err := b.tableSet("survey", func() (*Tables, error) {
			return SurveyView(b.ctx, b.a, SurveyOptions{Rule: graph.RuleMax, Missing: graph.MissingReconstruct})
		})
		if err != nil {
			return DocSection{}, nil, err
		}
		if skipped == "" {
			tabs = all
		}
		last := ws[len(ws)-1]
		r := graph.ResponseRates(d)[len(ws)-1]
		text := fmt.Sprintf("%d of %d organizations answered the %s survey (%s; respondents from %s)", r.All.Responded, r.All.Orgs, last, share(r.All.Rate), RespondentSource(r.Inferred))
		low, lowRate := -1, math.Inf(1)
		for k, c := range r.Sectors {
			if c.Orgs > 0 && c.Rate < lowRate {
				low, lowRate = k, c.Rate
			}
		}
		if low >= 0 && lowRate < r.All.Rate-0.1 {
			text += fmt.Sprintf("; least among %s, %d of %d (%s), whose ties are known mostly from their partners' reports", b.sectorLabel(low), r.Sectors[low].Responded, r.Sectors[low].Orgs, share(lowRate))
		}
		hs = append(hs, Headline{Label: "Survey response " + last, Section: "data-quality", Text: text + "."})
	}
	s := SurveySection(d, q, graph.RuleMax, graph.MissingReconstruct, tabs)
	s.Title = "Data quality"
	if s.Skipped != "" {
		s.Skipped = ""
		s.Lead = []string{"The dataset has no survey wave: nothing to say about response and reciprocity."}
	}
	w := FindingsTable(nil, d.Warnings, 0, 0)
	w.Title = "What the dataset's checks warned about"
	if len(d.Warnings) == 0 {
		s.Lead = append([]string{"The dataset passed every check without a warning."}, s.Lead...)
	} else {
		s.Lead = append([]string{fmt.Sprintf("The dataset's checks raised %d %s: values that were read but look wrong. Each is in the table below with its file, line and fix.", len(d.Warnings), plural(len(d.Warnings), "warning", "warnings"))}, s.Lead...)
		s.Tables = append([]DocTable{{Table: w, Inline: reportInlineRows, Files: tableFiles("tables/quality-findings")}}, s.Tables...)
	}
	return s, hs, nil
}

// corePart adds the core/periphery split of the network to s: its
// measures, its tables and the headline (nil when there is no split).
func (b *reportBuild) corePart(s *DocSection) (*Headline, error) {
	d, g := b.d, b.g
	if g.M() == 0 || len(d.Sectors) < 2 {
		return nil, nil
	}
	cp, err := b.a.CorePartition(b.ctx, b.spec, DefaultCoreRestarts, DefaultSeed)
	if err != nil || cp.CoreSize == 0 {
		return nil, b.ctx.Err()
	}
	test, err := b.a.CoreTest(b.ctx, b.spec, cp, DefaultCoreRestarts, DefaultCorePermutations, DefaultSeed)
	if err != nil {
		return nil, b.ctx.Err()
	}
	b.use("core-periphery", Param{"restarts", fmt.Sprint(DefaultCoreRestarts)}, Param{"permutations", fmt.Sprint(DefaultCorePermutations)}, Param{"seed", fmt.Sprint(DefaultSeed)})
	coreness, _ := graph.Coreness(g)
	by := graph.CoreBySector(b.sectors, cp.Core, coreness, graph.CoreNumbers(g))
	lo, hi := -1, -1
	for k, x := range by {
		if x.Orgs == 0 {
			continue
		}
		if lo < 0 || x.ShareInCore < by[lo].ShareInCore {
			lo = k
		}
		if hi < 0 || x.ShareInCore > by[hi].ShareInCore {
			hi = k
		}
	}
	chance := fmt.Sprintf("more than chance: p = %.2g against %d random networks as dense", test.P, DefaultCorePermutations)
	if test.P >= 0.05 {
		chance = fmt.Sprintf("no clearer than in random networks as dense (p = %.2g)", test.P)
	}
	sh := func(k int) string {
		return fmt.Sprintf("%s, %d of %d (%s)", b.sectorLabel(k), by[k].InCore, by[k].Orgs, share(by[k].ShareInCore))
	}
	s.Measures = append(s.Measures, MeasureNote{Name: "Core", Value: fmt.Sprintf("%d of %d", cp.CoreSize, g.N()), Meaning: b.meaning("core-periphery")})
	_, all, skipped, err := b.tableSet("core", func() (*Tables, error) {
		return CoreTables(b.ctx, b.a, b.spec, DefaultCoreRestarts, DefaultCorePermutations, DefaultSeed)
	})
	if err != nil {
		return nil, err
	}
	if skipped == "" {
		s.Tables = append(s.Tables, all...)
	}
	return &Headline{Label: "Core and periphery", Section: s.ID,
		Text: fmt.Sprintf("%d of %d organizations form the core of the network (fit %.2f, %s); the smallest share in it is %s, the largest %s.", cp.CoreSize, g.N(), cp.Fit, chance, sh(lo), sh(hi))}, nil
}

// engagementSection is who keeps coming and who drifts away
// (EngagementSection) with its figures and the engagement command's
// tables.
func (b *reportBuild) engagementSection() (DocSection, []Headline, error) {
	d := b.d
	if len(d.Forums) == 0 || len(d.Memberships) == 0 || len(d.Meetings) == 0 {
		return DocSection{ID: "engagement", Title: "Engagement and trends", Skipped: "the dataset has no forum meetings with members (meetings.csv, participation.csv)"}, nil, nil
	}
	o := DefaultEngagementOptions
	e := graph.Engage(d, o.Thresholds)
	r := graph.Retain(d, e, o.Unit)
	trends, err := graph.Trends(d, o.Period)
	if err != nil {
		return DocSection{ID: "engagement", Title: "Engagement and trends", Skipped: err.Error()}, nil, nil
	}
	ci, err := graph.CollectiveImpact(b.ctx, d, e, trends)
	if err != nil {
		return DocSection{}, nil, err
	}
	b.use("kaplan-meier")
	b.use("log-rank")
	sec := DocSection{ID: "engagement"}
	if err := b.addFigures(&sec); err != nil {
		return DocSection{}, nil, err
	}
	_, all, skipped, err := b.tableSet("engagement", func() (*Tables, error) { return EngagementView(b.ctx, b.a, o) })
	if err != nil {
		return DocSection{}, nil, err
	}
	if skipped != "" {
		all = nil
	}
	s := EngagementSection(d, e, r, ci, sec.Figures, all)
	var hs []Headline
	var seats graph.AttendanceCounts
	lapsedN := 0
	var lapsed []string
	named := map[int]bool{}
	for _, w := range e.Watch {
		if w.Kind == graph.WatchLapsed && len(lapsed) < 3 && !named[w.Forum] {
			named[w.Forum] = true
			lapsed = append(lapsed, b.orgName(w.Org)+" in "+b.forumName(w.Forum))
		}
	}
	for _, me := range e.Members {
		seats.Held += me.Held
		seats.Attended += me.Attended
		if me.Tier == graph.TierLapsed {
			lapsedN++
		}
	}
	if seats.Held > 0 {
		text := fmt.Sprintf("Members came to %s of the meetings they could attend; %d %s lapsed (none of their forum's last %d meetings)",
			share(seats.Rate()), lapsedN, plural(lapsedN, "member has", "members have"), e.Options.Recent)
		if len(lapsed) > 0 {
			text += ", among them " + andList(lapsed)
		}
		if lr := r.LogRank; !math.IsNaN(lr.P) {
			text += fmt.Sprintf(". Retention differs between sectors with log-rank p = %.2g", lr.P)
		}
		hs = append(hs, Headline{Label: "Engagement", Section: s.ID, Text: text + "."})
	}
	return s, hs, nil
}
