package graph

import (
	"fmt"
	"slices"
	"strings"
)

// Method describes one measure, test or procedure sectornet computes, for
// the methods section of a report and for `sectornet cite`: what it is,
// its formula, what it means for a partnership, its references and the
// reference tool it matches. The registry (Methods) is the one place these
// texts live; the doc comments of the functions that compute them say the
// same in more detail.
type Method struct {
	ID      string   // short name used on the command line: "betweenness"
	Aliases []string // other accepted names: "ei" for "ei-index"
	Name    string   // for people: "Betweenness centrality"
	// Definition says in one or two sentences what is computed.
	Definition string
	// Formula is the formula in plain text (Unicode), "" when it has none.
	Formula string
	// Meaning is the plain-language sentence a report prints under the
	// measure: what it means for a partnership.
	Meaning string
	// Matches names the reference tools whose values it equals (checked
	// in the tests), "" when there is none.
	Matches string
	// Phrase is how a methods paragraph names it ("betweenness centrality
	// (Freeman 1977), computed with Brandes' algorithm (Brandes 2001)").
	Phrase string
	// Refs are its references, first the one that defines it.
	Refs []Reference
}

// Reference is a publication a method cites.
type Reference struct {
	Key       string   // BibTeX key: "freeman1977"
	Kind      string   // BibTeX entry type: article, book, incollection, manual
	Authors   []string // "Linton C. Freeman", in publication order
	Year      int
	Title     string
	Journal   string // article: the journal; incollection: the book
	Volume    string
	Number    string
	Pages     string // "35-41"
	Publisher string // book, incollection, manual
	Address   string // where the publisher is
	DOI       string // without "doi:" or https://doi.org/; "" when it has none
	Note      string // e.g. "R package"
}

// Cite is the short author-year form: "Freeman 1977", "Gould and Fernandez
// 1989", "Blondel et al. 2008".
func (r Reference) Cite() string {
	last := func(a string) string {
		// "Linton C. Freeman" -> "Freeman"; "M. E. J. Newman" -> "Newman";
		// a family name with a particle stays whole ("van de Bunt").
		if i := strings.Index(a, ","); i >= 0 {
			return strings.TrimSpace(a[:i])
		}
		f := strings.Fields(a)
		if len(f) == 0 {
			return a
		}
		return f[len(f)-1]
	}
	var who string
	switch len(r.Authors) {
	case 0:
		who = r.Title
	case 1:
		who = last(r.Authors[0])
	case 2:
		who = last(r.Authors[0]) + " and " + last(r.Authors[1])
	default:
		who = last(r.Authors[0]) + " et al."
	}
	return fmt.Sprintf("%s %d", who, r.Year)
}

// DOIURL is the reference's DOI as a link, "" when it has none.
func (r Reference) DOIURL() string {
	if r.DOI == "" {
		return ""
	}
	return "https://doi.org/" + r.DOI
}

