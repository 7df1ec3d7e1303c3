# Known answers for lib/stats/meta-analysis.ts beyond dat.bcg (lib/stats/fixtures/metafor-dat-bcg.json).
#
#   Rscript scripts/metafor/fixtures.R <output.json>      (npm run stats:fixtures)
#
# Needs R with metafor and jsonlite (Debian: r-cran-metafor r-cran-jsonlite). The output is
# deterministic (no dates), so lib/stats/metafor.test.ts can regenerate it and compare with the
# committed copy. Data sets other than dat.bcg are synthetic, chosen to reach the code paths named in
# their descriptions; they are not evidence.
#
# Conventions mirrored by the TypeScript (see its header comment):
# - REML uses control = list(threshold = 1e-10) (metafor's default is 1e-5).
# - PM and the Q-profile tau^2 CI use metafor's default uniroot tolerance (.Machine$double.eps^0.25)
#   unless a model records `tolerance`, in which case rma() and confint() both get control$tol.
# - hksj = test "knha"; hksjTruncated = test "adhoc" (Knapp-Hartung factor truncated at 1).
# - No PI and no tau^2 CI for FE; none for k = 1 either (tau^2 is not estimable from one study).

suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1L) stop("usage: Rscript scripts/metafor/fixtures.R <output.json>")
out_path <- args[[1]]

REML_THRESHOLD <- 1e-10

num_or_null <- function(x) if (is.null(x) || length(x) == 0L || is.na(x)) NULL else unname(as.numeric(x))

fit_model <- function(yi, vi, method, ci, truncated = FALSE, level = 95, tolerance = NULL) {
  test <- if (ci == "wald") "z" else if (truncated) "adhoc" else "knha"
  control <- list(threshold = REML_THRESHOLD)
  if (!is.null(tolerance)) control$tol <- tolerance
  # metafor warns that Knapp-Hartung is not meant for FE models; the figures are still wanted.
  fit <- suppressWarnings(rma(yi, vi, method = method, test = test, level = level, control = control))
  random <- method != "FE" && fit$k > 1L
  pi_lb <- NULL
  pi_ub <- NULL
  tau2_lb <- NULL
  tau2_ub <- NULL
  if (random) {
    pr <- predict(fit)
    pi_lb <- pr$pi.lb
    pi_ub <- pr$pi.ub
    ci_control <- if (is.null(tolerance)) list() else list(tol = tolerance)
    tau2_ci <- confint(fit, control = ci_control)$random["tau^2", ]
    tau2_lb <- tau2_ci[["ci.lb"]]
    tau2_ub <- tau2_ci[["ci.ub"]]
  }
  call <- sprintf(
    "rma(yi, vi, method = \"%s\", test = \"%s\", level = %s, control = list(threshold = 1e-10%s))",
    method, test, level, if (is.null(tolerance)) "" else sprintf(", tol = %g", tolerance)
  )
  list(
    method = method,
    ci = ci,
    hksjTruncated = truncated,
    level = level,
    tolerance = num_or_null(tolerance),
    metaforCall = call,
    k = fit$k,
    estimate = c(fit$b),
    se = fit$se,
    ciLower = fit$ci.lb,
    ciUpper = fit$ci.ub,
    piLower = num_or_null(pi_lb),
    piUpper = num_or_null(pi_ub),
    tau2 = fit$tau2,
    tau2CiLower = num_or_null(tau2_lb),
    tau2CiUpper = num_or_null(tau2_ub),
    i2 = fit$I2,
    h2 = fit$H2,
    q = fit$QE,
    qDf = fit$k - fit$p,
    qP = fit$QEp,
    zOrT = fit$zval,
    p = fit$pval,
    weights = I(unname(weights(fit)))
  )
}

all_models <- function(yi, vi) {
  models <- list()
  for (method in c("FE", "DL", "REML", "PM")) {
    models[[length(models) + 1L]] <- fit_model(yi, vi, method, "wald")
    models[[length(models) + 1L]] <- fit_model(yi, vi, method, "hksj")
    models[[length(models) + 1L]] <- fit_model(yi, vi, method, "hksj", truncated = TRUE)
  }
  models
}

data_set <- function(name, description, yi, vi, ids, models = all_models(yi, vi), extra = list()) {
  c(list(name = name, description = description, ids = I(ids), yi = I(unname(yi)), vi = I(unname(vi))), extra,
    list(models = models))
}

sets <- list()

