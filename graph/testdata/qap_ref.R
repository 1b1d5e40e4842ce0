# Reference values from R sna for graph's QAP regression (qap_test.go).
#   cd graph/testdata && Rscript qap_ref.R sample     # writes qap_ref_sample.txt
#   cd graph/testdata && Rscript qap_ref.R qap300     # writes qap_ref_qap300.txt
# (each takes an hour or more: sna refits on n x n arrays; the two can run at once).
# Models already in the output file are kept and skipped, so an interrupted run resumes.
# The dyadic variables are built here from the dataset's CSV files, independently of
# sectornet, by the definitions of graph.QAPOutcome and graph.QAPPredictors; then each
# model is fitted by sna netlm / netlogit (mode = "graph", diag = FALSE) with both
# permutation schemes. Output lines (whitespace-separated):
#   model NAME DATASET lm|logit qapy|qapspp REPS OUTCOME TERM,TERM,...
#   term NAME TERM SUM SUMSQ NA        fingerprint of each dyadic variable as built here
#   coef NAME TERM ESTIMATE SE STAT PLE PGE PABS MIN Q1 MEDIAN MEAN Q3 MAX
#   fit NAME KEY VALUE
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

quick <- as.integer(Sys.getenv("QAP_REPS", "0")) # > 0: a quick trial run into /tmp
part <- commandArgs(trailingOnly = TRUE)[1]
stopifnot(part %in% c("sample", "qap300"))
path <- if (quick > 0) paste0("/tmp/qap_ref_", part, "_quick.txt") else paste0("qap_ref_", part, ".txt")
done <- character(0)
if (file.exists(path)) {
  old <- readLines(path)
  done <- unique(sapply(strsplit(grep("^coef ", old, value = TRUE), " "), `[`, 2))
  # keep only complete models (those with coef lines)
  keep <- !grepl("^(model|term|fit|coef) ", old) | sapply(strsplit(old, " "), `[`, 2) %in% done
  writeLines(old[keep], path)
}
fresh <- !file.exists(path)
out <- file(path, "a")
w <- function(...) cat(..., "\n", sep = "", file = out)
f17 <- function(x) format(x, digits = 17)
if (fresh) w("# QAP regression reference: R sna netlm / netlogit on dyadic variables built from the datasets' CSV files")
if (fresh) w("# tool: ", R.version.string, ", sna ", as.character(packageVersion("sna")), " (Debian r-cran-sna)")
if (fresh) w("# generated by: Rscript qap_ref.R ", part, " (graph/testdata), set.seed(20240916) before each model; do not edit")
if (fresh) w("# call: netlm(y, x, mode = \"graph\", diag = FALSE, nullhyp = NULL, reps = REPS) / netlogit(...), x the stack of terms in order")

