import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Metadata } from "next";
import { getPageContext } from "@/lib/data/context";
import { findStudyPage } from "@/lib/data/find-studies";
import { citationLine } from "@/lib/data/export-dataset";
import { CURSOR_KEYS, takeCursorLenient } from "@/lib/data/cursor";
import { unknownParameters } from "@/lib/data/ignored";
import { IgnoredNotice } from "../_components/IgnoredNotice";
import { toSearchParams, type PageSearchParams } from "../_components/search-params";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("studies"))("title") };
}

/** Studies a page lists: one page at a time, in the dataset's order, with links to the pages around it. */
const STUDIES_PER_PAGE = 100;

export default async function StudiesPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const ignored = unknownParameters(params, CURSOR_KEYS);
  const { cursor, ignored: cursorIgnored } = takeCursorLenient(params);
  const locale = await getLocale();
  const { db, vocab, meta } = await getPageContext(locale);
  const page = await findStudyPage(db, { limit: STUDIES_PER_PAGE, ...cursor });
  const paged = page.count > page.data.length;
  const t = await getTranslations("studies");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted small">
        {t("count", { count: page.count })}{paged ? t("shown", { from: page.first + 1, to: page.first + page.data.length }) : ""} · {t("version")} <span className="version">{meta.version}</span>
        {locale === "zh" ? "。" : ". "}
        {t("secondary")}
      </p>
      <IgnoredNotice notes={[...cursorIgnored, ...ignored]} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("study")}</th>
              <th scope="col">{t("citation")}</th>
              <th scope="col">{t("design")}</th>
              <th scope="col">N</th>
              <th scope="col">{t("sourceLevels")}</th>
              <th scope="col">{t("records")}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/studies/${s.id}`}>{s.shortName}</Link>
                </td>
                <td className="small">{citationLine(s) || <span className="muted">{t("notGiven")}</span>}</td>
                <td className="small">{vocab.labels.design[s.design] ?? s.designLabel}</td>
                <td>{s.n ?? "—"}</td>
                <td className="small">{s.sourceLevels.map((l) => vocab.labels.sourceLevel[l] ?? l).join("; ")}</td>
                <td>{s.effectCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {paged ? (
        <nav className="chips no-print" aria-label={t("pages")}>
          {page.previous !== null ? <Link href={page.first - STUDIES_PER_PAGE <= 0 ? "/studies" : `/studies?before=${page.previous}`}>{t("previous")}</Link> : null}
          {page.next !== null ? <Link href={`/studies?after=${page.next}`}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
