# Exact-replay reference of graph's QAP permutation tests (qapref_test.go): sna's own
# permutation distributions, with the permutations it drew.
#   cd graph/testdata && Rscript qap_ref.R sample     # writes qap_ref_sample.txt
#   cd graph/testdata && Rscript qap_ref.R qap300     # writes qap_ref_qap300.txt
# (each takes an hour or more: sna refits on n x n arrays; the two can run at once).
# Models already in the output file are kept and skipped, so an interrupted run resumes.
#   cd graph/testdata && Rscript qap_replay.R        # writes qap_replay.txt.gz
# The models of qap_ref.R, each with 20 permutations. sna draws each permutation as
# rmperm(m) = m[o, o] with o <- sample(1:n), one call per permutation and nothing else
# random in between (qapy: one per replication; qapspp: per coefficient, then per
# replication), so after set.seed(SEED) the same calls to sample(1:n) give the very
# permutations sna used. They are written out with sna's statistic for each, and the Go
# test fits the same permuted models and must find the same statistics.
# Lines (whitespace-separated):
#   model ID DATASET lm|logit qapy|qapspp REPS OUTCOME TERM,TERM,...
#   perm ID COEF REP o_1 ... o_n       the permutation (1-based) of coefficient COEF (0 for qapy)
#   dist ID COEF REP STAT              sna's fit$dist[REP, COEF] (coefficients 1-based)
#   coef ID TERM ESTIMATE SE STAT PLE PGE PABS
suppressMessages(library(sna))
set.seed(20240916)

read_csv <- function(dir, file) {
  path <- file.path(dir, file)
  if (!file.exists(path)) return(NULL)
  lines <- readLines(path, encoding = "UTF-8")
  lines <- lines[!grepl("^#", lines) & nzchar(lines)]
  read.csv(text = lines, colClasses = "character", check.names = FALSE, na.strings = character(0))
}

load_dataset <- function(dir) {
  d <- list()
  d$orgs <- read_csv(dir, "organizations.csv")
  sec <- read_csv(dir, "sectors.csv")
  d$sectors <- if (is.null(sec)) unique(d$orgs$sector) else sec$id
  d$forums <- read_csv(dir, "forums.csv")
  d$part <- unique(read_csv(dir, "participation.csv")[, c("org", "forum")])
  d$meetings <- read_csv(dir, "meetings.csv")
  d$att <- unique(read_csv(dir, "attendance.csv")[, c("meeting", "org")])
  d$ties <- read_csv(dir, "ties.csv")
  d$n <- nrow(d$orgs)
  d
}

num <- function(x) { x[x == ""] <- NA; as.numeric(x) }

# Membership (orgs x groups, 0/1) to co-membership counts, diagonal 0.
comember <- function(d, org, grp, groups) {
  a <- matrix(0, d$n, length(groups))
  a[cbind(match(org, d$orgs$id), match(grp, groups))] <- 1
  m <- a %*% t(a)
  diag(m) <- 0
  list(a = a, m = m)
}

forum_counts <- function(d) comember(d, d$part$org, d$part$forum, d$forums$id)$m
newman <- function(d) {
  a <- comember(d, d$part$org, d$part$forum, d$forums$id)$a
  size <- colSums(a)
  w <- ifelse(size > 1, 1 / (size - 1), 0)
  m <- a %*% diag(w, length(w)) %*% t(a)
  diag(m) <- 0
  m
}
wave_end <- function(w) as.Date(paste0(w, "-12-31"))
meeting_counts <- function(d, w1 = NULL, w2 = NULL) {
  ms <- d$meetings
  if (!is.null(w1)) {
    day <- as.Date(ms$date)
    ms <- ms[day > wave_end(w1) & day <= wave_end(w2), ]
  }
  att <- d$att[d$att$meeting %in% ms$id, ]
  comember(d, att$org, att$meeting, ms$id)$m
}

