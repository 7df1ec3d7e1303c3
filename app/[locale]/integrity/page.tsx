import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Metadata } from "next";
import { getPageContext } from "@/lib/data/context";
import { countIntegrityFlags, findIntegrityFlagPage, type FlagCursor } from "@/lib/data/find-flags";
import { FlagText } from "../_components/FlagText";
import { FLAG_SEVERITIES } from "@/lib/domain/records";
import { toSearchParams, type PageSearchParams } from "../_components/search-params";
import { ignored as note, unknownParameters, type Ignored } from "@/lib/data/ignored";
import { IgnoredNotice } from "../_components/IgnoredNotice";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrity"))("title") };
}

// Each check's heading is in messages/*.json under integrity.check.<code>; these are the codes (and
// the English headings, for reading this file).
const TITLES: Record<string, string> = {
  "damaged-print": "Damaged print, read (a lost decimal point)",
  "report-update": "Later reports updating earlier ones",
  "percent-mismatch": "Percentages that cannot come from their n/N",
  "estimate-outside-ci": "Estimates outside their CI",
  "ci-asymmetric": "Ratio CIs asymmetric on the log scale",
  "p-ci-mismatch": "p-values inconsistent with the CI",
  "duplicate-mismatch": "The same quantity printed twice with different figures",
  "secondary-mismatch": "Secondary reports that differ from the primary source",
  "groups-sum": "Groups that do not add up to N",
  "implausible-value": "Implausible figures not yet read",
  "direction-mismatch": "Ratios or differences pointing the other way from their arms",
};

/** Flags listed per check on this page; a check with more has a link to its next page. */
const FLAGS_PER_CHECK = 20;

/** `?check=<code>&after=<rank>.<id>`: the page of one check's flags after that flag. */
function parsePage(params: URLSearchParams): { check: string | null; after: FlagCursor | null; ignored: Ignored[] } {
  const ignored = unknownParameters(params, ["check", "after"]);
  const rawCheck = params.get("check");
  const check = rawCheck && Object.hasOwn(TITLES, rawCheck) ? rawCheck : null;
  if (rawCheck && !check) ignored.push(note("check", rawCheck, "unknown check"));
  const rawAfter = params.get("after");
  const m = /^(\d)\.(\d{1,10})$/.exec(rawAfter ?? "");
  if (rawAfter && !m) ignored.push(note("after", rawAfter, "not a position in a check's list (the Next link gives one)"));
  else if (rawAfter && !check) ignored.push(note("after", rawAfter, "a position needs the check it belongs to"));
  return { check, after: m ? { rank: Number(m[1]), id: Number(m[2]) } : null, ignored };
}

export default async function IntegrityPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const { check, after, ignored } = parsePage(toSearchParams(await searchParams));
  const locale = await getLocale();
  const { db, meta } = await getPageContext(locale);
  const counts = await countIntegrityFlags(db);
  const total = (code: string) => counts.filter((c) => c.code === code).reduce((n, c) => n + c.n, 0);
  const bySeverity = (s: string) => counts.filter((c) => c.severity === s).reduce((n, c) => n + c.n, 0);
  const codes = check ? [check] : Object.keys(TITLES);
  const pages = await Promise.all(codes.map((code) => findIntegrityFlagPage(db, code, { limit: FLAGS_PER_CHECK, after: code === check ? after : null }, locale)));
  const t = await getTranslations("integrity");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="small muted">
        {t.rich("intro", { strong: (chunks) => <strong>{chunks}</strong> })}{" "}
        <span className="version">{meta.version}</span>
        {locale === "zh" ? "。" : "."}
      </p>
      <IgnoredNotice notes={ignored} />
      <p className="small">{FLAG_SEVERITIES.map((s) => t(`count.${s}`, { count: bySeverity(s) })).join(" · ")}</p>
      {check ? (
        <p className="small no-print">
          <Link href="/integrity">{t("allChecks")}</Link>
        </p>
      ) : null}
      {codes.map((code, i) => {
        const { data: list, next } = pages[i]!;
        const n = total(code);
        return (
          <section key={code} aria-labelledby={`flag-${code}`}>
            <h2 id={`flag-${code}`}>
              {t(`check.${code}`)} <span className="muted small">({n})</span>
            </h2>
            {list.length === 0 ? (
              <p className="small muted">{t("noneFound")}</p>
            ) : (
              <ul className="small">
                {list.map((f) => (
                  <li key={f.id}>
                    <Link href={f.effectId ? `/studies/${f.studyId}#${encodeURIComponent(f.effectId.split("/")[1] ?? "")}` : `/studies/${f.studyId}`}>
                      {f.studyShortName}, {f.locator ?? t("study")}
                    </Link>
                    <FlagText flag={f} />
                  </li>
                ))}
              </ul>
            )}
            {next ? (
              <p className="small no-print">
                <Link href={`/integrity?check=${encodeURIComponent(code)}&after=${next.rank}.${next.id}`}>
                  {t("next", { count: FLAGS_PER_CHECK, total: n })}
                </Link>
              </p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
