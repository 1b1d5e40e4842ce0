# Reference values for graph/survey_ref_test.go from R sna and R igraph.
# Rscript reciprocity_ref.R > reciprocity_sna.txt
suppressPackageStartupMessages({library(sna); library(igraph)})
a <- read.csv("reports.csv")
m <- matrix(0, 80, 80)
m[cbind(a$from + 1, a$to + 1)] <- a$weight
cat(sprintf("# R %s, sna %s, igraph %s: sna grecip(m, measure=...); sna degree((m > 0) * 1, cmode=\"indegree\"/\"outdegree\"); sna symmetrize(m, rule=\"weak\"/\"strong\") (binary); igraph as.undirected(g, mode=\"collapse\"/\"mutual\", edge.attr.comb=list(weight=\"max\"/\"min\"/\"mean\")) on reports.csv (80 nodes)\n",
    getRversion(), packageVersion("sna"), packageVersion("igraph")))
for (ms in c("dyadic", "dyadic.nonnull", "edgewise")) cat(sprintf("grecip %s %.15g\n", ms, grecip(m, measure = ms)))
b <- (m > 0) * 1
ind <- sna::degree(b, cmode = "indegree")
outd <- sna::degree(b, cmode = "outdegree")
for (v in 1:80) cat(sprintf("degree %d %d %d\n", v - 1, ind[v], outd[v]))
for (rule in c("weak", "strong")) {
  s <- sna::symmetrize(m, rule = rule)
  for (i in 1:79) for (j in (i + 1):80) if (s[i, j] > 0) cat(sprintf("%s %d %d %g\n", rule, i - 1, j - 1, s[i, j]))
}
g <- graph_from_data_frame(data.frame(from = a$from, to = a$to, weight = a$weight),
                           directed = TRUE, vertices = data.frame(name = 0:79))
for (x in list(c("collapse", "max"), c("collapse", "mean"), c("mutual", "min"), c("mutual", "mean"))) {
  u <- as.undirected(g, mode = x[1], edge.attr.comb = list(weight = x[2]))
  e <- as_data_frame(u, what = "edges")
  e$from <- as.integer(e$from); e$to <- as.integer(e$to)
  lo <- pmin(e$from, e$to); hi <- pmax(e$from, e$to)
  o <- order(lo, hi)
  for (k in o) cat(sprintf("igraph-%s-%s %d %d %.15g\n", x[1], x[2], lo[k], hi[k], e$weight[k]))
}
# Nonresponse: the organizations whose index is 2 mod 5 did not answer
# (their rows are missing). Reconstruction (Stork and Richards 1992):
# a nonrespondent's row becomes its column, m[j, ] <- m[, j]; then min is
# the strong rule with the smaller weight. Respondent-only: the weak rule
# on the respondents' submatrix.
non <- which((0:79) %% 5 == 2)
mn <- m
mn[non, ] <- 0
rec <- mn
rec[non, ] <- t(mn[, non])
gr <- graph_from_adjacency_matrix(rec, mode = "directed", weighted = TRUE)
u <- as.undirected(gr, mode = "mutual", edge.attr.comb = list(weight = "min"))
e <- as_edgelist(u, names = FALSE); w <- E(u)$weight
o <- order(pmin(e[, 1], e[, 2]), pmax(e[, 1], e[, 2]))
for (k in o) cat(sprintf("nonresponse-min %d %d %.15g\n", min(e[k, ]) - 1, max(e[k, ]) - 1, w[k]))
resp <- setdiff(1:80, non)
s <- sna::symmetrize(mn, rule = "weak")
for (i in resp) for (j in resp) if (i < j && s[i, j] > 0) cat(sprintf("nonresponse-respondent-only %d %d %g\n", i - 1, j - 1, max(mn[i, j], mn[j, i])))