// The references, each once; methods share them.
var (
	refFreeman1977 = Reference{Key: "freeman1977", Kind: "article", Authors: []string{"Linton C. Freeman"}, Year: 1977,
		Title: "A set of measures of centrality based on betweenness", Journal: "Sociometry", Volume: "40", Number: "1", Pages: "35-41", DOI: "10.2307/3033543"}
	refFreeman1978 = Reference{Key: "freeman1978", Kind: "article", Authors: []string{"Linton C. Freeman"}, Year: 1978,
		Title: "Centrality in social networks: conceptual clarification", Journal: "Social Networks", Volume: "1", Number: "3", Pages: "215-239", DOI: "10.1016/0378-8733(78)90021-7"}
	refBrandes2001 = Reference{Key: "brandes2001", Kind: "article", Authors: []string{"Ulrik Brandes"}, Year: 2001,
		Title: "A faster algorithm for betweenness centrality", Journal: "Journal of Mathematical Sociology", Volume: "25", Number: "2", Pages: "163-177", DOI: "10.1080/0022250X.2001.9990249"}
	refBarrat2004 = Reference{Key: "barrat2004", Kind: "article", Authors: []string{"A. Barrat", "M. Barthélemy", "R. Pastor-Satorras", "A. Vespignani"}, Year: 2004,
		Title: "The architecture of complex weighted networks", Journal: "Proceedings of the National Academy of Sciences", Volume: "101", Number: "11", Pages: "3747-3752", DOI: "10.1073/pnas.0400087101"}
	refSabidussi1966 = Reference{Key: "sabidussi1966", Kind: "article", Authors: []string{"Gert Sabidussi"}, Year: 1966,
		Title: "The centrality index of a graph", Journal: "Psychometrika", Volume: "31", Number: "4", Pages: "581-603", DOI: "10.1007/BF02289527"}
	refWasserman1994 = Reference{Key: "wasserman1994", Kind: "book", Authors: []string{"Stanley Wasserman", "Katherine Faust"}, Year: 1994,
		Title: "Social Network Analysis: Methods and Applications", Publisher: "Cambridge University Press", Address: "Cambridge", DOI: "10.1017/CBO9780511815478"}
	refBonacich1972 = Reference{Key: "bonacich1972", Kind: "article", Authors: []string{"Phillip Bonacich"}, Year: 1972,
		Title: "Factoring and weighting approaches to status scores and clique identification", Journal: "Journal of Mathematical Sociology", Volume: "2", Number: "1", Pages: "113-120", DOI: "10.1080/0022250X.1972.9989806"}
	refBonacich1987 = Reference{Key: "bonacich1987", Kind: "article", Authors: []string{"Phillip Bonacich"}, Year: 1987,
		Title: "Power and centrality: a family of measures", Journal: "American Journal of Sociology", Volume: "92", Number: "5", Pages: "1170-1182", DOI: "10.1086/228631"}
	refBrin1998 = Reference{Key: "brin1998", Kind: "article", Authors: []string{"Sergey Brin", "Lawrence Page"}, Year: 1998,
		Title: "The anatomy of a large-scale hypertextual Web search engine", Journal: "Computer Networks and ISDN Systems", Volume: "30", Number: "1-7", Pages: "107-117", DOI: "10.1016/S0169-7552(98)00110-X"}
	refBlondel2008 = Reference{Key: "blondel2008", Kind: "article", Authors: []string{"Vincent D. Blondel", "Jean-Loup Guillaume", "Renaud Lambiotte", "Etienne Lefebvre"}, Year: 2008,
		Title: "Fast unfolding of communities in large networks", Journal: "Journal of Statistical Mechanics: Theory and Experiment", Volume: "2008", Number: "10", Pages: "P10008", DOI: "10.1088/1742-5468/2008/10/P10008"}
	refNewman2004 = Reference{Key: "newman2004", Kind: "article", Authors: []string{"M. E. J. Newman"}, Year: 2004,
		Title: "Analysis of weighted networks", Journal: "Physical Review E", Volume: "70", Number: "5", Pages: "056131", DOI: "10.1103/PhysRevE.70.056131"}
	refReichardt2006 = Reference{Key: "reichardt2006", Kind: "article", Authors: []string{"Jörg Reichardt", "Stefan Bornholdt"}, Year: 2006,
		Title: "Statistical mechanics of community detection", Journal: "Physical Review E", Volume: "74", Number: "1", Pages: "016110", DOI: "10.1103/PhysRevE.74.016110"}
	refDanon2005 = Reference{Key: "danon2005", Kind: "article", Authors: []string{"Leon Danon", "Albert Díaz-Guilera", "Jordi Duch", "Alex Arenas"}, Year: 2005,
		Title: "Comparing community structure identification", Journal: "Journal of Statistical Mechanics: Theory and Experiment", Volume: "2005", Number: "09", Pages: "P09008", DOI: "10.1088/1742-5468/2005/09/P09008"}
	refKrackhardt1988 = Reference{Key: "krackhardt1988", Kind: "article", Authors: []string{"David Krackhardt", "Robert N. Stern"}, Year: 1988,
		Title: "Informal networks and organizational crises: an experimental simulation", Journal: "Social Psychology Quarterly", Volume: "51", Number: "2", Pages: "123-140", DOI: "10.2307/2786835"}
	refNewman2003 = Reference{Key: "newman2003", Kind: "article", Authors: []string{"M. E. J. Newman"}, Year: 2003,
		Title: "Mixing patterns in networks", Journal: "Physical Review E", Volume: "67", Number: "2", Pages: "026126", DOI: "10.1103/PhysRevE.67.026126"}
	refGould1989 = Reference{Key: "gould1989", Kind: "article", Authors: []string{"Roger V. Gould", "Roberto M. Fernandez"}, Year: 1989,
		Title: "Structures of mediation: a formal approach to brokerage in transaction networks", Journal: "Sociological Methodology", Volume: "19", Pages: "89-126", DOI: "10.2307/270949"}
	refBurt1992 = Reference{Key: "burt1992", Kind: "book", Authors: []string{"Ronald S. Burt"}, Year: 1992,
		Title: "Structural Holes: The Social Structure of Competition", Publisher: "Harvard University Press", Address: "Cambridge, MA", DOI: "10.4159/9780674029095"}
	refWatts1998 = Reference{Key: "watts1998", Kind: "article", Authors: []string{"Duncan J. Watts", "Steven H. Strogatz"}, Year: 1998,
		Title: "Collective dynamics of 'small-world' networks", Journal: "Nature", Volume: "393", Number: "6684", Pages: "440-442", DOI: "10.1038/30918"}
	refBlau1977 = Reference{Key: "blau1977", Kind: "book", Authors: []string{"Peter M. Blau"}, Year: 1977,
		Title: "Inequality and Heterogeneity: A Primitive Theory of Social Structure", Publisher: "Free Press", Address: "New York"}
	refShannon1948 = Reference{Key: "shannon1948", Kind: "article", Authors: []string{"C. E. Shannon"}, Year: 1948,
		Title: "A mathematical theory of communication", Journal: "Bell System Technical Journal", Volume: "27", Number: "3", Pages: "379-423", DOI: "10.1002/j.1538-7305.1948.tb01338.x"}
	refPearson1900 = Reference{Key: "pearson1900", Kind: "article", Authors: []string{"Karl Pearson"}, Year: 1900,
		Title: "On the criterion that a given system of deviations from the probable in the case of a correlated system of variables is such that it can be reasonably supposed to have arisen from random sampling", Journal: "The London, Edinburgh, and Dublin Philosophical Magazine and Journal of Science", Volume: "50", Number: "302", Pages: "157-175", DOI: "10.1080/14786440009463897"}
	refCochran1952 = Reference{Key: "cochran1952", Kind: "article", Authors: []string{"William G. Cochran"}, Year: 1952,
		Title: "The χ² test of goodness of fit", Journal: "Annals of Mathematical Statistics", Volume: "23", Number: "3", Pages: "315-345", DOI: "10.1214/aoms/1177729380"}
	refRadlow1975 = Reference{Key: "radlow1975", Kind: "article", Authors: []string{"Robert Radlow", "Edward F. Alf"}, Year: 1975,
		Title: "An alternate multinomial assessment of the accuracy of the χ² test of goodness of fit", Journal: "Journal of the American Statistical Association", Volume: "70", Number: "352", Pages: "811-813"}
	refXNomial = Reference{Key: "engels2015", Kind: "manual", Authors: []string{"Bill Engels"}, Year: 2015,
		Title: "XNomial: Exact Goodness-of-Fit Test for Multinomial Data with Fixed Probabilities", Note: "R package", DOI: "10.32614/CRAN.package.XNomial"}
	refSnijders2010 = Reference{Key: "snijders2010", Kind: "article", Authors: []string{"Tom A. B. Snijders", "Gerhard G. van de Bunt", "Christian E. G. Steglich"}, Year: 2010,
		Title: "Introduction to stochastic actor-based models for network dynamics", Journal: "Social Networks", Volume: "32", Number: "1", Pages: "44-60", DOI: "10.1016/j.socnet.2009.02.004"}
	refPhipson2010 = Reference{Key: "phipson2010", Kind: "article", Authors: []string{"Belinda Phipson", "Gordon K. Smyth"}, Year: 2010,
		Title: "Permutation p-values should never be zero: calculating exact p-values when permutations are randomly drawn", Journal: "Statistical Applications in Genetics and Molecular Biology", Volume: "9", Number: "1", Pages: "39", DOI: "10.2202/1544-6115.1585"}
	refAdamic2003 = Reference{Key: "adamic2003", Kind: "article", Authors: []string{"Lada A. Adamic", "Eytan Adar"}, Year: 2003,
		Title: "Friends and neighbors on the Web", Journal: "Social Networks", Volume: "25", Number: "3", Pages: "211-230", DOI: "10.1016/S0378-8733(03)00009-1"}
	refLibenNowell2007 = Reference{Key: "libennowell2007", Kind: "article", Authors: []string{"David Liben-Nowell", "Jon Kleinberg"}, Year: 2007,
		Title: "The link-prediction problem for social networks", Journal: "Journal of the American Society for Information Science and Technology", Volume: "58", Number: "7", Pages: "1019-1031", DOI: "10.1002/asi.20591"}
	refNewman2001 = Reference{Key: "newman2001", Kind: "article", Authors: []string{"M. E. J. Newman"}, Year: 2001,
		Title: "Scientific collaboration networks. II. Shortest paths, weighted networks, and centrality", Journal: "Physical Review E", Volume: "64", Number: "1", Pages: "016132", DOI: "10.1103/PhysRevE.64.016132"}
	refBorgatti1997 = Reference{Key: "borgatti1997", Kind: "article", Authors: []string{"Stephen P. Borgatti", "Martin G. Everett"}, Year: 1997,
		Title: "Network analysis of 2-mode data", Journal: "Social Networks", Volume: "19", Number: "3", Pages: "243-269", DOI: "10.1016/S0378-8733(96)00301-2"}
	refSerrano2009 = Reference{Key: "serrano2009", Kind: "article", Authors: []string{"M. Ángeles Serrano", "Marián Boguñá", "Alessandro Vespignani"}, Year: 2009,
		Title: "Extracting the multiscale backbone of complex weighted networks", Journal: "Proceedings of the National Academy of Sciences", Volume: "106", Number: "16", Pages: "6483-6488", DOI: "10.1073/pnas.0808904106"}
	refRiondato2016 = Reference{Key: "riondato2016", Kind: "article", Authors: []string{"Matteo Riondato", "Evgenios M. Kornaropoulos"}, Year: 2016,
		Title: "Fast approximation of betweenness centrality through sampling", Journal: "Data Mining and Knowledge Discovery", Volume: "30", Number: "2", Pages: "438-475", DOI: "10.1007/s10618-015-0423-0"}
	refEppstein2004 = Reference{Key: "eppstein2004", Kind: "article", Authors: []string{"David Eppstein", "Joseph Wang"}, Year: 2004,
		Title: "Fast approximation of centrality", Journal: "Journal of Graph Algorithms and Applications", Volume: "8", Number: "1", Pages: "39-45", DOI: "10.7155/jgaa.00081"}
	refFruchterman1991 = Reference{Key: "fruchterman1991", Kind: "article", Authors: []string{"Thomas M. J. Fruchterman", "Edward M. Reingold"}, Year: 1991,
		Title: "Graph drawing by force-directed placement", Journal: "Software: Practice and Experience", Volume: "21", Number: "11", Pages: "1129-1164", DOI: "10.1002/spe.4380211102"}
	refNeal2014 = Reference{Key: "neal2014", Kind: "article", Authors: []string{"Zachary Neal"}, Year: 2014,
		Title: "The backbone of bipartite projections: inferring relationships from co-authorship, co-sponsorship, co-attendance and other co-behaviors", Journal: "Social Networks", Volume: "39", Pages: "84-97", DOI: "10.1016/j.socnet.2014.06.001"}
	refZweig2011 = Reference{Key: "zweig2011", Kind: "article", Authors: []string{"Katharina Anna Zweig", "Michael Kaufmann"}, Year: 2011,
		Title: "A systematic approach to the one-mode projection of bipartite graphs", Journal: "Social Network Analysis and Mining", Volume: "1", Number: "3", Pages: "187-218", DOI: "10.1007/s13278-011-0021-0"}
	refKaplan1958 = Reference{Key: "kaplan1958", Kind: "article", Authors: []string{"E. L. Kaplan", "Paul Meier"}, Year: 1958,
		Title: "Nonparametric estimation from incomplete observations", Journal: "Journal of the American Statistical Association", Volume: "53", Number: "282", Pages: "457-481", DOI: "10.1080/01621459.1958.10501452"}
	refPeto1972 = Reference{Key: "peto1972", Kind: "article", Authors: []string{"Richard Peto", "Julian Peto"}, Year: 1972,
		Title: "Asymptotically efficient rank invariant test procedures", Journal: "Journal of the Royal Statistical Society. Series A", Volume: "135", Number: "2", Pages: "185-207", DOI: "10.2307/2344317"}
	refBarnes1986 = Reference{Key: "barnes1986", Kind: "article", Authors: []string{"Josh Barnes", "Piet Hut"}, Year: 1986,
		Title: "A hierarchical O(N log N) force-calculation algorithm", Journal: "Nature", Volume: "324", Number: "6096", Pages: "446-449", DOI: "10.1038/324446a0"}
	refSeidman1983 = Reference{Key: "seidman1983", Kind: "article", Authors: []string{"Stephen B. Seidman"}, Year: 1983,
		Title: "Network structure and minimum degree", Journal: "Social Networks", Volume: "5", Number: "3", Pages: "269-287", DOI: "10.1016/0378-8733(83)90028-X"}
	refBorgatti1999 = Reference{Key: "borgatti1999", Kind: "article", Authors: []string{"Stephen P. Borgatti", "Martin G. Everett"}, Year: 1999,
		Title: "Models of core/periphery structures", Journal: "Social Networks", Volume: "21", Number: "4", Pages: "375-395", DOI: "10.1016/S0378-8733(99)00019-2"}
	refOnnela2005 = Reference{Key: "onnela2005", Kind: "article", Authors: []string{"Jukka-Pekka Onnela", "Jari Saramäki", "János Kertész", "Kimmo Kaski"}, Year: 2005,
		Title: "Intensity and coherence of motifs in weighted complex networks", Journal: "Physical Review E", Volume: "71", Number: "6", Pages: "065103", DOI: "10.1103/PhysRevE.71.065103"}
	refMarchiori2000 = Reference{Key: "marchiori2000", Kind: "article", Authors: []string{"Massimo Marchiori", "Vito Latora"}, Year: 2000,
		Title: "Harmony in the small-world", Journal: "Physica A", Volume: "285", Number: "3-4", Pages: "539-546", DOI: "10.1016/S0378-4371(00)00311-3"}
	refColeman1958 = Reference{Key: "coleman1958", Kind: "article", Authors: []string{"James S. Coleman"}, Year: 1958,
		Title: "Relational analysis: the study of social organizations with survey methods", Journal: "Human Organization", Volume: "17", Number: "4", Pages: "28-36"}
	refFreemanSeg1978 = Reference{Key: "freeman1978segregation", Kind: "article", Authors: []string{"Linton C. Freeman"}, Year: 1978,
		Title: "Segregation in social networks", Journal: "Sociological Methods & Research", Volume: "6", Number: "4", Pages: "411-429", DOI: "10.1177/004912417800600401"}
	refMoody2001 = Reference{Key: "moody2001", Kind: "article", Authors: []string{"James Moody"}, Year: 2001,
		Title: "Race, school integration, and friendship segregation in America", Journal: "American Journal of Sociology", Volume: "107", Number: "3", Pages: "679-716", DOI: "10.1086/338954"}
	refEchenique2007 = Reference{Key: "echenique2007", Kind: "article", Authors: []string{"Federico Echenique", "Roland G. Fryer"}, Year: 2007,
		Title: "A measure of segregation based on social interactions", Journal: "Quarterly Journal of Economics", Volume: "122", Number: "2", Pages: "441-485", DOI: "10.1162/qjec.122.2.441"}
	refKrackhardtQAP1988 = Reference{Key: "krackhardt1988qap", Kind: "article", Authors: []string{"David Krackhardt"}, Year: 1988,
		Title: "Predicting with networks: nonparametric multiple regression analysis of dyadic data", Journal: "Social Networks", Volume: "10", Number: "4", Pages: "359-381", DOI: "10.1016/0378-8733(88)90004-4"}
	refDekker2007 = Reference{Key: "dekker2007", Kind: "article", Authors: []string{"David Dekker", "David Krackhardt", "Tom A. B. Snijders"}, Year: 2007,
		Title: "Sensitivity of MRQAP tests to collinearity and autocorrelation conditions", Journal: "Psychometrika", Volume: "72", Number: "4", Pages: "563-581", DOI: "10.1007/s11336-007-9016-1"}
	refTraag2019 = Reference{Key: "traag2019", Kind: "article", Authors: []string{"Vincent A. Traag", "Ludo Waltman", "Nees Jan van Eck"}, Year: 2019,
		Title: "From Louvain to Leiden: guaranteeing well-connected communities", Journal: "Scientific Reports", Volume: "9", Pages: "5233", DOI: "10.1038/s41598-019-41695-z"}
)

