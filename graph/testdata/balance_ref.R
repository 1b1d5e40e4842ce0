# Reference values for graph's balance tests, from R.
#   cd graph/testdata && Rscript balance_ref.R > balance_ref.txt
# Reads balance_cases.txt. For each case writes
#   chisq NAME X2 DF P       chisq.test(x, p = p)$statistic, $parameter, $p.value
#   exact NAME P POBS P_EMT  the exact multinomial test by enumerating every
#                            outcome with dmultinom: P sums the outcomes whose
#                            probability is <= POBS * (1 + 1e-7) (fisher.test's
#                            margin), P_EMT those <= POBS (EMT::multinomial.test)
#   diversity NAME BLAU IQV SHANNON  vegan::diversity(x, "simpson"),
#                            that / (1 - 1/k), vegan::diversity(x, "shannon")
suppressMessages(library(vegan))
cat("# R", R.version$major, ".", R.version$minor, ", vegan ", as.character(packageVersion("vegan")), "; Rscript balance_ref.R\n", sep = "")
compositions <- function(n, k) {
  if (k == 1) return(matrix(n, 1, 1))
  do.call(rbind, lapply(0:n, function(x) cbind(x, compositions(n - x, k - 1))))
}
lines <- grep("^[^#]", readLines("balance_cases.txt"), value = TRUE)
for (l in lines) {
  f <- strsplit(l, " ")[[1]]
  name <- f[1]
  x <- as.integer(strsplit(f[2], ",")[[1]])
  p <- sapply(strsplit(f[3], ",")[[1]], function(s) eval(parse(text = s)))
  ct <- suppressWarnings(chisq.test(x, p = p))
  cat(sprintf("chisq %s %.17g %d %.17g\n", name, ct$statistic, ct$parameter, ct$p.value))
  out <- compositions(sum(x), length(x))
  pr <- apply(out, 1, function(y) dmultinom(y, prob = p))
  pobs <- dmultinom(x, prob = p)
  cat(sprintf("exact %s %.17g %.17g %.17g\n", name, min(1, sum(pr[pr <= pobs * (1 + 1e-7)])), pobs, sum(pr[pr <= pobs])))
  cat(sprintf("diversity %s %.17g %.17g %.17g\n", name, diversity(x, "simpson"), diversity(x, "simpson") / (1 - 1 / length(x)), diversity(x, "shannon")))
}
