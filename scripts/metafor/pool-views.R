# metafor's answers for the project's own pooled views (lib/pooling/views.ts).
#
#   Rscript scripts/metafor/pool-views.R <inputs.json> <output.json>      (npm run stats:views)
#
# <inputs.json> is written by scripts/metafor/views-input.ts: for each view that pools, the study
# ids and their log-scale estimates (yi) and sampling variances (vi). Each view is fitted with every
# estimator (FE, DL, REML, PM) and interval (wald = test "z", hksj = test "knha", not truncated), with
# REML converged to 1e-10 as lib/stats/meta-analysis.ts does; PI from predict(); tau^2 CI from confint().
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2L) stop("usage: Rscript scripts/metafor/pool-views.R <inputs.json> <output.json>")
views <- fromJSON(args[[1]], simplifyVector = FALSE)
val <- function(x) if (is.null(x) || length(x) == 0L || is.na(x)) NULL else unname(as.numeric(x))
out <- list()
for (v in views) {
  yi <- unlist(v$yi)
  vi <- unlist(v$vi)
  for (method in c("FE", "DL", "REML", "PM")) {
    for (ci in c("wald", "hksj")) {
      test <- if (ci == "wald") "z" else "knha"
      fit <- suppressWarnings(rma(yi, vi, method = method, test = test, control = list(threshold = 1e-10)))
      pi_lb <- NULL; pi_ub <- NULL; t_lb <- NULL; t_ub <- NULL
      if (method != "FE") {
        pr <- predict(fit)
        pi_lb <- pr$pi.lb; pi_ub <- pr$pi.ub
        tc <- confint(fit)$random["tau^2", ]
        t_lb <- tc[["ci.lb"]]; t_ub <- tc[["ci.ub"]]
      }
      out[[length(out) + 1L]] <- list(
        name = v$name, method = method, ci = ci, k = fit$k,
        estimate = val(fit$b), ciLower = val(fit$ci.lb), ciUpper = val(fit$ci.ub),
        piLower = val(pi_lb), piUpper = val(pi_ub),
        tau2 = val(fit$tau2), tau2CiLower = val(t_lb), tau2CiUpper = val(t_ub),
        i2 = val(fit$I2), h2 = val(fit$H2), q = val(fit$QE), qP = val(fit$QEp)
      )
    }
  }
}
writeLines(toJSON(list(metafor = as.character(packageVersion("metafor")), inputs = views, results = out), auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), args[[2]])