wave_ties <- function(d, w) {
  t <- d$ties[d$ties$wave == w, ]
  t <- t[t$source != t$target, ]
  i <- match(t$source, d$orgs$id); j <- match(t$target, d$orgs$id)
  wt <- if ("weight" %in% names(t)) num(t$weight) else rep(NA, nrow(t))
  wt[is.na(wt)] <- 1
  tie <- matrix(0, d$n, d$n); weight <- matrix(0, d$n, d$n)
  for (r in seq_len(nrow(t))) {
    a <- i[r]; b <- j[r]
    tie[a, b] <- tie[b, a] <- 1
    weight[a, b] <- weight[b, a] <- max(weight[a, b], wt[r])
  }
  score <- function(col) {
    s <- matrix(0, d$n, d$n); cnt <- matrix(0, d$n, d$n)
    if (col %in% names(t)) {
      v <- num(t[[col]])
      for (r in seq_len(nrow(t))) if (!is.na(v[r])) {
        a <- i[r]; b <- j[r]
        s[a, b] <- s[b, a] <- s[a, b] + v[r]
        cnt[a, b] <- cnt[b, a] <- cnt[a, b] + 1
      }
    }
    out <- s / cnt
    out[cnt == 0] <- NA
    out
  }
  list(tie = tie, weight = weight, trust = score("trust"), value = score("value"))
}

# A dyadic variable (an n x n symmetric matrix, NA = missing) by its name.
dyad <- function(d, spec) {
  p <- strsplit(spec, ":", fixed = TRUE)[[1]]
  kind <- p[1]; a <- p[-1]
  sec <- match(d$orgs$sector, d$sectors)
  switch(kind,
    forums = forum_counts(d),
    newman = newman(d),
    meetings = if (length(a) == 2) meeting_counts(d, a[1], a[2]) else meeting_counts(d),
    coparticipation = {
      m <- if (length(a) == 2) meeting_counts(d, a[1], a[2]) else meeting_counts(d)
      1 * ((forum_counts(d) > 0) | (m > 0))
    },
    "same-sector" = { m <- 1 * outer(sec, sec, "=="); diag(m) <- 0; m },
    tie = wave_ties(d, a[1])$tie,
    weight = wave_ties(d, a[1])$weight,
    trust = wave_ties(d, a[1])$trust,
    value = wave_ties(d, a[1])$value,
    new = {
      t1 <- wave_ties(d, a[1])$tie; t2 <- wave_ties(d, a[2])$tie
      y <- t2; y[t1 == 1] <- NA; y
    },
    "degree-sum" = { k <- rowSums(wave_ties(d, a[1])$tie); m <- outer(k, k, "+"); diag(m) <- 0; m },
    "degree-diff" = { k <- rowSums(wave_ties(d, a[1])$tie); m <- abs(outer(k, k, "-")); diag(m) <- 0; m },
    same = { v <- trimws(d$orgs[[a[1]]]); m <- 1 * (outer(v, v, "==") & outer(v != "", v != "", "&")); diag(m) <- 0; m },
    diff = { v <- as.numeric(d$orgs[[a[1]]]); m <- abs(outer(v, v, "-")); diag(m) <- 0; m },
    stop("unknown term ", spec))
}

# sector-pairs: one 0/1 matrix per pair of sectors but the first, in sectors order.
sector_pairs <- function(d) {
  sec <- match(d$orgs$sector, d$sectors)
  size <- tabulate(sec, length(d$sectors))
  out <- list(); first <- TRUE
  for (a in seq_along(d$sectors)) for (b in a:length(d$sectors)) {
    pairs <- if (a == b) size[a] * (size[a] - 1) / 2 else size[a] * size[b]
    if (pairs == 0) next
    if (first) { first <- FALSE; next }
    m <- 1 * ((outer(sec, sec, pmin) == a) & (outer(sec, sec, pmax) == b))
    diag(m) <- 0
    out[[paste0("sector-pair:", d$sectors[a], "-", d$sectors[b])]] <- m
  }
  out
}

terms_of <- function(d, specs) {
  out <- list()
  for (s in specs) {
    if (s == "sector-pairs") out <- c(out, sector_pairs(d)) else out[[s]] <- dyad(d, s)
  }
  out
}


