import { useTranslations } from "next-intl";
import type { PoolResult } from "@/lib/pooling/pool";
import { formatRatio, formatRatioInterval } from "@/lib/charts/series";

/** Leave-one-out: the pooled answer with each study omitted in turn. */
export function LeaveOneOut({ result }: { result: PoolResult }) {
  const t = useTranslations("pool");
  if (result.refused) return null;
  return (
    <section aria-labelledby="loo-heading">
      <h2 id="loo-heading">{t("leaveOneOut")}</h2>
      {result.leaveOneOut.length === 0 ? (
        <p className="small muted">{t("needsThree")}</p>
      ) : (
        <div className="table-wrap">
          <table className="pool-table">
            <caption className="visually-hidden">{t("looCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("omittedStudy")}</th>
                <th scope="col">{result.measure}</th>
                <th scope="col">95% CI</th>
                <th scope="col">I²</th>
                <th scope="col">τ²</th>
              </tr>
            </thead>
            <tbody>
              {result.leaveOneOut.map((l) => (
                <tr key={l.omitted}>
                  <td>{l.study}</td>
                  <td>{formatRatio(l.estimate)}</td>
                  <td>{formatRatioInterval(l.ciLower, l.ciUpper)}</td>
                  <td>{l.i2.toFixed(0)}%</td>
                  <td>{l.tau2.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
