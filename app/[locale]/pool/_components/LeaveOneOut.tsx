import type { PoolResult } from "@/lib/pooling/pool";
import { formatRatio, formatRatioInterval } from "@/lib/charts/series";

/** Leave-one-out: the pooled answer with each study omitted in turn. */
export function LeaveOneOut({ result }: { result: PoolResult }) {
  if (result.refused) return null;
  return (
    <section aria-labelledby="loo-heading">
      <h2 id="loo-heading">Leave-one-out</h2>
      {result.leaveOneOut.length === 0 ? (
        <p className="small muted">Needs three or more studies: with two, omitting one leaves the other study’s own estimate.</p>
      ) : (
        <div className="table-wrap">
          <table className="pool-table">
            <caption className="visually-hidden">The pooled estimate with each study omitted in turn</caption>
            <thead>
              <tr>
                <th scope="col">Omitted study</th>
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