# Heterogeneous: DL, REML and PM give visibly different tau^2.
het_yi <- c(-0.62, 0.10, -1.05, 0.35, -0.35, -1.40, 0.02, -0.48)
het_vi <- c(0.045, 0.12, 0.08, 0.20, 0.03, 0.15, 0.06, 0.10)
het_ids <- paste0("H", seq_along(het_yi))
sets[[length(sets) + 1L]] <- data_set(
  "heterogeneous", "k = 8, Q well above k - 1: DL, REML and PM disagree; also at level 90 and with tight root tolerance",
  het_yi, het_vi, het_ids,
  models = c(
    all_models(het_yi, het_vi),
    list(
      fit_model(het_yi, het_vi, "REML", "wald", level = 90),
      fit_model(het_yi, het_vi, "PM", "hksj", level = 90),
      fit_model(het_yi, het_vi, "PM", "wald", tolerance = 1e-12),
      fit_model(het_yi, het_vi, "DL", "wald", tolerance = 1e-12)
    )
  )
)

# Homogeneous: qchisq(0.025, 5) < Q < k - 1, so DL truncates at 0, REML and PM hit the boundary and
# the Q-profile CI is [0, upper > 0].
hom_yi <- c(-0.30, -0.22, -0.41, -0.18, -0.35, -0.50)
hom_vi <- c(0.020, 0.035, 0.050, 0.028, 0.060, 0.045)
sets[[length(sets) + 1L]] <- data_set(
  "homogeneous", "k = 6, Q below k - 1 but above the lower chi-square quantile: tau^2 = 0, tau^2 CI [0, upper]",
  hom_yi, hom_vi, paste0("M", seq_along(hom_yi))
)

# Very homogeneous: Q below qchisq(0.025, 4), so metafor sets both Q-profile bounds to 0.
vhom_yi <- c(-0.300, -0.305, -0.298, -0.302, -0.299)
vhom_vi <- c(0.040, 0.050, 0.030, 0.045, 0.060)
sets[[length(sets) + 1L]] <- data_set(
  "very-homogeneous", "k = 5, Q below the lower chi-square quantile: tau^2 = 0 and tau^2 CI [0, 0]",
  vhom_yi, vhom_vi, paste0("V", seq_along(vhom_yi))
)

sets[[length(sets) + 1L]] <- data_set(
  "k2", "k = 2 (one degree of freedom)",
  c(-0.30, 0.25), c(0.04, 0.09), c("A", "B")
)

sets[[length(sets) + 1L]] <- data_set(
  "k3", "k = 3 (t with 2 df under HKSJ)",
  c(-0.51, -0.12, -0.80), c(0.05, 0.03, 0.11), c("A", "B", "C")
)

# k = 1: metafor returns the study itself with Q = 0, I^2 = 0, H^2 = 1; Wald only (a t with 0 df
# has no quantile).
k1_models <- lapply(c("FE", "DL", "REML", "PM"), function(m) fit_model(-0.4, 0.05, m, "wald"))
sets[[length(sets) + 1L]] <- data_set("k1", "k = 1: the study itself", -0.4, 0.05, "A", models = k1_models)

# Hazard ratios given as estimate and 95% CI, built exactly as fromRatioCi: yi = ln HR,
# sei = (ln upper - ln lower) / (2 * qnorm(0.975)).
hr <- c(0.72, 0.85, 0.64, 1.05, 0.58)
hr_lower <- c(0.55, 0.61, 0.44, 0.78, 0.39)
hr_upper <- c(0.94, 1.18, 0.93, 1.41, 0.86)
hr_yi <- log(hr)
hr_vi <- ((log(hr_upper) - log(hr_lower)) / (2 * qnorm(0.975)))^2
sets[[length(sets) + 1L]] <- data_set(
  "hazard-ratios-from-ci", "5 HRs from printed 95% CIs (synthetic), log scale",
  hr_yi, hr_vi, paste0("HR", seq_along(hr)),
  extra = list(ratioInput = list(value = hr, lower = hr_lower, upper = hr_upper, level = 95))
)

# Single-arm proportions on the logit scale. escalc's defaults add = 1/2, to = "only0" add 0.5 to
# events and non-events only in studies with 0 events or 0 non-events (so n becomes n + 1 there).
events <- c(12, 0, 30, 18, 9, 20)
total <- c(40, 25, 52, 33, 60, 20)
plo <- escalc(measure = "PLO", xi = events, ni = total, add = 1 / 2, to = "only0")
sets[[length(sets) + 1L]] <- data_set(
  "proportions-logit", "6 single-arm proportions (synthetic), escalc PLO with one zero-event and one all-event study",
  c(plo$yi), c(plo$vi), paste0("P", seq_along(events)),
  extra = list(proportionInput = list(events = events, total = total, corrected = events == 0 | events == total))
)