// methods is the registry, in the order a methods section lists them.
var methods = []Method{
	{
		ID: "projection", Aliases: []string{"co-membership", "newman-weight"}, Name: "Co-membership network",
		Definition: "Two organizations are tied when they share a forum (or attended a meeting together); the tie's weight is the number of forums shared (count), Newman's collaboration weight (the sum over shared forums of 1/(members-1)), or the Jaccard index of their forums.",
		Formula:    "w_ij = Σ_f a_if a_jf  (count);  w_ij = Σ_f a_if a_jf / (n_f - 1)  (newman);  w_ij = |F_i ∩ F_j| / |F_i ∪ F_j|  (jaccard)",
		Meaning:    "Who sits at the same table: the opportunities the partnership creates for organizations to meet.",
		Matches:    "NetworkX bipartite.weighted_projected_graph (count), bipartite.collaboration_weighted_projected_graph (newman)",
		Phrase:     "the one-mode projection of the organization-by-forum affiliation network (Newman 2001)",
		Refs:       []Reference{refNewman2001},
	},
	{
		ID: "density", Name: "Density",
		Definition: "The share of all possible pairs of organizations that are tied.",
		Formula:    "D = 2m / (n(n-1))",
		Meaning:    "How close the partnership is to everyone working with everyone: a few percent is usual for large networks.",
		Matches:    "NetworkX density",
		Phrase:     "density (Wasserman and Faust 1994)",
		Refs:       []Reference{refWasserman1994},
	},
	{
		ID: "centralization", Aliases: []string{"degree-centralization"}, Name: "Degree centralization",
		Definition: "Freeman's centralization of degree: how far the network is from one where every organization has the same number of partners, relative to a star.",
		Formula:    "C = Σ_i (d_max - d_i) / ((n-1)(n-2))",
		Meaning:    "Near 1, the network hangs on one hub; near 0, partners are spread evenly.",
		Matches:    "R sna centralization(g, degree, mode=\"graph\")",
		Phrase:     "Freeman degree centralization (Freeman 1978)",
		Refs:       []Reference{refFreeman1978},
	},
	{
		ID: "clustering", Name: "Average clustering",
		Definition: "For each organization, the share of pairs of its partners that are partners themselves; averaged over all organizations, isolates counted as 0.",
		Formula:    "C_i = 2 t_i / (d_i (d_i - 1));  C = (1/n) Σ_i C_i",
		Meaning:    "High clustering means partners of a partner tend to know each other: tight circles.",
		Matches:    "NetworkX average_clustering",
		Phrase:     "the average clustering coefficient (Watts and Strogatz 1998)",
		Refs:       []Reference{refWatts1998},
	},
	{
		ID: "transitivity", Aliases: []string{"global-clustering"}, Name: "Transitivity",
		Definition: "The share of two-paths (an organization with two partners) whose ends are partners too.",
		Formula:    "T = 3 × triangles / connected triples",
		Meaning:    "The chance that two partners of a partner work together: high in a network of closed circles.",
		Matches:    "NetworkX transitivity, igraph transitivity(type=\"global\")",
		Phrase:     "transitivity (Wasserman and Faust 1994)",
		Refs:       []Reference{refWasserman1994},
	},
	{
		ID: "weighted-clustering", Name: "Weighted clustering",
		Definition: "Each organization's clustering with every triangle counted by the geometric mean of its three tie weights, scaled by the largest weight.",
		Formula:    "c_i = 1/(d_i(d_i-1)) Σ_{j,k} (ŵ_ij ŵ_ik ŵ_jk)^(1/3),  ŵ = w / max w",
		Meaning:    "Like clustering, but a closed circle of strong ties counts more than one of weak ties.",
		Matches:    "NetworkX clustering(G, weight=\"weight\")",
		Phrase:     "the weighted clustering coefficient of Onnela et al. (2005)",
		Refs:       []Reference{refOnnela2005},
	},
	{
		ID: "paths", Aliases: []string{"diameter", "mean-path-length", "eccentricity"}, Name: "Diameter and mean path length",
		Definition: "Per component, the longest shortest path in ties and the mean shortest-path length over its pairs; per organization its largest distance within its component.",
		Formula:    "diam = max_{u,v} d(u,v);  L = Σ_{u≠v} d(u,v) / (r(r-1)) over a component of r",
		Meaning:    "How many steps news needs to cross the partnership, at worst and on average.",
		Matches:    "NetworkX diameter, average_shortest_path_length, eccentricity; igraph diameter, mean_distance",
		Phrase:     "the diameter and mean path length of each component (Wasserman and Faust 1994)",
		Refs:       []Reference{refWasserman1994},
	},
	{
		ID: "harmonic", Aliases: []string{"harmonic-closeness"}, Name: "Harmonic closeness",
		Definition: "The mean over all other organizations of one over the distance to them, zero for those it cannot reach.",
		Formula:    "H(u) = 1/(n-1) Σ_{v≠u} 1/d(u,v)",
		Meaning:    "Like closeness, but defined when the network is in pieces: how near an organization is to everyone.",
		Matches:    "NetworkX harmonic_centrality / (n-1), igraph harmonic_centrality(normalized=TRUE)",
		Phrase:     "harmonic closeness (Marchiori and Latora 2000)",
		Refs:       []Reference{refMarchiori2000},
	},
	{
		ID: "path-centralization", Aliases: []string{"betweenness-centralization", "closeness-centralization", "eigenvector-centralization"},
		Name:       "Betweenness, closeness and eigenvector centralization",
		Definition: "Freeman's centralization of each centrality: the sum of differences from the highest score over the largest sum any network of that size can have.",
		Formula:    "C = Σ_i (x_max - x_i) / max;  max = n-1 (normalized betweenness), (n-1)(n-2)/(2n-3) (closeness), (n-2)/√2 (eigenvector)",
		Meaning:    "Near 1, one organization holds the paths (or the influence) of the whole network; near 0, they are spread.",
		Matches:    "R sna centralization(g, betweenness | closeness | evcent, mode=\"graph\")",
		Phrase:     "Freeman's betweenness, closeness and eigenvector centralization (Freeman 1978)",
		Refs:       []Reference{refFreeman1978},
	},
	{
		ID: "degree", Name: "Degree",
		Definition: "The number of distinct partners an organization has.",
		Formula:    "d_i = |{j : w_ij > 0}|",
		Meaning:    "How many organizations it works with, directly.",
		Matches:    "NetworkX degree",
		Phrase:     "degree (Freeman 1978)",
		Refs:       []Reference{refFreeman1978},
	},
	{
		ID: "strength", Name: "Strength",
		Definition: "The sum of the weights of an organization's ties.",
		Formula:    "s_i = Σ_j w_ij",
		Meaning:    "How much it is in touch, counting repeated or stronger ties more.",
		Matches:    "NetworkX degree(weight=\"weight\")",
		Phrase:     "strength (Barrat et al. 2004)",
		Refs:       []Reference{refBarrat2004},
	},
	{
		ID: "betweenness", Name: "Betweenness centrality",
		Definition: "The share of shortest paths between other pairs of organizations that pass through an organization, normalized by the number of pairs.",
		Formula:    "b(v) = Σ_{s<t, s≠v≠t} σ_st(v)/σ_st ÷ ((n-1)(n-2)/2)",
		Meaning:    "Brokers: organizations that connect others who would otherwise not be in touch; if they leave, information travels further.",
		Matches:    "NetworkX betweenness_centrality(normalized=True)",
		Phrase:     "betweenness centrality (Freeman 1977), computed with Brandes' algorithm (Brandes 2001) and normalized by (n-1)(n-2)/2",
		Refs:       []Reference{refFreeman1977, refBrandes2001},
	},
	{
		ID: "closeness", Name: "Closeness centrality",
		Definition: "The inverse of the mean distance from an organization to those it can reach, scaled by the share of the network it can reach (Wasserman and Faust's form for disconnected networks).",
		Formula:    "c(v) = (r-1)/Σ_u d(v,u) × (r-1)/(n-1)",
		Meaning:    "How few steps it takes the organization to reach everyone else: well placed to spread news fast.",
		Matches:    "NetworkX closeness_centrality(wf_improved=True)",
		Phrase:     "closeness centrality in the form of Wasserman and Faust (1994) for disconnected networks (Sabidussi 1966)",
		Refs:       []Reference{refSabidussi1966, refWasserman1994},
	},
	{
		ID: "eigenvector", Name: "Eigenvector centrality",
		Definition: "The organization's entry in the leading eigenvector of the weighted adjacency matrix, scaled to unit length.",
		Formula:    "A x = λ₁ x,  ‖x‖₂ = 1,  x ≥ 0",
		Meaning:    "Being tied to organizations that are themselves well connected.",
		Matches:    "NetworkX eigenvector_centrality_numpy(weight=\"weight\")",
		Phrase:     "eigenvector centrality (Bonacich 1972, 1987)",
		Refs:       []Reference{refBonacich1972, refBonacich1987},
	},
	{
		ID: "pagerank", Name: "PageRank",
		Definition: "The share of time a random walker spends at the organization, following ties in proportion to their weight and jumping anywhere with probability 0.15.",
		Formula:    "p_i = (1-α)/n + α Σ_j w_ji p_j / s_j,  α = 0.85",
		Meaning:    "Influence that flows through the network: being tied to influential organizations counts more than having many ties.",
		Matches:    "NetworkX pagerank(alpha=0.85)",
		Phrase:     "PageRank with damping 0.85 (Brin and Page 1998)",
		Refs:       []Reference{refBrin1998},
	},
	{
		ID: "ei-index", Aliases: []string{"ei", "e-i"}, Name: "E-I index",
		Definition: "Krackhardt and Stern's index: ties across sectors (E) minus ties within a sector (I), over all ties.",
		Formula:    "EI = (E - I) / (E + I)",
		Meaning:    "-1 when every tie stays within a sector (silos), +1 when every tie crosses sectors: the partnership's reason to exist.",
		Matches:    "UCINET E-I index (binary data)",
		Phrase:     "the E-I index of Krackhardt and Stern (1988)",
		Refs:       []Reference{refKrackhardt1988},
	},
	{
		ID: "ei-permutation", Aliases: []string{"ei-test"}, Name: "E-I permutation test",
		Definition: "The sectors are reassigned to the organizations at random many times, keeping each sector's size; the observed E-I index is compared with the random ones.",
		Formula:    "p = #{EI_random at least as far from the expected value as EI_observed} / R",
		Meaning:    "Whether the mixing is more (or less) than chance would give with sectors of these sizes.",
		Matches:    "UCINET E-I index permutation test",
		Phrase:     "a permutation test of the E-I index (Krackhardt and Stern 1988) that reassigns sectors at random, keeping their sizes",
		Refs:       []Reference{refKrackhardt1988},
	},
	{
		ID: "assortativity", Name: "Sector assortativity",
		Definition: "Newman's nominal assortativity coefficient of the sector attribute.",
		Formula:    "r = (Σ_k e_kk - Σ_k a_k²) / (1 - Σ_k a_k²)",
		Meaning:    "Above 0, organizations tie mostly within their own sector; below 0, across sectors; 0 is what chance gives.",
		Matches:    "NetworkX attribute_assortativity_coefficient, igraph assortativity_nominal",
		Phrase:     "Newman's nominal assortativity by sector (Newman 2003)",
		Refs:       []Reference{refNewman2003},
	},
	{
		ID: "modularity", Name: "Modularity",
		Definition: "The weighted share of ties within groups minus the share expected if ties were placed at random with the same strengths; with resolution γ.",
		Formula:    "Q = (1/2m) Σ_ij (w_ij - γ s_i s_j / 2m) δ(c_i, c_j)",
		Meaning:    "How much the network splits into separate groups: above about 0.3, the groups are clear.",
		Matches:    "NetworkX community.modularity",
		Phrase:     "weighted modularity (Newman 2004) at resolution γ (Reichardt and Bornholdt 2006)",
		Refs:       []Reference{refNewman2004, refReichardt2006},
	},
	{
		ID: "louvain", Aliases: []string{"community", "communities"}, Name: "Louvain communities",
		Definition: "Groups of organizations found by the Louvain method: organizations move to the neighbouring group that raises modularity most, then groups are merged and the process repeats.",
		Formula:    "maximize Q over partitions, greedily and level by level",
		Meaning:    "Circles that work more with each other than with the rest; compare them with the sectors to see whether the partnership broke the silos.",
		Matches:    "modularity as reached by NetworkX louvain_communities and igraph community_multilevel",
		Phrase:     "communities found with the Louvain method (Blondel et al. 2008)",
		Refs:       []Reference{refBlondel2008},
	},
	{
		ID: "leiden", Name: "Leiden communities",
		Definition: "Communities that maximize the weighted modularity, found by the Leiden algorithm: Louvain's local moves plus a refinement that keeps every community connected.",
		Formula:    "max Q = Σ_c [w_c / W - γ (s_c / 2W)²]",
		Meaning:    "Groups of organizations that work more with each other than with the rest, each group connected.",
		Matches:    "R igraph cluster_leiden(objective_function=\"modularity\") (modularity reached)",
		Phrase:     "the Leiden algorithm (Traag et al. 2019)",
		Refs:       []Reference{refTraag2019},
	},
	{
		ID: "nmi", Name: "Normalized mutual information",
		Definition: "The mutual information between the communities and the sectors, divided by the mean of their entropies.",
		Formula:    "NMI = 2 I(C; S) / (H(C) + H(S))",
		Meaning:    "Near 1, the communities just reproduce the sectors (silos); near 0, they cut across sectors.",
		Matches:    "scikit-learn normalized_mutual_info_score, igraph compare_communities(method=\"nmi\")",
		Phrase:     "the normalized mutual information between communities and sectors (Danon et al. 2005)",
		Refs:       []Reference{refDanon2005},
	},
	{
		ID: "brokerage", Name: "Brokerage roles",
		Definition: "Gould and Fernandez's five roles: for each pair of an organization's partners that have no tie of their own, the role it plays by the three sectors: coordinator (all one sector), itinerant (partners in one other sector), gatekeeper and representative (it shares the sector of one partner), liaison (three sectors).",
		Formula:    "counts of open two-paths i-b-k by the sectors of i, b and k",
		Meaning:    "Liaisons and gatekeepers are the organizations that carry work between sectors that would otherwise not be in touch.",
		Matches:    "R sna brokerage(g, cl)$raw.nli",
		Phrase:     "the brokerage roles of Gould and Fernandez (1989)",
		Refs:       []Reference{refGould1989},
	},
	{
		ID: "constraint", Name: "Burt's constraint",
		Definition: "How much an organization's ties are invested, directly or through each other, in the same few partners.",
		Formula:    "c_i = Σ_j (p_ij + Σ_q p_iq p_qj)²,  p_ij = w_ij / Σ_k w_ik",
		Meaning:    "Low constraint: the organization spans structural holes and hears from circles that do not talk to each other.",
		Matches:    "NetworkX constraint",
		Phrase:     "Burt's constraint and effective size (Burt 1992)",
		Refs:       []Reference{refBurt1992},
	},
	{
		ID: "effective-size", Name: "Effective size",
		Definition: "The number of an organization's partners, less the redundancy among them.",
		Formula:    "e_i = Σ_j (1 - Σ_q p_iq m_jq)",
		Meaning:    "How many non-redundant contacts it really has.",
		Matches:    "NetworkX effective_size",
		Phrase:     "Burt's effective size (Burt 1992)",
		Refs:       []Reference{refBurt1992},
	},
	{
		ID: "efficiency", Aliases: []string{"hierarchy"}, Name: "Efficiency and hierarchy",
		Definition: "Efficiency is effective size per partner; hierarchy is how unevenly the constraint on an organization is spread over its partners.",
		Formula:    "eff_i = e_i / d_i;  h_i = Σ_j r_j ln r_j / (d_i ln d_i),  r_j = c_ij / (c_i / d_i)",
		Meaning:    "Efficiency near 1: no partner is redundant; high hierarchy: one partner holds most of the constraint.",
		Matches:    "NetworkX effective_size / degree; hierarchy from NetworkX local_constraint",
		Phrase:     "Burt's efficiency and hierarchy (Burt 1992)",
		Refs:       []Reference{refBurt1992},
	},
	{
		ID: "partner-heterogeneity", Aliases: []string{"partner-blau", "partner-iqv"}, Name: "Sector mix of partners",
		Definition: "Blau's heterogeneity and the IQV of the sectors of an organization's partners.",
		Formula:    "B_i = 1 - Σ_k p_ik²;  IQV_i = B_i / (1 - 1/K)",
		Meaning:    "0: all its partners are in one sector; IQV 1: its partners come evenly from every sector.",
		Phrase:     "the heterogeneity of each organization's partners by sector (Blau 1977)",
		Refs:       []Reference{refBlau1977},
	},
	{
		ID: "kcore", Aliases: []string{"k-core", "core-number"}, Name: "k-core number",
		Definition: "The largest k such that the organization belongs to a group in which everyone has at least k partners within the group.",
		Formula:    "core(i) = max{k : i in the k-core}",
		Meaning:    "How deep in the dense centre of the network an organization sits.",
		Matches:    "NetworkX core_number, igraph coreness",
		Phrase:     "k-core numbers (Seidman 1983)",
		Refs:       []Reference{refSeidman1983},
	},
	{
		ID: "core-periphery", Aliases: []string{"core", "periphery"}, Name: "Core/periphery",
		Definition: "The split of the organizations into a core and a periphery whose ties are closest to a complete core and an empty periphery, by the correlation over the pairs within each block, with a permutation test against random networks of the same density.",
		Formula:    "ρ = (N t_cc - T N_cc) / √(N_cc N_pp T (N - T))",
		Meaning:    "The core is where the partnership happens; a sector with few members in it is at the edge.",
		Matches:    "UCINET categorical core/periphery (correlation, core-periphery ties missing)",
		Phrase:     "the discrete core/periphery model of Borgatti and Everett (1999)",
		Refs:       []Reference{refBorgatti1999},
	},
	{
		ID: "coreness", Name: "Continuous coreness",
		Definition: "The vector c whose products c_i c_j come closest, in least squares, to the ties, scaled to unit length.",
		Formula:    "min Σ_{i≠j} (a_ij - c_i c_j)²",
		Meaning:    "How central to the core each organization is, on a continuous scale.",
		Matches:    "UCINET continuous core/periphery",
		Phrase:     "continuous coreness (Borgatti and Everett 1999)",
		Refs:       []Reference{refBorgatti1999},
	},
	{
		ID: "coleman", Name: "Coleman's homophily index",
		Definition: "For each sector, its ties inside the sector compared with the share expected if partners were chosen at random, scaled to -1..1.",
		Formula:    "C_k = (2I_k - x_k)/(s_k - x_k) if 2I_k > x_k, else (2I_k - x_k)/x_k;  x_k = s_k (n_k-1)/(N-1)",
		Meaning:    "1: the sector works only with itself; 0: as random choice would give; -1: never with itself.",
		Matches:    "R netseg coleman (formula)",
		Phrase:     "Coleman's homophily index (Coleman 1958)",
		Refs:       []Reference{refColeman1958},
	},
	{
		ID: "freeman-segregation", Name: "Freeman's segregation index",
		Definition: "One minus the cross-sector ties over the number random ties would give.",
		Formula:    "S = (X - E) / X,  X = M B / C(N,2)",
		Meaning:    "1: no tie crosses sectors; 0: as many as chance; negative: more than chance.",
		Matches:    "R netseg freeman (formula)",
		Phrase:     "Freeman's segregation index (Freeman 1978)",
		Refs:       []Reference{refFreemanSeg1978},
	},
	{
		ID: "orwg", Aliases: []string{"odds-ratio", "yule-q"}, Name: "Odds ratio of within-sector ties and Yule's Q",
		Definition: "The odds that two organizations of one sector are partners over the odds for two of different sectors, and Yule's Q of the same table.",
		Formula:    "OR = I(B - E) / ((W - I) E);  Q = (OR - 1)/(OR + 1)",
		Meaning:    "OR 2: a pair within a sector is twice as likely to work together; Q from -1 to 1 says the same on a bounded scale.",
		Matches:    "R netseg orwg (formula)",
		Phrase:     "the odds ratio of within-group ties (Moody 2001) and Yule's Q",
		Refs:       []Reference{refMoody2001},
	},
	{
		ID: "ei-rescaled", Aliases: []string{"rescaled-ei", "weighted-ei"}, Name: "Rescaled and weighted E-I",
		Definition: "The E-I index over tie weights, and the E-I index rescaled from the range the sector sizes and number of ties allow to -1..1.",
		Formula:    "EI* = 2(EI - EI_min)/(EI_max - EI_min) - 1,  E in [max(0, M-W), min(M, B)]",
		Meaning:    "Comparable across networks with different sector sizes, which the plain E-I is not.",
		Matches:    "UCINET's rescaled E-I (formula)",
		Phrase:     "the weighted and rescaled E-I index (Krackhardt and Stern 1988)",
		Refs:       []Reference{refKrackhardt1988},
	},
	{
		ID: "ssi", Aliases: []string{"spectral-segregation"}, Name: "Spectral segregation index",
		Definition: "For each organization, the weight of its own sector's connected neighbourhood in the leading eigenvector of the sector's ties, each tie weighted one over the degree.",
		Formula:    "SSI_i = λ v_i / mean(v) on each component of a sector's ties, w_ij = 1/d_i",
		Meaning:    "High: the organization is enclosed in a circle of its own sector; 0: none of its ties stay in its sector.",
		Matches:    "R netseg ssi (formula)",
		Phrase:     "the spectral segregation index (Echenique and Fryer 2007)",
		Refs:       []Reference{refEchenique2007},
	},
	{
		ID: "balance", Aliases: []string{"gap", "breach"}, Name: "Sector balance against the key",
		Definition: "Per forum and sector: the share of members (and of attendances) against the target share of the representation key; a breach is a gap larger than the tolerance.",
		Formula:    "gap = share - target;  breach when |gap| > tolerance",
		Meaning:    "Whether every forum hears every sector in the proportions the partnership agreed.",
		Phrase:     "the members' and attendances' shares per sector against the representation key",
	},
	{
		ID: "blau", Aliases: []string{"iqv"}, Name: "Blau's heterogeneity and IQV",
		Definition: "The chance that two members drawn at random are from different sectors; the IQV divides it by its maximum for the k sectors.",
		Formula:    "B = 1 - Σ_k p_k²;  IQV = B / (1 - 1/k)",
		Meaning:    "0 when a forum is one sector only; the IQV is 1 when every sector is equally present.",
		Phrase:     "Blau's heterogeneity index (Blau 1977) and the index of qualitative variation",
		Refs:       []Reference{refBlau1977},
	},
	{
		ID: "entropy", Name: "Shannon entropy",
		Definition: "The entropy of the sector shares, in nats.",
		Formula:    "H = -Σ_k p_k ln p_k",
		Meaning:    "Another measure of how mixed a forum is: 0 for one sector, ln k for k sectors equally present.",
		Matches:    "R vegan::diversity(x, \"shannon\"), scipy.stats.entropy",
		Phrase:     "Shannon entropy (Shannon 1948)",
		Refs:       []Reference{refShannon1948},
	},
	{
		ID: "chi-square", Aliases: []string{"exact-multinomial", "fit"}, Name: "Goodness of fit to the key",
		Definition: "Pearson's chi-square test of the members per sector against the key when every expected count is at least 5 (Cochran's rule), else the exact multinomial test (the probability of all seatings no more likely than the observed one).",
		Formula:    "X² = Σ_k (O_k - E_k)² / E_k;  exact: p = Σ_{x: P(x) ≤ P(obs)} P(x)",
		Meaning:    "A small p-value means the seating is unlikely to be a chance departure from the key; with 20 seats only large departures give one, so read the gaps too.",
		Matches:    "R chisq.test(x, p = key); EMT::multinomial.test, XNomial::xmulti",
		Phrase:     "Pearson's chi-square test (Pearson 1900), or the exact multinomial test (Radlow and Alf 1975; Engels 2015) when an expected count is below 5 (Cochran 1952)",
		Refs:       []Reference{refPearson1900, refCochran1952, refRadlow1975, refXNomial},
	},
	{
		ID: "tie-change", Aliases: []string{"jaccard", "hamming"}, Name: "Tie change between waves",
		Definition: "Pairs with no tie in either wave, new, dissolved and kept ties; the Hamming distance (new + dissolved) and the Jaccard index kept / (new + dissolved + kept).",
		Formula:    "J = N11 / (N01 + N10 + N11)",
		Meaning:    "How much the network changed: a Jaccard index below 0.3 means most ties are new or gone between the surveys.",
		Matches:    "R sna hdist(g, g1, g2, mode=\"graph\"); the RSiena tie-change table",
		Phrase:     "the tie-change table and Jaccard index recommended for network panels (Snijders et al. 2010)",
		Refs:       []Reference{refSnijders2010},
	},
	{
		ID: "forum-effect", Aliases: []string{"attribution"}, Name: "Forum effect",
		Definition: "The share of new ties that joined co-participants (organizations that shared a forum or a meeting), against the share expected if new ties formed at random among the pairs without a tie; the p-value from random sets of as many pairs, and the exact hypergeometric tail.",
		Formula:    "ratio = observed share / expected share;  p = (k+1)/(R+1)",
		Meaning:    "Whether the forums made the new collaborations: a ratio well above 1 with a small p-value says new ties formed where the partnership brought organizations together.",
		Phrase:     "a permutation test of the share of new ties among co-participants, with p = (k+1)/(R+1) (Phipson and Smyth 2010)",
		Refs:       []Reference{refPhipson2010},
	},
	{
		ID: "qap", Aliases: []string{"mrqap", "netlogit", "forum-model"}, Name: "QAP regression",
		Definition: "A regression over pairs of organizations (here logistic: a new tie on sharing a forum or meeting, same sector and the pair's earlier partners), whose p-values come from permuting the organizations rather than from independence of the pairs; each coefficient is tested by double semi-partialling: its predictor's residuals on the other predictors are permuted.",
		Formula:    "logit P(y_ij = 1) = β₀ + Σ_k β_k x_kij;  z_k = β_k / SE_k;  p_k = #{z̃_k ≥ z_k} / R over R permutations (sna's Pr(>=b))",
		Meaning:    "An odds ratio above 1 with a small p-value says shared forums go with new ties even for pairs of the same sector mix and activity, not only because active organizations meet more.",
		Matches:    "R sna netlogit(y, x, mode = \"graph\", nullhyp = \"qapspp\")",
		Phrase:     "logistic QAP regression (Krackhardt 1988) with the double semi-partialling test of Dekker, Krackhardt and Snijders (2007)",
		Refs:       []Reference{refKrackhardtQAP1988, refDekker2007},
	},
	{
		ID: "first-meetings", Aliases: []string{"firsts"}, Name: "First meetings",
		Definition: "Meeting by meeting in date order, the pairs of organizations present for the first time at one meeting, and the cumulative number of pairs that have met.",
		Meaning:    "Which meetings introduced organizations, across sectors, that had never met before.",
		Phrase:     "the cumulative count of pairs of organizations that had attended a meeting together",
	},
	{
		ID: "adamic-adar", Aliases: []string{"suggest", "introductions"}, Name: "Suggested introductions (Adamic-Adar)",
		Definition: "Pairs from different sectors with no tie, ranked by the Adamic-Adar index over what they share, forums and partners alike: the sum of 1/log(degree) over shared neighbours.",
		Formula:    "AA(a,b) = Σ_{z ∈ N(a) ∩ N(b)} 1 / ln |N(z)|",
		Meaning:    "Introductions worth making: organizations that share small forums or partners with few ties, but do not yet work together.",
		Matches:    "NetworkX adamic_adar_index",
		Phrase:     "the Adamic-Adar index (Adamic and Adar 2003) as a link predictor (Liben-Nowell and Kleinberg 2007)",
		Refs:       []Reference{refAdamic2003, refLibenNowell2007},
	},
	{
		ID: "two-mode", Aliases: []string{"bipartite"}, Name: "Two-mode centrality",
		Definition: "Degree, betweenness and closeness of organizations and forums in the affiliation network, normalized by the sizes of both node sets.",
		Meaning:    "Which forums bind the partnership together, and which organizations sit across many of them.",
		Matches:    "NetworkX bipartite.degree_centrality, betweenness_centrality, closeness_centrality",
		Phrase:     "two-mode centralities normalized as Borgatti and Everett (1997)",
		Refs:       []Reference{refBorgatti1997},
	},
	{
		ID: "disparity", Aliases: []string{"backbone"}, Name: "Disparity backbone",
		Definition: "A tie is kept when its weight is a significant share of one of its ends' strength under a uniform null model.",
		Formula:    "α_ij = (1 - w_ij/s_i)^(k_i - 1)",
		Meaning:    "The ties that stand out for the organizations they join: a readable skeleton of a dense network.",
		Phrase:     "the disparity filter (Serrano et al. 2009)",
		Refs:       []Reference{refSerrano2009},
	},
	{
		ID: "approx-betweenness", Name: "Sampled betweenness",
		Definition: "Betweenness estimated from shortest paths between random pairs, with enough pairs that every value is within ±ε of the exact one with probability 1-δ.",
		Meaning:    "The same brokers as exact betweenness, for networks too large to compute exactly; two organizations whose error intervals overlap may be in either order.",
		Phrase:     "betweenness estimated by pair sampling (Riondato and Kornaropoulos 2016)",
		Refs:       []Reference{refRiondato2016},
	},
	{
		ID: "approx-closeness", Name: "Sampled closeness",
		Definition: "Closeness estimated from breadth-first searches out of random sources, with a Hoeffding bound on each mean distance.",
		Meaning:    "Closeness for networks too large to compute exactly.",
		Phrase:     "closeness estimated from sampled sources (Eppstein and Wang 2004)",
		Refs:       []Reference{refEppstein2004},
	},
	{
		ID: "sdsm", Aliases: []string{"significance-backbone"}, Name: "SDSM backbone",
		Definition: "A tie of a forum projection is kept when the two organizations share more forums than the stochastic degree sequence model makes likely: each organization keeps its number of forums and each forum its number of members on average, and the p-value is the upper tail of the number of forums they would share by chance.",
		Formula:    "p_ij = P(S ≥ s_ij), S a Poisson-binomial count over the forums with probabilities from the bipartite configuration model",
		Meaning:    "The ties that mean more than sitting in the same big forums: the network's skeleton, which the map and the network figure draw when the network is too dense to read.",
		Matches:    "R backbone sdsm (probabilities of its bicm)",
		Phrase:     "the stochastic degree sequence model backbone (Neal 2014)",
		Refs:       []Reference{refNeal2014},
	},
	{
		ID: "fdsm", Name: "FDSM backbone",
		Definition: "As the SDSM backbone, with the chance of sharing forums estimated from random affiliations that keep every organization's and every forum's degree exactly.",
		Meaning:    "The same skeleton as the SDSM backbone under a stricter null model, at the cost of sampling.",
		Phrase:     "the fixed degree sequence model backbone (Zweig and Kaufmann 2011; Neal 2014)",
		Refs:       []Reference{refZweig2011, refNeal2014},
	},
	{
		ID: "kaplan-meier", Aliases: []string{"retention"}, Name: "Kaplan-Meier retention",
		Definition: "The share of members still coming after each number of meetings, estimated with the members whose record ends early (their forum's last meetings) counted until then only.",
		Formula:    "S(t) = Π_{t_i ≤ t} (1 - d_i / n_i)",
		Meaning:    "How long members keep coming: a curve that falls fast says the forums lose their partners early.",
		Matches:    "R survival survfit",
		Phrase:     "Kaplan-Meier estimates of retention (Kaplan and Meier 1958)",
		Refs:       []Reference{refKaplan1958},
	},
	{
		ID: "log-rank", Name: "Log-rank test",
		Definition: "Whether the retention curves of the sectors differ, comparing at each meeting the members who stop with those expected if every sector kept its members alike.",
		Formula:    "χ² = (O - E)ᵀ V⁻¹ (O - E)",
		Meaning:    "A small p-value says members of some sectors stop coming sooner than others.",
		Matches:    "R survival survdiff",
		Phrase:     "the log-rank test (Peto and Peto 1972)",
		Refs:       []Reference{refPeto1972},
	},
	{
		ID: "layout", Aliases: []string{"map"}, Name: "Map layout",
		Definition: "Positions from a spring embedder: ties pull organizations together, every pair pushes apart (by the Barnes-Hut approximation), and a falling temperature lets the layout settle; each community starts around a point of its own, from seeded random positions, so the same data give the same map.",
		Meaning:    "Organizations drawn close together work closely; distance on the map is only a rough guide.",
		Phrase:     "the force-directed layout of Fruchterman and Reingold (1991) with Barnes-Hut repulsion (Barnes and Hut 1986)",
		Refs:       []Reference{refFruchterman1991, refBarnes1986},
	},
}

