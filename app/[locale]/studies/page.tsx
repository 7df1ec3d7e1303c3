import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Metadata } from "next";
import { getPageContext } from "@/lib/data/context";
import { findStudyPage } from "@/lib/data/find-studies";
import { citationLine } from "@/lib/data/export-dataset";
import { takeCursorLenient } from "@/lib/data/cursor";
import { toSearchParams, type PageSearchParams } from "../_components/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Studies" };

/** Studies a page lists: one page at a time, in the dataset's order, with links to the pages around it. */
const STUDIES_PER_PAGE = 100;

export default async function StudiesPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const { cursor } = takeCursorLenient(toSearchParams(await searchParams));
  const { db, vocab, meta } = await getPageContext(await getLocale());
  const page = await findStudyPage(db, { limit: STUDIES_PER_PAGE, ...cursor });
  const paged = page.count > page.data.length;
  return (
    <>
      <h1>Studies</h1>
      <p className="muted small">
        {page.count} studies{paged ? ` (${page.first + 1}–${page.first + page.data.length} shown)` : ""} · dataset version <span className="version">{meta.version}</span>. A study reported only through the review is marked secondary.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Studies with their design, size and source level</caption>
          <thead>
            <tr>
              <th scope="col">Study</th>
              <th scope="col">Citation</th>
              <th scope="col">Design</th>
              <th scope="col">N</th>
              <th scope="col">Source levels</th>
              <th scope="col">Records</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/studies/${s.id}`}>{s.shortName}</Link>
                </td>
                <td className="small">{citationLine(s) || <span className="muted">not given in the sources</span>}</td>
                <td className="small">{s.designLabel}</td>
                <td>{s.n ?? "—"}</td>
                <td className="small">{s.sourceLevels.map((l) => vocab.labels.sourceLevel[l] ?? l).join("; ")}</td>
                <td>{s.effectCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {paged ? (
        <nav className="chips no-print" aria-label="Pages">
          {page.previous !== null ? <Link href={page.first - STUDIES_PER_PAGE <= 0 ? "/studies" : `/studies?before=${page.previous}`}>← Previous</Link> : null}
          {page.next !== null ? <Link href={`/studies?after=${page.next}`}>Next →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