# Leave-one-out on dat.bcg: leave1out() figures, cross-checked against refitting without each trial
# (which also gives the PI and the tau^2 CI that leave1out() does not report).
bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
bcg_ids <- paste(bcg$author, bcg$year)
leave_one_out <- list()
for (ci in c("wald", "hksj")) {
  test <- if (ci == "wald") "z" else "knha"
  full <- rma(yi, vi, data = bcg, method = "REML", test = test, control = list(threshold = REML_THRESHOLD))
  l1o <- leave1out(full)
  rows <- list()
  for (i in seq_len(nrow(bcg))) {
    refit <- fit_model(bcg$yi[-i], bcg$vi[-i], "REML", ci)
    agree <- c(
      l1o$estimate[i] - refit$estimate, l1o$se[i] - refit$se, l1o$ci.lb[i] - refit$ciLower,
      l1o$ci.ub[i] - refit$ciUpper, l1o$tau2[i] - refit$tau2, l1o$Q[i] - refit$q, l1o$I2[i] - refit$i2,
      l1o$H2[i] - refit$h2, l1o$pval[i] - refit$p, l1o$zval[i] - refit$zOrT
    )
    stopifnot(max(abs(agree)) < 1e-12)
    rows[[i]] <- c(list(omittedIndex = i - 1L, omittedId = bcg_ids[i]), refit)
  }
  leave_one_out[[length(leave_one_out) + 1L]] <- list(
    method = "REML", ci = ci, metaforCall = sprintf("leave1out(rma(yi, vi, data = dat.bcg RR, method = \"REML\", test = \"%s\", control = list(threshold = 1e-10)))", test),
    rows = rows
  )
}

# Test for subgroup differences on dat.bcg by allocation (random / alternate / systematic):
# Q_between = sum_g (est_g - est_bar)^2 / se_g^2, est_bar the inverse-variance mean of the subgroup
# estimates with weights 1/se_g^2, se_g each subgroup's Wald (model-based) SE 1/sqrt(sum 1/(vi + tau2_g))
# whatever CI the subgroup reports, df = G - 1, chi-square upper tail (RevMan's test).
groups <- unique(bcg$alloc)
subgroups <- list()
for (spec in list(c("FE", "wald"), c("DL", "wald"), c("REML", "wald"), c("REML", "hksj"), c("PM", "wald"))) {
  method <- spec[[1]]
  ci <- spec[[2]]
  per_group <- list()
  est <- numeric(0)
  se_wald <- numeric(0)
  for (g in groups) {
    sel <- bcg$alloc == g
    model <- fit_model(bcg$yi[sel], bcg$vi[sel], method, ci)
    wald <- if (ci == "wald") model else fit_model(bcg$yi[sel], bcg$vi[sel], method, "wald")
    est <- c(est, model$estimate)
    se_wald <- c(se_wald, wald$se)
    per_group[[length(per_group) + 1L]] <- c(list(group = g, ids = bcg_ids[sel]), model)
  }
  w <- 1 / se_wald^2
  est_bar <- sum(w * est) / sum(w)
  q_between <- sum(w * (est - est_bar)^2)
  df_between <- length(groups) - 1L
  if (method == "FE") {
    # With FE subgroups this is the omnibus moderator test of a subgroup meta-regression.
    qm <- rma(yi, vi, mods = ~ factor(alloc), data = bcg, method = "FE")$QM
    stopifnot(abs(qm - q_between) < 1e-10)
  }
  subgroups[[length(subgroups) + 1L]] <- list(
    method = method, ci = ci, groupVariable = "alloc",
    qBetween = q_between, dfBetween = df_between,
    pBetween = pchisq(q_between, df_between, lower.tail = FALSE),
    subgroups = per_group
  )
}

out <- list(
  description = paste(
    "Known answers for lib/stats/meta-analysis.ts beyond dat.bcg, written by scripts/metafor/fixtures.R.",
    "Each model is metafor::rma(yi, vi, ...) as in metaforCall, PI from predict(), tau^2 CI from confint()$random (Q-profile).",
    "Synthetic data sets are test inputs, not evidence."
  ),
  generatedBy = list(R = R.version.string, metafor = as.character(packageVersion("metafor"))),
  remlThreshold = REML_THRESHOLD,
  sets = sets,
  leaveOneOut = list(data = "dat.bcg, escalc(measure = \"RR\")", ids = bcg_ids, yi = c(bcg$yi), vi = c(bcg$vi), analyses = leave_one_out),
  subgroupAnalyses = list(data = "dat.bcg, escalc(measure = \"RR\"), grouped by alloc", ids = bcg_ids, yi = c(bcg$yi), vi = c(bcg$vi), group = bcg$alloc, analyses = subgroups)
)

json <- toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = TRUE)
writeLines(json, out_path)
