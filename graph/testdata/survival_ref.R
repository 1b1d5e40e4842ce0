# Reference values for graph.KaplanMeier and graph.LogRankTest.
# Tool: R 4.2.2 with survival 3.5-3 (Debian r-cran-survival).
# Call: Rscript graph/testdata/survival_ref.R > graph/testdata/survival_ref.txt
# Output: for each case, one "km" line per curve step (time n.risk n.event
# n.censor surv std.err lower upper), one "median" line (median LCL UCL) per
# group, then "logrank chisq df p" and "oe group observed expected".
suppressMessages(library(survival))
cases <- list(
  # survival's aml data (Miller 1981): weeks to relapse, maintained vs not.
  aml = list(time = aml$time, status = aml$status, group = as.integer(aml$x) - 1L),
  # ties of events and censorings at one time, an event at time 0, three groups,
  # the last censored only: retention-shaped (meetings kept before lapsing).
  ties = list(
    time   = c(0, 1, 1, 1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 1, 2, 2, 4, 4, 6, 6, 6, 3, 6, 6),
    status = c(1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0),
    group  = c(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2)),
  # days, a curve that is exactly 1/2 over an interval (median is a midpoint).
  half = list(
    time   = c(10, 20, 30, 40, 50, 60, 70, 80),
    status = c(1, 1, 0, 1, 1, 1, 0, 1),
    group  = c(0, 0, 0, 0, 1, 1, 1, 1))
)
fmt <- function(x) ifelse(is.na(x), "NaN", formatC(x, digits = 17, format = "g"))
for (nm in names(cases)) {
  cs <- cases[[nm]]
  d <- data.frame(time = cs$time, status = cs$status, group = cs$group)
  cat("case", nm, "\n")
  cat("data", paste(d$time, d$status, d$group, sep = ":"), "\n")
  for (g in c("all", sort(unique(d$group)))) {
    dd <- if (g == "all") d else d[d$group == as.integer(g), ]
    f <- survfit(Surv(time, status) ~ 1, data = dd)
    for (i in seq_along(f$time)) {
      cat("km", g, fmt(f$time[i]), f$n.risk[i], f$n.event[i], f$n.censor[i],
          fmt(f$surv[i]), fmt(f$std.err[i] * f$surv[i]), fmt(f$lower[i]), fmt(f$upper[i]), "\n")
    }
    q <- summary(f)$table
    cat("median", g, fmt(q["median"]), fmt(q["0.95LCL"]), fmt(q["0.95UCL"]), "\n")
  }
  sd <- survdiff(Surv(time, status) ~ group, data = d)
  df <- sum(sd$n > 0) - 1
  cat("logrank", fmt(sd$chisq), df, fmt(pchisq(sd$chisq, df, lower.tail = FALSE)), "\n")
  for (i in seq_along(sd$n)) cat("oe", i - 1, fmt(sd$obs[i]), fmt(sd$exp[i]), "\n")
}
