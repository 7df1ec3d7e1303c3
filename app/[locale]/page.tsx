import { Suspense } from "react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { getPageContext } from "@/lib/data/context";
import { canonicalSearchUrl } from "@/lib/data/browse";
import { SearchBox } from "./_components/SearchBox";
import { BrowseResults } from "./_components/BrowseResults";
import { toSearchParams, type PageSearchParams } from "./_components/search-params";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("browse"))("title") };
}

/**
 * The browser: the heading and the search box, then the results in a Suspense boundary keyed on the
 * URL (a client-side navigation shows the fallback while the next view is read).
 */
export default async function BrowsePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const { db, vocab, meta } = await getPageContext(await getLocale());
  const canonical = canonicalSearchUrl(params, vocab);
  if (canonical) redirect({ href: canonical.url, locale: await getLocale() });
  const t = await getTranslations("browse");
  return (
    <>
      <h1>{t("heading")}</h1>
      <SearchBox initialQuery={params.get("q") ?? ""} />
      <Suspense key={params.toString()} fallback={<p className="muted small" role="status">{t("reading")}</p>}>
        <BrowseResults db={db} vocab={vocab} meta={meta} params={params} />
      </Suspense>
    </>
  );
}
