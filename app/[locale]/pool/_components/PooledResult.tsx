import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { PoolResult } from "@/lib/pooling/pool";
import { formatPValue, heterogeneityText, intervalWarnings, pooledEstimateText } from "@/lib/charts/series";

type Props = { result: PoolResult; wald: PoolResult | null; truncatedHref: string };

/** The answer first: the pooled estimate, its heterogeneity and what to be careful of; or, prominently, why there is none. */
export function PooledResult({ result, wald, truncatedHref }: Props) {
  const t = useTranslations("pool");
  const locale = useLocale() === "zh" ? "zh" : "en";
  if (result.refused) {
    const refused = result.refusal ? t(`refusal.${result.refusal.code}`, result.refusal.values ?? {}) : result.refused;
    return (
      <section className="pool-refused" aria-labelledby="refused-heading">
        <h2 id="refused-heading">{t("noPooled")}</h2>
        <p data-testid="refusal-reason">{refused}</p>
        {result.k === 1 ? <p className="small">{t("oneDrawn")}</p> : null}
        {result.excluded.length ? <p className="small">{t("seeLeftOut")}</p> : null}
      </section>
    );
  }
  const warnings = intervalWarnings(result, wald, locale);
  return (
    <section className="pool-result" aria-labelledby="result-heading">
      <h2 id="result-heading" className="visually-hidden">
        {t("pooledEstimate")}
      </h2>
      <p className="pool-estimate" data-testid="pooled-estimate">
        {t("pooledLine", { text: pooledEstimateText(result, locale) ?? "" })}
      </p>
      <p className="small">
        {t("kStudies", { k: result.k })}
        {result.participants !== null ? t("participants", { n: String(result.participants) }) : t("participantsMissing")}
        {result.inverted.length ? t("invertedCount", { n: result.inverted.length }) : ""}
        {t("sentenceEnd")}
      </p>
      <p id="heterogeneity" className="pool-heterogeneity" data-testid="heterogeneity">
        {heterogeneityText(result, locale)}
      </p>
      {result.subgroupTest ? (
        <p data-testid="subgroup-test">
          {t("subgroupTest", { q: result.subgroupTest.q.toFixed(2), df: String(result.subgroupTest.df), p: formatPValue(result.subgroupTest.p, locale) })}
        </p>
      ) : result.subgroups ? (
        <p className="small muted">{t("subgroupOne")}</p>
      ) : null}
      {warnings.length ? (
        <div className="pool-warning" data-testid="interval-warning">
          {warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
          <p>
            <Link href={truncatedHref}>{t("showTruncated")}</Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}