lower <- function(m) m[lower.tri(m)]
run <- function(name, dir, dataset, model, nulls, reps, outcome, specs) {
  if (quick > 0) reps <- quick
  d <- load_dataset(dir)
  y <- dyad(d, outcome)
  xs <- terms_of(d, specs)
  x <- array(0, c(length(xs), d$n, d$n))
  for (k in seq_along(xs)) x[k, , ] <- xs[[k]]
  for (nh in nulls) {
    id <- paste0(name, "-", nh)
    if (id %in% done) next
    set.seed(20240916)
    w("model ", id, " ", dataset, " ", model, " ", nh, " ", reps, " ", outcome, " ", paste(specs, collapse = ","))
    for (t in c(outcome, names(xs))) {
      v <- lower(if (t == outcome) y else xs[[t]])
      w("term ", id, " ", t, " ", f17(sum(v, na.rm = TRUE)), " ", f17(sum(v^2, na.rm = TRUE)), " ", sum(is.na(v)))
    }
    cat(id, "...\n")
    t0 <- Sys.time()
    if (model == "lm") {
      fit <- suppressWarnings(netlm(y, x, mode = "graph", diag = FALSE, nullhyp = nh, reps = reps))
      resvar <- sum(fit$residuals^2) / fit$df.residual
      se <- sqrt(diag(chol2inv(fit$qr$qr)) * resvar)
      mss <- sum((fit$fitted.values - mean(fit$fitted.values))^2)
      rss <- sum(fit$residuals^2)
      r2 <- mss / (mss + rss)
      qn <- NROW(fit$qr$qr)
      w("fit ", id, " n ", fit$n)
      w("fit ", id, " r_squared ", f17(r2))
      w("fit ", id, " adj_r_squared ", f17(1 - (1 - r2) * ((qn - 1) / fit$df.residual)))
      w("fit ", id, " sigma ", f17(sqrt(resvar)))
      w("fit ", id, " f ", f17((mss / (fit$rank - 1)) / resvar))
    } else {
      fit <- suppressWarnings(netlogit(y, x, mode = "graph", diag = FALSE, nullhyp = nh, reps = reps))
      se <- fit$se
      w("fit ", id, " n ", fit$n)
      w("fit ", id, " deviance ", f17(fit$deviance))
      w("fit ", id, " null_deviance ", f17(fit$null.deviance))
      w("fit ", id, " df_null ", fit$df.null)
      w("fit ", id, " aic ", f17(fit$aic))
      w("fit ", id, " bic ", f17(fit$bic))
      w("fit ", id, " pseudo_r2 ", f17((fit$null.deviance - fit$deviance) / (fit$null.deviance - fit$deviance + fit$df.null)))
      w("fit ", id, " deviance_r2 ", f17(1 - fit$deviance / fit$null.deviance))
      yv <- lower(y); ok <- !is.na(yv)
      g0 <- glm(yv[ok] ~ 1, family = binomial())
      w("fit ", id, " intercept_deviance ", f17(g0$deviance))
      w("fit ", id, " fraction_correct ", f17((fit$ctable[1, 1] + fit$ctable[2, 2]) / sum(fit$ctable)))
    }
    tn <- c("(intercept)", names(xs))
    for (k in seq_along(tn)) {
      dd <- fit$dist[, k]
      w("coef ", id, " ", tn[k], " ", f17(fit$coefficients[k]), " ", f17(se[k]), " ", f17(fit$tstat[k]), " ",
        f17(fit$pleeq[k]), " ", f17(fit$pgreq[k]), " ", f17(fit$pgreqabs[k]), " ",
        f17(min(dd)), " ", f17(quantile(dd, 0.25, names = FALSE)), " ", f17(median(dd)), " ",
        f17(mean(dd)), " ", f17(quantile(dd, 0.75, names = FALSE)), " ", f17(max(dd)))
    }
    cat(id, format(Sys.time() - t0), "\n")
  }
}

S <- "qapsample"; Q <- "qap300"
# Permutations: as many as sna runs in reasonable time (each of its fits rebuilds the
# n x n arrays: 0.2-1.5 s a fit at 169 organizations on a loaded machine, 1-3 s at
# 300); the Go test runs the same number and compares p-values within their Monte
# Carlo error.
forum <- c("coparticipation:2012:2014", "same-sector", "degree-sum:2012")
if (part == "sample") {
  run("forum", S, "sample", "logit", "qapy", 1000, "new:2012:2014", forum)
  run("forum", S, "sample", "logit", "qapspp", 300, "new:2012:2014", forum)
  run("lagged", S, "sample", "lm", "qapy", 500, "tie:2014", c("forums", "meetings", "tie:2012", "same-sector", "degree-diff:2012", "same:city"))
  run("lagged", S, "sample", "lm", "qapspp", 150, "tie:2014", c("forums", "meetings", "tie:2012", "same-sector", "degree-diff:2012", "same:city"))
  run("trust", S, "sample", "lm", "qapy", 500, "trust:2014", c("forums", "same-sector", "tie:2012"))
  run("trust", S, "sample", "lm", "qapspp", 300, "trust:2014", c("forums", "same-sector", "tie:2012"))
  run("sectors", S, "sample", "logit", "qapy", 200, "tie:2014", c("newman", "tie:2012", "same:size", "sector-pairs"))
} else {
  run("forum", Q, "qap300", "logit", "qapy", 200, "new:2012:2014", forum)
  run("forum", Q, "qap300", "logit", "qapspp", 100, "new:2012:2014", forum)
  run("activity", Q, "qap300", "lm", "qapy", 200, "tie:2014", c("forums", "meetings:2012:2014", "same:region", "diff:staff", "degree-sum:2012"))
  run("activity", Q, "qap300", "lm", "qapspp", 100, "tie:2014", c("forums", "meetings:2012:2014", "same:region", "diff:staff", "degree-sum:2012"))
  run("trust", Q, "qap300", "lm", "qapy", 200, "trust:2014", c("forums", "same-sector", "diff:staff"))
}
close(out)
