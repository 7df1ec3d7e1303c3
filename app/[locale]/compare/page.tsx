import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { headers } from "next/headers";
import type { Metadata } from "next";
import { flagCountText } from "../_components/FlagText";
import { getPageContext } from "@/lib/data/context";
import { compareHref, compareStudies, findCompareOptions, MAX_COMPARE, POPULATIONS, type CompareEntry } from "@/lib/data/compare";
import { citationLine } from "@/lib/data/export-dataset";
import { publicationsOf } from "@/lib/domain/citations";
import { figureText, comparisonText, analysisText, type SentenceLocale } from "@/lib/domain/sentence";
import { useLocale, useTranslations } from "next-intl";
import { toSearchParams, type PageSearchParams } from "../_components/search-params";
import { OptionPicker } from "./_components/OptionPicker";
import { IgnoredNotice } from "../_components/IgnoredNotice";
import { ignored as note, unknownParameters, type Ignored } from "@/lib/data/ignored";
import { PrintHandout } from "./_components/PrintHandout";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("compare"))("title") };
}

/** A label inside a sentence: "Overall survival" -> "overall survival"; "R0 resection rate" stays. */
const midSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

/** The rows of lib/data/compare.ts's table of differences, by their English label: their message keys. */
const DIFFERENCE_KEYS: Record<string, string> = {
  Design: "design",
  Setting: "setting",
  "Population (molecular)": "population",
  N: "n",
  "Arms (n)": "arms",
  Enrolment: "enrolment",
  "Follow-up": "followUp",
  "Source levels": "sourceLevels",
};

/** On screen a cell shows this many entries and folds the rest under "+N more"; on paper it shows all. */
const CELL_LIMIT = 8;