out <- gzfile("qap_replay.txt.gz", "w")
w <- function(...) cat(..., "\n", sep = "", file = out)
f17 <- function(x) format(x, digits = 17)
w("# QAP exact replay: R sna netlm / netlogit, fit$dist with the permutations it drew")
w("# tool: ", R.version.string, ", sna ", as.character(packageVersion("sna")), " (Debian r-cran-sna)")
w("# generated by: Rscript qap_replay.R (graph/testdata), set.seed(SEED) before each model; do not edit")
w("# call: netlm(y, x, mode = \"graph\", diag = FALSE, nullhyp = NULL, reps = 20) / netlogit(...); permutations: set.seed(SEED); sample(1:n) per permutation")
replay <- function(name, dir, dataset, model, nh, reps, outcome, specs, seed) {
  d <- load_dataset(dir)
  y <- dyad(d, outcome)
  xs <- terms_of(d, specs)
  x <- array(0, c(length(xs), d$n, d$n))
  for (k in seq_along(xs)) x[k, , ] <- xs[[k]]
  id <- paste0(dataset, "-", name, "-", nh)
  w("model ", id, " ", dataset, " ", model, " ", nh, " ", reps, " ", outcome, " ", paste(specs, collapse = ","))
  set.seed(seed)
  fit <- if (model == "lm") suppressWarnings(netlm(y, x, mode = "graph", diag = FALSE, nullhyp = nh, reps = reps)) else
    suppressWarnings(netlogit(y, x, mode = "graph", diag = FALSE, nullhyp = nh, reps = reps))
  nx <- length(xs) + 1
  set.seed(seed)
  ncoef <- if (nh == "qapy") 1 else nx
  for (i in seq_len(ncoef)) for (r in seq_len(reps)) {
    o <- sample(1:d$n)
    w("perm ", id, " ", if (nh == "qapy") 0 else i, " ", r, " ", paste(o, collapse = " "))
  }
  for (i in seq_len(nx)) for (r in seq_len(reps)) w("dist ", id, " ", i, " ", r, " ", f17(fit$dist[r, i]))
  se <- if (model == "lm") sqrt(diag(chol2inv(fit$qr$qr)) * sum(fit$residuals^2) / fit$df.residual) else fit$se
  tn <- c("(intercept)", names(xs))
  for (k in seq_along(tn)) w("coef ", id, " ", tn[k], " ", f17(fit$coefficients[k]), " ", f17(se[k]), " ", f17(fit$tstat[k]), " ",
    f17(fit$pleeq[k]), " ", f17(fit$pgreq[k]), " ", f17(fit$pgreqabs[k]))
  cat(id, dataset, "\n")
}
S <- "qapsample"; Q <- "qap300"
forum <- c("coparticipation:2012:2014", "same-sector", "degree-sum:2012")
lagged <- c("forums", "meetings", "tie:2012", "same-sector", "degree-diff:2012", "same:city")
activity <- c("forums", "meetings:2012:2014", "same:region", "diff:staff", "degree-sum:2012")
seed <- 1
for (nh in c("qapy", "qapspp")) {
  replay("forum", S, "sample", "logit", nh, 20, "new:2012:2014", forum, seed <- seed + 1)
  replay("lagged", S, "sample", "lm", nh, 20, "tie:2014", lagged, seed <- seed + 1)
  replay("trust", S, "sample", "lm", nh, 20, "trust:2014", c("forums", "same-sector", "tie:2012"), seed <- seed + 1)
  replay("forum", Q, "qap300", "logit", nh, 20, "new:2012:2014", forum, seed <- seed + 1)
  replay("activity", Q, "qap300", "lm", nh, 20, "tie:2014", activity, seed <- seed + 1)
}
replay("sectors", S, "sample", "logit", "qapy", 20, "tie:2014", c("newman", "tie:2012", "same:size", "sector-pairs"), seed <- seed + 1)
replay("trust", Q, "qap300", "lm", "qapy", 20, "trust:2014", c("forums", "same-sector", "diff:staff"), seed <- seed + 1)
replay("continuous", Q, "qap300", "logit", "qapspp", 20, "tie:2014", c("forums", "diff:staff", "same:region", "tie:2012"), seed <- seed + 1)
close(out)
