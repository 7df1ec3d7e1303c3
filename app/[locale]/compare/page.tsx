import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { headers } from "next/headers";
import type { Metadata } from "next";
import { flagCountText } from "../_components/FlagText";
import { getPageContext } from "@/lib/data/context";
import { compareHref, compareStudies, findCompareOptions, MAX_COMPARE, POPULATIONS, type CompareEntry } from "@/lib/data/compare";
import { citationLine } from "@/lib/data/export-dataset";
import { publicationsOf } from "@/lib/domain/citations";
import { figureText, comparisonText, analysisText } from "@/lib/domain/sentence";
import { toSearchParams, type PageSearchParams } from "../_components/search-params";
import { OptionPicker } from "./_components/OptionPicker";
import { PrintHandout } from "./_components/PrintHandout";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare studies" };

/** A label inside a sentence: "Overall survival" -> "overall survival"; "R0 resection rate" stays. */
const midSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

/** On screen a cell shows this many entries and folds the rest under "+N more"; on paper it shows all. */
const CELL_LIMIT = 8;

function Entry({ entry, levelLabel }: { entry: CompareEntry; levelLabel: (code: string) => string }) {
  const e = entry.lead;
  const warnings = e.flags.filter((f) => f.severity !== "note");
  return (
    <li data-testid="compare-entry">
      <Link href={`/studies/${e.studyId}#${encodeURIComponent(e.recordId)}`}>{figureText(e)}</Link>{" "}
      <span className="muted">
        {comparisonText(e)} · {analysisText(e)}
      </span>{" "}
      <span className={`badge ${e.sourceLevel === "secondary" ? "badge-secondary" : ""}`}>{levelLabel(e.sourceLevel)}</span>
      {warnings.length ? (
        <span className="badge badge-flag" title={flagCountText(e.flags)}>
          {" "}
          ⚑ {warnings.length}
        </span>
      ) : null}
      {entry.copyOf ? (
        <p className="also-reported small" data-testid="copy-of">
          a copy of the {midSentence(entry.copyOf.endpointLabel)} {figureText(entry.copyOf)} that {entry.copyOf.publication} prints ({levelLabel(entry.copyOf.sourceLevel)}; {entry.copyOf.locator})
        </p>
      ) : null}
      {entry.copies.length ? (
        <ul className="also-reported small">
          {entry.copies.map((c) => (
            <li key={c.effect.id} data-testid="also-reported" title={`${levelLabel(c.effect.sourceLevel)}; ${c.effect.locator}`}>
              {c.relation === "earlier report" ? (
                <>updates {c.effect.publication}</>
              ) : c.effect.document === e.document && c.effect.publication === e.publication ? (
                // Text and table of one paper: the place, not the paper again.
                <>also printed at {c.effect.locator}</>
              ) : (
                <>
                  also reported in {c.effect.publication}
                  {c.effect.citedAs ? (/\d/.test(c.effect.citedAs) ? `, ref ${c.effect.citedAs}` : `, ${c.effect.citedAs}`) : ""}
                  {c.effect.sourceLevel === "secondary" ? " (second-hand)" : ""}
                </>
              )}
              {c.differs ? (
                <>
                  : printed there as <strong>{figureText(c.effect)}</strong>
                </>
              ) : (
                ": same figure"
              )}
              {c.effect.flags.some((f) => f.severity !== "note") ? (
                <span className="badge badge-flag" title={flagCountText(c.effect.flags)}>
                  ⚑ {c.effect.flags.filter((f) => f.severity !== "note").length}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const { db, vocab, meta } = await getPageContext(await getLocale());
  const known = new Set(vocab.allowed.study);
  const requested = [...new Set(params.getAll("studies").flatMap((v) => v.split(",")).filter((id) => known.has(id)))];
  const chosen = requested.slice(0, MAX_COMPARE);
  const endpoints = [...new Set(params.getAll("endpoint").flatMap((v) => v.split(",")).filter((c) => vocab.allowed.endpoint.includes(c)))];
  const population = POPULATIONS.some((p) => p.code === params.get("population")) ? params.get("population")! : "all";
  const find = params.get("find")?.slice(0, 100) ?? null;
  const findEndpoint = params.get("findEndpoint")?.slice(0, 100) ?? null;
  const state = { studies: chosen, endpoints, population };

  const [comparison, studyMatches, endpointMatches, requestHeaders] = await Promise.all([
    chosen.length >= 2 ? compareStudies(db, vocab, chosen, endpoints, population) : null,
    find !== null ? findCompareOptions(db, vocab, { kind: "study", q: find, ...state }) : null,
    findEndpoint !== null ? findCompareOptions(db, vocab, { kind: "endpoint", q: findEndpoint, ...state }) : null,
    headers(),
  ]);
  const studyName = (id: string) => vocab.studies.find((s) => s.id === id)?.shortName ?? id;
  const endpointName = (code: string) => vocab.endpoints.find((e) => e.code === code)?.label ?? code;
  const levelLabel = (code: string) => vocab.labels.sourceLevel[code] ?? code;
  const href = compareHref({ ...state, population: comparison?.population ?? population });
  const host = requestHeaders.get("host");
  const permalink = host ? `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${host}${href}` : href;
  // The publications behind the figures shown (as the RIS and BibTeX links export them): a study with
  // no figure in the chosen population is compared in the table but not cited.
  const cited = comparison ? comparison.studies.filter((s) => comparison.effects.some((e) => e.studyId === s.id)) : [];
  const uncited = comparison ? comparison.studies.filter((s) => !cited.includes(s)) : [];
  const publications = comparison ? publicationsOf(cited, comparison.effects, meta.citingDocuments) : [];
  const populationLabel = POPULATIONS.find((p) => p.code === (comparison?.population ?? population))?.label ?? "All populations";

  return (
    <>
      <p className="print-only small">
        RAS-mutant CRLM evidence — journal-club handout. Dataset version <span className="version">{meta.version}</span>. Population: {populationLabel}. {permalink}
      </p>
      <h1>Compare studies</h1>
      <p className="small muted no-print">
        Choose 2–{MAX_COMPARE} studies (and optionally endpoints). The matrix shows each study’s figures per endpoint, one entry per figure: a copy of it in a review or an
        earlier report is folded under the best source. The table above it shows the differences that matter when reading the studies together. Dataset version{" "}
        <span className="version">{meta.version}</span>.
      </p>

      <section className="compare-controls no-print" aria-label="What is compared">
        <div className="chips" aria-label="Studies compared">
          <span className="small">Studies:</span>
          {chosen.length === 0 ? <span className="muted small">none yet</span> : null}
          {chosen.map((id) => (
            <Link key={id} className="chip" href={compareHref({ ...state, studies: chosen.filter((s) => s !== id) })} aria-label={`Remove ${studyName(id)} from the comparison`}>
              {studyName(id)} <span aria-hidden="true">×</span>
            </Link>
          ))}
        </div>
        {requested.length > MAX_COMPARE ? <p className="small">Only the first {MAX_COMPARE} studies are compared.</p> : null}
        {chosen.length < MAX_COMPARE ? (
          <OptionPicker kind="study" label="Add a study" placeholder="Name, first author or year: BECOME, Kolbeinsson, 2024" initial={find ?? ""} {...state} />
        ) : null}
        {studyMatches ? (
          studyMatches.length ? (
            <ul className="picker-results small" aria-label="Studies found">
              {studyMatches.map((o) => (
                <li key={o.code}>
                  <Link href={o.href}>Add {o.label}</Link> <span className="muted">— {o.detail}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="small">No study matches “{find}”.</p>
          )
        ) : null}
        <div className="chips" aria-label="Endpoints compared">
          <span className="small">Endpoints:</span>
          {endpoints.length === 0 ? <span className="muted small">all outcomes</span> : null}
          {endpoints.map((code) => (
            <Link key={code} className="chip" href={compareHref({ ...state, endpoints: endpoints.filter((c) => c !== code) })} aria-label={`Remove the endpoint ${endpointName(code)}`}>
              {endpointName(code)} <span aria-hidden="true">×</span>
            </Link>
          ))}
        </div>
        <OptionPicker kind="endpoint" label="Add an endpoint" placeholder="OS, conversion, ORR, R0 …" initial={findEndpoint ?? ""} {...state} />
        {endpointMatches ? (
          endpointMatches.length ? (
            <ul className="picker-results small" aria-label="Endpoints found">
              {endpointMatches.map((o) => (
                <li key={o.code}>
                  <Link href={o.href}>Add {o.label}</Link> <span className="muted">— {o.detail}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="small">No endpoint of the chosen studies matches “{findEndpoint}”.</p>
          )
        ) : null}
      </section>

      {comparison ? (
        <>
          <nav className="pool-control compare-population no-print" aria-label="Molecular population">
            <span className="pool-control-label">Population:</span>
            <ul>
              {comparison.populations.map((p) => (
                <li key={p.code}>
                  {p.count > 0 || p.selected ? (
                    <Link href={compareHref({ ...state, population: p.code })} aria-current={p.selected ? "page" : undefined} title={p.description}>
                      {p.label} <span className="count">({p.count})</span>
                    </Link>
                  ) : (
                    <span className="muted" title={`${p.description}: no record in these studies`}>
                      {p.label} (0)
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <div className="chips no-print" aria-label="Print and cite">
            <PrintHandout />
            <a className="button" href={`/api/export?format=ris&${comparison.exportQuery}`} download>
              Citations (RIS)
            </a>
            <a className="button" href={`/api/export?format=bibtex&${comparison.exportQuery}`} download>
              Citations (BibTeX)
            </a>
            <a className="button" href={`/api/export?format=csv&${comparison.exportQuery}`} download>
              Figures (CSV)
            </a>
          </div>

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
          {comparison.population !== "all" ? (
            <p className="small" data-testid="population-note">
              Population: <strong>{populationLabel}</strong> — {POPULATIONS.find((p) => p.code === comparison.population)?.description}. Results for other populations are left out.
            </p>
          ) : null}
          {comparison.rows.length === 0 ? (
            <p>None of these studies reports a figure for this population{endpoints.length ? " and these endpoints" : ""}.</p>
          ) : (
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
                          <details className="definitions">
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
                          {c.entries.length === 0 ? (
                            <span className="muted">not reported in the sources</span>
                          ) : (
                            <>
                              <ul className="effect-list">
                                {c.entries.slice(0, CELL_LIMIT).map((x) => (
                                  <Entry key={x.lead.id} entry={x} levelLabel={levelLabel} />
                                ))}
                              </ul>
                              {c.entries.length > CELL_LIMIT ? (
                                <details className="cell-more">
                                  <summary className="small">+{c.entries.length - CELL_LIMIT} more</summary>
                                  <ul className="effect-list">
                                    {c.entries.slice(CELL_LIMIT).map((x) => (
                                      <Entry key={x.lead.id} entry={x} levelLabel={levelLabel} />
                                    ))}
                                  </ul>
                                </details>
                              ) : null}
                            </>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <section aria-labelledby="compare-references">
            <h2 id="compare-references">References</h2>
            <p className="small muted no-print">Every publication these figures come from, as the RIS and BibTeX files carry them.</p>
            {uncited.length ? <p className="small">No figure of {uncited.map((s) => s.shortName).join(", ")} is in this population: not cited.</p> : null}
            <ol className="small compare-references" data-testid="compare-references">
              {publications.map((p) => (
                <li key={p.key}>
                  {p.title ?? p.name}. {citationLine(p)}
                  {p.doi ? ` doi:${p.doi}` : ""}
                  {p.pmid ? ` PMID ${p.pmid}` : ""}
                  {!p.doi && !p.pmid && p.url ? ` ${p.url}` : ""}
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : (
        <p>Choose at least two studies.</p>
      )}
    </>
  );
}
