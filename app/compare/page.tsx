import Link from "next/link";
import { flagCountText } from "../_components/FlagText";
import type { Metadata } from "next";
import { getContext } from "@/lib/data/context";
import { compareStudies, MAX_COMPARE } from "@/lib/data/compare";
import { figureText, comparisonText, analysisText } from "@/lib/domain/sentence";
import { toSearchParams, type PageSearchParams } from "../_components/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare studies" };

const CELL_LIMIT = 8;

export default async function ComparePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const { db, vocab, meta } = await getContext();
  const known = new Set(vocab.studies.map((s) => s.id));
  const chosen = [...new Set(params.getAll("studies").flatMap((v) => v.split(",")).filter((id) => known.has(id)))];
  const endpoints = params.getAll("endpoint").flatMap((v) => v.split(",")).filter((c) => vocab.allowed.endpoint.includes(c));
  const comparison = chosen.length >= 2 ? await compareStudies(db, vocab, chosen, endpoints) : null;

  return (
    <>
      <h1>Compare studies</h1>
      <p className="small muted">
        Choose 2–{MAX_COMPARE} studies (and optionally endpoints). The matrix shows each study’s figures per endpoint; the table above it shows the differences that matter when reading them together.
        Dataset version <span className="version">{meta.version}</span>.
      </p>
      <details className="no-print" open={!comparison}>
        <summary>{comparison ? "Change the studies or endpoints" : "Choose studies and endpoints"}</summary>
      <form method="get" action="/compare" className="card">
        <fieldset>
          <legend>Studies</legend>
          <div className="grid-2 small">
            {vocab.studies.map((s) => (
              <label key={s.id}>
                <input type="checkbox" name="studies" value={s.id} defaultChecked={chosen.includes(s.id)} /> {s.shortName}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Endpoints (none chosen: all outcomes)</legend>
          <div className="grid-2 small">
            {vocab.endpoints.map((e) => (
              <label key={e.code}>
                <input type="checkbox" name="endpoint" value={e.code} defaultChecked={endpoints.includes(e.code)} /> {e.label}
              </label>
            ))}
          </div>
        </fieldset>
        <p>
          <button type="submit">Compare</button>
        </p>
      </form>
      </details>
      {chosen.length > MAX_COMPARE ? <p>Only the first {MAX_COMPARE} studies are compared.</p> : null}
      {comparison ? (
        <>
          <h2>Differences that matter</h2>
          <div className="table-wrap">
            <table className="matrix small">
              <caption className="visually-hidden">Study characteristics side by side</caption>
              <thead>
                <tr>
                  <th scope="col">Characteristic</th>
                  {comparison.studies.map((s) => (
                    <th scope="col" key={s.id}>
                      <Link href={`/studies/${s.id}`}>{s.shortName}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.differences.map((d) => (
                  <tr key={d.label}>
                    <th scope="row">{d.label}</th>
                    {d.values.map((v, i) => (
                      <td key={i}>{v}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Figures by endpoint</h2>
          <div className="table-wrap">
            <table className="matrix small" data-testid="compare-matrix">
              <caption className="visually-hidden">Endpoint by study matrix of the reported figures</caption>
              <thead>
                <tr>
                  <th scope="col">Endpoint</th>
                  {comparison.studies.map((s) => (
                    <th scope="col" key={s.id}>
                      {s.shortName}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((r) => (
                  <tr key={r.endpoint}>
                    <th scope="row">
                      {r.label}
                      {r.definitionNotes.length ? (
                        <details>
                          <summary className="small">Definitions and caveats</summary>
                          <ul>
                            {r.definitionNotes.map((n, i) => (
                              <li key={i}>{n}</li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </th>
                    {r.cells.map((c) => (
                      <td key={c.studyId}>
                        {c.effects.length === 0 ? (
                          <span className="muted">not reported in the sources</span>
                        ) : (
                          <ul className="effect-list">
                            {c.effects.slice(0, CELL_LIMIT).map((e) => (
                              <li key={e.id}>
                                <Link href={`/studies/${e.studyId}#${encodeURIComponent(e.recordId)}`}>{figureText(e)}</Link>{" "}
                                <span className="muted">
                                  {comparisonText(e)} · {analysisText(e)}
                                </span>{" "}
                                <span className={`badge ${e.sourceLevel === "secondary" ? "badge-secondary" : ""}`}>{vocab.labels.sourceLevel[e.sourceLevel] ?? e.sourceLevel}</span>
                                {e.flags.some((f) => f.severity !== "note") ? <span className="badge badge-flag" title={flagCountText(e.flags)}> ⚑ {e.flags.filter((f) => f.severity !== "note").length}</span> : null}
                              </li>
                            ))}
                            {c.effects.length > CELL_LIMIT ? (
                              <li>
                                <Link href={`/?study=${c.studyId}&endpoint=${r.endpoint}`}>+{c.effects.length - CELL_LIMIT} more</Link>
                              </li>
                            ) : null}
                          </ul>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>Choose at least two studies.</p>
      )}
    </>
  );
}