// Methods returns the registry of methods, in the order a methods section
// lists them. The slice is a copy; its Refs share the registry's arrays,
// which callers must not change.
func Methods() []Method { return slices.Clone(methods) }

// LookupMethod finds a method by its ID or one of its aliases, ignoring
// case, spaces and underscores ("E-I index", "ei_index" and "ei" all find
// ei-index).
func LookupMethod(name string) (Method, bool) {
	key := methodKey(name)
	for _, m := range methods {
		if methodKey(m.ID) == key || methodKey(m.Name) == key {
			return m, true
		}
		for _, a := range m.Aliases {
			if methodKey(a) == key {
				return m, true
			}
		}
	}
	return Method{}, false
}

func methodKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "-", "_", "-").Replace(s)
}

// MethodIDs lists the IDs of the registry, in order.
func MethodIDs() []string {
	ids := make([]string, len(methods))
	for i, m := range methods {
		ids[i] = m.ID
	}
	return ids
}

// References returns the distinct references of ms, in order of first
// citation.
func References(ms []Method) []Reference {
	seen := map[string]bool{}
	var out []Reference
	for _, m := range ms {
		for _, r := range m.Refs {
			if !seen[r.Key] {
				seen[r.Key] = true
				out = append(out, r)
			}
		}
	}
	return out
}
