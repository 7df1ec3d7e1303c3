import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Metadata } from "next";
import { getPageContext } from "@/lib/data/context";
import { FILTER_PARAMETERS, parseFiltersLenientWithNotes } from "@/lib/data/filters";
import { unknownParameters } from "@/lib/data/ignored";
import { IgnoredNotice } from "../_components/IgnoredNotice";
import { countWords, evidenceMap } from "@/lib/data/evidence-map";
import { toSearchParams, type PageSearchParams } from "../_components/search-params";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("map"))("title") };
}

export default async function MapPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const locale = await getLocale();
  const { db, vocab, meta } = await getPageContext(locale);
  const t = await getTranslations("map");
  const { filters, ignored } = parseFiltersLenientWithNotes(params, vocab.allowed);
  ignored.push(...unknownParameters(params, FILTER_PARAMETERS));
  const map = await evidenceMap(db, vocab, filters);
  const broadOnly = map.rows.filter((r) => r.broadOnly);
  const rankOf = new Map(map.levels.map((l) => [l.code, l.rank]));
  const levelLabel = (code: string | null) => map.levels.find((l) => l.code === code)?.label ?? t("none");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="small muted">
        {t.rich("intro", { badge: (chunks) => <span className="badge badge-secondary">{chunks}</span> })}{" "}
        {t("version")} <span className="version">{meta.version}</span>
        {locale === "zh" ? "。" : "."}
      </p>
      <IgnoredNotice notes={ignored} />
      <ul className="map-legend small" aria-label={t("legend")}>
        {map.levels.map((l) => (
          <li key={l.code}>
            <span className={`map-swatch map-level-${l.rank}`} aria-hidden="true" /> {l.label}
          </li>
        ))}
      </ul>
      {broadOnly.length ? (
        <p className="small">
          {t("broadOnly", { endpoints: broadOnly.map((r) => r.label).join(locale === "zh" ? "；" : "; ") })}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="map">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("endpoint")}</th>
              <th scope="col" className="small">
                {t("allGroups")}
              </th>
              {map.columns.map((c) => (
                <th scope="col" key={c.code} className="small">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.rows.map((r) => {
              const total = countWords(r.total, locale);
              return (
                <tr key={r.endpoint}>
                  <th scope="row" className="small">
                    {r.label}
                    {r.broadOnly ? (
                      <>
                        {" "}
                        <span className="badge badge-secondary">{t("rasOnly")}</span>
                      </>
                    ) : null}
                  </th>
                  <td className="map-total small" data-testid="map-row-total">
                    <Link href={r.href} title={t("cellTitle", { counts: total.full, level: levelLabel(r.total.bestLevel) })}>
                      <span className="map-studies">{total.studies}</span>
                      <span className="map-patients">{total.patients}</span>
                      <span className="map-records">{total.records}</span>
                    </Link>
                  </td>
                  {r.cells.map((c) => {
                    const col = map.columns.find((x) => x.code === c.group)!;
                    const gap = r.broadOnly && (col.level === "codon" || col.level === "allele");
                    const words = countWords(c, locale);
                    const shade = c.bestLevel ? `map-level-${rankOf.get(c.bestLevel)}` : "";
                    return (
                      <td key={c.group} className={[gap ? "level-only" : "", shade].filter(Boolean).join(" ") || undefined} data-records={c.records}>
                        {c.studies > 0 ? (
                          <Link
                            href={c.href}
                            title={t("cellTitle", { counts: words.full, level: levelLabel(c.bestLevel) })}
                            aria-label={t("cellLabel", { level: levelLabel(c.bestLevel), counts: words.full, endpoint: r.label, group: col.label })}
                            data-testid="map-cell"
                          >
                            <span className="map-studies">{words.studies}</span>
                            <span className="map-patients">{c.studiesWithoutN === c.studies ? t("nUnknown") : t("patients", { n: c.patients.toLocaleString("en-GB") })}</span>
                            {c.studiesWithoutN > 0 && c.studiesWithoutN < c.studies ? <span className="map-unknown">{t("plusUnknown", { count: c.studiesWithoutN })}</span> : null}
                          </Link>
                        ) : (
                          <span className="muted" aria-label={t("noRecords", { endpoint: r.label, group: col.label })}>
                            ·
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
