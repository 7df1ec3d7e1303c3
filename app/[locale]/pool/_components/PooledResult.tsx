import { Link } from "@/i18n/navigation";
import type { PoolResult } from "@/lib/pooling/pool";
import { formatPValue, heterogeneityText, intervalWarnings, pooledEstimateText } from "@/lib/charts/series";

type Props = { result: PoolResult; wald: PoolResult | null; truncatedHref: string };

/** The answer first: the pooled estimate, its heterogeneity and what to be careful of; or, prominently, why there is none. */
export function PooledResult({ result, wald, truncatedHref }: Props) {
  if (result.refused) {
    return (
      <section className="pool-refused" aria-labelledby="refused-heading">
        <h2 id="refused-heading">No pooled estimate</h2>
        <p data-testid="refusal-reason">{result.refused}</p>
        {result.k === 1 ? <p className="small">The one usable estimate is drawn below with its own confidence interval; no diamond is drawn.</p> : null}
        {result.excluded.length ? <p className="small">The records considered and why each was set aside are listed under “Records left out”.</p> : null}
      </section>
    );
  }
  const warnings = intervalWarnings(result, wald);
  return (
    <section className="pool-result" aria-labelledby="result-heading">
      <h2 id="result-heading" className="visually-hidden">
        Pooled estimate
      </h2>
      <p className="pool-estimate" data-testid="pooled-estimate">
        Pooled {pooledEstimateText(result)}
      </p>
      <p className="small">
        k = {result.k} {result.k === 1 ? "study" : "studies"}
        {result.participants !== null ? `, ${result.participants} participants` : ", participants not reported by every study"}
        {result.inverted.length ? `; ${result.inverted.length} estimate${result.inverted.length > 1 ? "s" : ""} inverted to this comparison` : ""}.
      </p>
      <p id="heterogeneity" className="pool-heterogeneity" data-testid="heterogeneity">
        {heterogeneityText(result)}
      </p>
      {result.subgroupTest ? (
        <p data-testid="subgroup-test">
          Test for subgroup differences: Q = {result.subgroupTest.q.toFixed(2)}, df = {result.subgroupTest.df}, {formatPValue(result.subgroupTest.p)}.
        </p>
      ) : result.subgroups ? (
        <p className="small muted">Test for subgroup differences: not computed (one subgroup only).</p>
      ) : null}
      {warnings.length ? (
        <div className="pool-warning" data-testid="interval-warning">
          {warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
          <p>
            <Link href={truncatedHref}>Show the truncated HKSJ interval (never narrower than Wald)</Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}
