import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Metadata } from "next";
import { getPageContext } from "@/lib/data/context";
import { parseFiltersLenient } from "@/lib/data/filters";
import { countWords, evidenceMap } from "@/lib/data/evidence-map";
import { toSearchParams, type PageSearchParams } from "../_components/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Evidence map" };

export default async function MapPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const { db, vocab, meta } = await getPageContext(await getLocale());
  const filters = parseFiltersLenient(params, vocab.allowed);
  const map = await evidenceMap(db, vocab, filters);
  const broadOnly = map.rows.filter((r) => r.broadOnly);
  const rankOf = new Map(map.levels.map((l) => [l.code, l.rank]));
  const levelLabel = (code: string | null) => map.levels.find((l) => l.code === code)?.label ?? "none";
  return (
    <>
      <h1>Evidence map</h1>
      <p className="small muted">
        Studies and patients per endpoint and molecular group, counted at the level the source reported them (a RAS-level finding counts under RAS only, never under a codon).
        Patients are the sum of the studies’ N; a study that reports no N is counted as “n unknown”. A cell is shaded by its most direct source; hover or focus it for the
        number of records, and open it for the records. Rows marked <span className="badge badge-secondary">RAS/KRAS level only</span> have no codon- or allele-level record.
        Dataset version <span className="version">{meta.version}</span>.
      </p>
      <ul className="map-legend small" aria-label="Shading: the most direct source in the cell">
        {map.levels.map((l) => (
          <li key={l.code}>
            <span className={`map-swatch map-level-${l.rank}`} aria-hidden="true" /> {l.label}
          </li>
        ))}
      </ul>
      {broadOnly.length ? (
        <p className="small">
          Evidence only at RAS/KRAS level, none per codon: {broadOnly.map((r) => r.label).join("; ")}.
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="map">
          <caption className="visually-hidden">Studies and patients by endpoint (rows) and molecular group (columns), with the number of records</caption>
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col" className="small">
                All groups
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
              const total = countWords(r.total);
              return (
                <tr key={r.endpoint}>
                  <th scope="row" className="small">
                    {r.label}
                    {r.broadOnly ? (
                      <>
                        {" "}
                        <span className="badge badge-secondary">RAS/KRAS level only</span>
                      </>
                    ) : null}
                  </th>
                  <td className="map-total small" data-testid="map-row-total">
                    <Link href={r.href} title={`${total.full}; most direct source: ${levelLabel(r.total.bestLevel)}`}>
                      <span className="map-studies">{total.studies}</span>
                      <span className="map-patients">{total.patients}</span>
                      <span className="map-records">{total.records}</span>
                    </Link>
                  </td>
                  {r.cells.map((c) => {
                    const col = map.columns.find((x) => x.code === c.group)!;
                    const gap = r.broadOnly && (col.level === "codon" || col.level === "allele");
                    const words = countWords(c);
                    const shade = c.bestLevel ? `map-level-${rankOf.get(c.bestLevel)}` : "";
                    return (
                      <td key={c.group} className={[gap ? "level-only" : "", shade].filter(Boolean).join(" ") || undefined} data-records={c.records}>
                        {c.studies > 0 ? (
                          <Link
                            href={c.href}
                            title={`${words.full}; most direct source: ${levelLabel(c.bestLevel)}`}
                            aria-label={`most direct source ${levelLabel(c.bestLevel)}; ${words.full}: ${r.label}, ${col.label}`}
                            data-testid="map-cell"
                          >
                            <span className="map-studies">{words.studies}</span>
                            <span className="map-patients">{c.studiesWithoutN === c.studies ? "n unknown" : `${c.patients.toLocaleString("en-GB")} pts`}</span>
                            {c.studiesWithoutN > 0 && c.studiesWithoutN < c.studies ? <span className="map-unknown">+{c.studiesWithoutN} n unknown</span> : null}
                          </Link>
                        ) : (
                          <span className="muted" aria-label={`no records: ${r.label}, ${col.label}`}>
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
