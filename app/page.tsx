import { Suspense } from "react";
import { redirect } from "next/navigation";
import type { Metadata } from "next";
import { getContext } from "@/lib/data/context";
import { canonicalSearchUrl } from "@/lib/data/browse";
import { SearchBox } from "./_components/SearchBox";
import { BrowseResults } from "./_components/BrowseResults";
import { toSearchParams, type PageSearchParams } from "./_components/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Browse the evidence" };

/**
 * The browser: the heading and the search box, then the results in a Suspense boundary keyed on the
 * URL (a client-side navigation shows the fallback while the next view is read).
 */
export default async function BrowsePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const { db, vocab, meta } = await getContext();
  const canonical = canonicalSearchUrl(params, vocab);
  if (canonical) redirect(canonical.url);
  return (
    <>
      <h1>Evidence browser</h1>
      <SearchBox initialQuery={params.get("q") ?? ""} />
      <Suspense key={params.toString()} fallback={<p className="muted small" role="status">Reading the records…</p>}>
        <BrowseResults db={db} vocab={vocab} meta={meta} params={params} />
      </Suspense>
    </>
  );
}
