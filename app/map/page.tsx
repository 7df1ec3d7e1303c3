import Link from "next/link";
import type { Metadata } from "next";
import { getContext } from "@/lib/data/context";
import { parseFiltersLenient } from "@/lib/data/filters";
import { evidenceMap } from "@/lib/data/evidence-map";
import { toSearchParams, type PageSearchParams } from "../_components/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Evidence map" };

export default async function MapPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const { db, vocab, meta } = await getContext();
  const filters = parseFiltersLenient(params, vocab.allowed);
  const map = await evidenceMap(db, vocab, filters);
  const broadOnly = map.rows.filter((r) => r.broadOnly);
  return (
    <>
      <h1>Evidence map</h1>
      <p className="small muted">
        Records per endpoint and molecular group, counted at the level the source reported them (a RAS-level finding counts under RAS only, never under a codon). A cell opens the records.
        Rows marked <span className="badge badge-secondary">RAS/KRAS level only</span> have no codon- or allele-level record. Dataset version <span className="version">{meta.version}</span>.
      </p>
      {broadOnly.length ? (
        <p className="small">
          Evidence only at RAS/KRAS level, none per codon: {broadOnly.map((r) => r.label).join("; ")}.
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="map">
          <caption className="visually-hidden">Number of records by endpoint (rows) and molecular group (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              {map.columns.map((c) => (
                <th scope="col" key={c.code} className="small">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.rows.map((r) => (
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
                {r.cells.map((c) => {
                  const col = map.columns.find((x) => x.code === c.group)!;
                  const gap = r.broadOnly && (col.level === "codon" || col.level === "allele");
                  return (
                    <td key={c.group} className={gap ? "level-only" : undefined}>
                      {c.count > 0 ? (
                        <Link href={c.href} aria-label={`${c.count} records: ${r.label}, ${col.label}`}>
                          {c.count}
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
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