function Entry({ entry, levelLabel }: { entry: CompareEntry; levelLabel: (code: string) => string }) {
  const t = useTranslations("compare");
  const locale = useLocale() as SentenceLocale;
  const e = entry.lead;
  const warnings = e.flags.filter((f) => f.severity !== "note");
  return (
    <li data-testid="compare-entry">
      <Link href={`/studies/${e.studyId}#${encodeURIComponent(e.recordId)}`}>{figureText(e, locale)}</Link>{" "}
      <span className="muted">
        {comparisonText(e, locale)} · {analysisText(e, locale)}
      </span>{" "}
      <span className={`badge ${e.sourceLevel === "secondary" ? "badge-secondary" : ""}`}>{levelLabel(e.sourceLevel)}</span>
      {warnings.length ? (
        <span className="badge badge-flag" title={flagCountText(e.flags, locale)}>
          {" "}
          ⚑ {warnings.length}
        </span>
      ) : null}
      {entry.copyOf ? (
        <p className="also-reported small" data-testid="copy-of">
          {locale === "zh"
            ? t("copyOf", { endpoint: entry.copyOf.endpointLabel, figure: figureText(entry.copyOf, locale), publication: entry.copyOf.publication, level: levelLabel(entry.copyOf.sourceLevel), locator: entry.copyOf.locator })
            : t("copyOf", { endpoint: midSentence(entry.copyOf.endpointLabel), figure: figureText(entry.copyOf), publication: entry.copyOf.publication, level: levelLabel(entry.copyOf.sourceLevel), locator: entry.copyOf.locator })}
        </p>
      ) : null}
      {entry.copies.length ? (
        <ul className="also-reported small">
          {entry.copies.map((c) => (
            <li key={c.effect.id} data-testid="also-reported" title={`${levelLabel(c.effect.sourceLevel)}; ${c.effect.locator}`}>
              {c.relation === "earlier report" ? (
                <>{t("updates", { publication: c.effect.publication })}</>
              ) : c.effect.document === e.document && c.effect.publication === e.publication ? (
                // Text and table of one paper: the place, not the paper again.
                <>{t("alsoPrintedAt", { locator: c.effect.locator })}</>
              ) : (
                <>
                  {t("alsoReportedIn", { publication: c.effect.publication })}
                  {c.effect.citedAs ? (/\d/.test(c.effect.citedAs) ? `, ${t("ref", { ref: c.effect.citedAs })}` : `, ${c.effect.citedAs}`) : ""}
                  {c.effect.sourceLevel === "secondary" ? t("secondHand") : ""}
                </>
              )}
              {c.differs ? (
                <>
                  {t("printedThereAs")} <strong>{figureText(c.effect, locale)}</strong>
                </>
              ) : (
                t("sameFigure")
              )}
              {c.effect.flags.some((f) => f.severity !== "note") ? (
                <span className="badge badge-flag" title={flagCountText(c.effect.flags, locale)}>
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
  const locale = await getLocale();
  const { db, vocab, meta } = await getPageContext(locale);
  // Full-width punctuation around the interface's words in Chinese.
  const p = locale === "zh" ? { end: "。", colon: "：" } : { end: ".", colon: ": " };
  const known = new Set(vocab.allowed.study);
  const ignored: Ignored[] = unknownParameters(params, ["studies", "endpoint", "population", "find", "findEndpoint"]);
  /** Comma-separated or repeated values, the known ones kept and up to three unknown ones named. */
  const listOf = (key: string, allowed: (v: string) => boolean, what: string) => {
    const values = [...new Set(params.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))];
    const unknown = values.filter((v) => !allowed(v));
    for (const v of unknown.slice(0, 3)) ignored.push(note(key, v, `unknown ${what}`));
    if (unknown.length > 3) ignored.push(note(key, null, `${unknown.length - 3} more unknown values`));
    return values.filter(allowed);
  };
  const requested = listOf("studies", (id) => known.has(id), "study");
  const chosen = requested.slice(0, MAX_COMPARE);
  const endpoints = listOf("endpoint", (c) => vocab.allowed.endpoint.includes(c), "endpoint");
  const rawPopulation = params.get("population");
  const population = POPULATIONS.some((p) => p.code === rawPopulation) ? rawPopulation! : "all";
  if (rawPopulation && population !== rawPopulation) ignored.push(note("population", rawPopulation, `unknown population; allowed: ${POPULATIONS.map((p) => p.code).join(", ")}`));
  const searchText = (key: string) => {
    const raw = params.get(key);
    if (raw !== null && raw.length > 100) ignored.push(note(key, null, "text past its first 100 characters"));
    return raw?.slice(0, 100) ?? null;
  };
  const find = searchText("find");
  const findEndpoint = searchText("findEndpoint");
  const state = { studies: chosen, endpoints, population };
  const t = await getTranslations("compare");

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
  // The populations and the differences' rows are named in messages/*.json (compare.populations, compare.difference).
  const popLabel = (code: string) => (t.has(`populations.${code}.label`) ? t(`populations.${code}.label`) : (POPULATIONS.find((p) => p.code === code)?.label ?? code));
  const popDescription = (code: string) => (t.has(`populations.${code}.description`) ? t(`populations.${code}.description`) : (POPULATIONS.find((p) => p.code === code)?.description ?? ""));
  const differenceLabel = (label: string) => (DIFFERENCE_KEYS[label] ? t(`difference.${DIFFERENCE_KEYS[label]}`) : label);
  const populationLabel = popLabel(comparison?.population ?? population);

  return (
    <>
      <p className="print-only small">
        {t("handout")} <span className="version">{meta.version}</span>
        {p.end} {t("population")}
        {p.colon}
        {populationLabel}
        {p.end} {permalink}
      </p>
      <h1>{t("title")}</h1>
      <p className="small muted no-print">
        {t("intro", { max: MAX_COMPARE })}{" "}
        <span className="version">{meta.version}</span>
        {p.end}
      </p>

      <IgnoredNotice notes={ignored} />
      <section className="compare-controls no-print" aria-label={t("whatIsCompared")}>
        <div className="chips" aria-label={t("studiesCompared")}>
          <span className="small">
            {t("studies")}
            {p.colon.trim()}
          </span>
          {chosen.length === 0 ? <span className="muted small">{t("noneYet")}</span> : null}
          {chosen.map((id) => (
            <Link key={id} className="chip" href={compareHref({ ...state, studies: chosen.filter((s) => s !== id) })} aria-label={t("removeStudy", { name: studyName(id) })}>
              {studyName(id)} <span aria-hidden="true">×</span>
            </Link>
          ))}
        </div>
        {requested.length > MAX_COMPARE ? <p className="small">{t("onlyFirst", { max: MAX_COMPARE })}</p> : null}
        {chosen.length < MAX_COMPARE ? (
          <OptionPicker kind="study" label={t("addStudy")} placeholder={t("addStudyPlaceholder")} initial={find ?? ""} {...state} />
        ) : null}
        {studyMatches ? (
          studyMatches.length ? (
            <ul className="picker-results small" aria-label={t("studiesFound")}>
              {studyMatches.map((o) => (
                <li key={o.code}>
                  <Link href={o.href}>Add {o.label}</Link> <span className="muted">— {o.detail}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="small">{t("noStudyMatches", { q: find ?? "" })}</p>
          )
        ) : null}
        <div className="chips" aria-label={t("endpointsCompared")}>
          <span className="small">
            {t("endpoints")}
            {p.colon.trim()}
          </span>
          {endpoints.length === 0 ? <span className="muted small">{t("allOutcomes")}</span> : null}
          {endpoints.map((code) => (
            <Link key={code} className="chip" href={compareHref({ ...state, endpoints: endpoints.filter((c) => c !== code) })} aria-label={t("removeEndpoint", { name: endpointName(code) })}>
              {endpointName(code)} <span aria-hidden="true">×</span>
            </Link>
          ))}
        </div>
        <OptionPicker kind="endpoint" label={t("addEndpoint")} placeholder={t("addEndpointPlaceholder")} initial={findEndpoint ?? ""} {...state} />
        {endpointMatches ? (
          endpointMatches.length ? (
            <ul className="picker-results small" aria-label={t("endpointsFound")}>
              {endpointMatches.map((o) => (
                <li key={o.code}>
                  <Link href={o.href}>Add {o.label}</Link> <span className="muted">— {o.detail}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="small">{t("noEndpointMatches", { q: findEndpoint ?? "" })}</p>
          )
        ) : null}
      </section>

      {comparison ? (
        <>
          <nav className="pool-control compare-population no-print" aria-label={t("molecularPopulation")}>
            <span className="pool-control-label">
              {t("population")}
              {p.colon.trim()}
            </span>
            <ul>
              {comparison.populations.map((p) => (
                <li key={p.code}>
                  {p.count > 0 || p.selected ? (
                    <Link href={compareHref({ ...state, population: p.code })} aria-current={p.selected ? "page" : undefined} title={popDescription(p.code)}>
                      {popLabel(p.code)} <span className="count">({p.count})</span>
                    </Link>
                  ) : (
                    <span className="muted" title={t("noRecordIn", { description: popDescription(p.code) })}>
                      {popLabel(p.code)} (0)
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <div className="chips no-print" aria-label={t("printAndCite")}>
            <PrintHandout />
            <a className="button" href={`/api/export?format=ris&${comparison.exportQuery}`} download>
              {t("citationsRis")}
            </a>
            <a className="button" href={`/api/export?format=bibtex&${comparison.exportQuery}`} download>
              {t("citationsBibtex")}
            </a>
            <a className="button" href={`/api/export?format=csv&${comparison.exportQuery}`} download>
              {t("figuresCsv")}
            </a>
          </div>

          <h2>{t("differences")}</h2>
          <div className="table-wrap">
            <table className="matrix small">
              <caption className="visually-hidden">{t("differencesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("characteristic")}</th>
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
                    <th scope="row">{differenceLabel(d.label)}</th>
                    {d.values.map((v, i) => (
                      <td key={i}>{v}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2>{t("figuresByEndpoint")}</h2>
          {comparison.population !== "all" ? (
            <p className="small" data-testid="population-note">
              {t("population")}
              {p.colon}
              <strong>{populationLabel}</strong> — {popDescription(comparison.population)}
              {p.end} {t("othersLeftOut")}
            </p>
          ) : null}
          {comparison.rows.length === 0 ? (
            <p>{endpoints.length ? t("noFigureEndpoints") : t("noFigure")}</p>
          ) : (
            <div className="table-wrap">
              <table className="matrix small" data-testid="compare-matrix">
                <caption className="visually-hidden">{t("matrixCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("endpoint")}</th>
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
                            <summary className="small">{t("definitions")}</summary>
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
                            <span className="muted">{t("notReported")}</span>
                          ) : (
                            <>
                              <ul className="effect-list">
                                {c.entries.slice(0, CELL_LIMIT).map((x) => (
                                  <Entry key={x.lead.id} entry={x} levelLabel={levelLabel} />
                                ))}
                              </ul>
                              {c.entries.length > CELL_LIMIT ? (
                                <details className="cell-more">
                                  <summary className="small">{t("more", { count: c.entries.length - CELL_LIMIT })}</summary>
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
            <h2 id="compare-references">{t("references")}</h2>
            <p className="small muted no-print">{t("referencesIntro")}</p>
            {uncited.length ? <p className="small">{t("uncited", { studies: uncited.map((s) => s.shortName).join(", ") })}</p> : null}
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
        <p>{t("chooseTwo")}</p>
      )}
    </>
  );
}
