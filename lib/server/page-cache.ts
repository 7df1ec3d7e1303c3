// The rendered-page cache of the app server (scripts/serve.ts). A page is a function of its address,
// the dataset version and a few request headers, so a repeat of the same request is answered from
// memory instead of being rendered again: what a congress crowd opening the same link needs.
//
// What keys an entry (anything else a page reads would make the cache wrong; see the test):
//   - the dataset version and the app's build (a rebuilt database or new code is a new entry);
//   - the address as asked (path and query);
//   - Host and X-Forwarded-Proto (the printed handouts carry an absolute permalink);
//   - Accept-Language and the NEXT_LOCALE cookie (next-intl chooses the interface's language, or
//     redirects, from them).
// What is stored: only a 200 HTML document answer under MAX_ENTRY_BYTES whose only cookie is next-intl's
// NEXT_LOCALE (the language it chose, which the key determines; any other cookie is refused). Next's
// client-side navigations (RSC requests, prefetches) are not cached: they carry router state.
// Every answer still has a fresh Content-Security-Policy nonce: the stored page is kept split at its
// nonce, and each answer joins it with a new one (in the policy header and on every script).
import { LRUCache } from "lru-cache";

/** Request headers that make a request one the cache neither answers nor stores. */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];

export const MAX_ENTRY_BYTES = 2 * 1024 * 1024;
const DEFAULT_BUDGET_MB = 64;
/** An address longer than this is rendered, never stored (keys stay small). */
const MAX_KEY_ADDRESS = 4096;

export type RequestLike = { method: string; url: string; headers: Record<string, string | string[] | undefined> };

export type StoredPage = {
  status: number;
  /** Response headers as sent, lower-case names, without the per-answer ones (see PER_ANSWER). */
  headers: Record<string, string | string[]>;
  /** The body split at the nonce the page was rendered with. */
  parts: string[];
  /** The Content-Security-Policy split at the same nonce. */
  policyParts: string[];
  bytes: number;
};

/** Headers that belong to one answer, never to a stored page: set again for each. */
const PER_ANSWER = new Set(["content-length", "content-encoding", "transfer-encoding", "date", "connection", "keep-alive", "x-request-id", "content-security-policy"]);

const header = (headers: RequestLike["headers"], name: string): string => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : (v ?? "");
};

/** The NEXT_LOCALE cookie's value, if the request has one (the only cookie a page reads). */
export function localeCookie(cookie: string): string {
  const m = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/.exec(cookie);
  return m ? m[1]!.trim() : "";
}

/** Whether the cache may answer or store this request at all: a page's document, GET or HEAD. */
export function isCacheableRequest(req: RequestLike): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url;
  if (url.length > MAX_KEY_ADDRESS || !url.startsWith("/") || url.startsWith("//")) return false;
  if (url === "/api" || url.startsWith("/api/") || url.startsWith("/api?") || url.startsWith("/_next/")) return false;
  if (/[?&]_rsc=/.test(url)) return false;
  return !ROUTER_HEADERS.some((h) => req.headers[h] !== undefined);
}

/** The entry's key: version and build, address, and the headers a page reads (see the top). */
export function cacheKey(req: RequestLike, version: string, build: string): string {
  return [version, build, req.url, header(req.headers, "host"), header(req.headers, "x-forwarded-proto"), header(req.headers, "accept-language").trim().toLowerCase(), localeCookie(header(req.headers, "cookie"))].join("\n");
}

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=_-]{16,})'/;

/**
 * A rendered answer as the cache keeps it, or null where it must not be kept: not a 200 HTML
 * document, a Set-Cookie, too large, or a nonce that cannot be found in both policy and page.
 */
export function toStoredPage(status: number, headers: Record<string, string | string[] | number | undefined>, body: Buffer): StoredPage | null {
  if (status !== 200 || body.length > MAX_ENTRY_BYTES) return null;
  const lower: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) lower[k.toLowerCase()] = typeof v === "number" ? String(v) : v;
  if (lower["content-encoding"] !== undefined) return null;
  const cookies = lower["set-cookie"] === undefined ? [] : [lower["set-cookie"]].flat();
  if (!cookies.every((c) => /^NEXT_LOCALE=[A-Za-z-]{0,20};/.test(c))) return null;
  if (!String(lower["content-type"] ?? "").startsWith("text/html")) return null;
  const policy = String(lower["content-security-policy"] ?? "");
  const nonce = NONCE_IN_POLICY.exec(policy)?.[1];
  if (!nonce) return null;
  const html = body.toString("utf8");
  const parts = html.split(nonce);
  if (parts.length < 2) return null;
  const kept: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(lower)) if (!PER_ANSWER.has(k)) kept[k] = v;
  return { status, headers: kept, parts, policyParts: policy.split(nonce), bytes: body.length };
}

/** A stored page as one answer: its body and policy with this answer's nonce. */
export function answerFrom(page: StoredPage, nonce: string): { body: string; policy: string } {
  return { body: page.parts.join(nonce), policy: page.policyParts.join(nonce) };
}

export type PageCacheStats = { hits: number; misses: number; stored: number; refused: number; entries: number; bytes: number };

export class PageCache {
  private readonly lru: LRUCache<string, StoredPage>;
  private readonly counts = { hits: 0, misses: 0, stored: 0, refused: 0 };

  constructor(budgetBytes: number) {
    this.lru = new LRUCache<string, StoredPage>({ maxSize: Math.max(1, budgetBytes), sizeCalculation: (p) => Math.max(1, p.bytes) });
  }

  /** The budget from EVIDENCE_PAGE_CACHE_MB (default 64; 0 turns the cache off: null). */
  static fromEnvironment(value = process.env.EVIDENCE_PAGE_CACHE_MB): PageCache | null {
    const mb = value === undefined || value === "" ? DEFAULT_BUDGET_MB : Number(value);
    if (!Number.isFinite(mb) || mb < 0) throw new Error(`EVIDENCE_PAGE_CACHE_MB must be a number of megabytes ≥ 0, not "${value}"`);
    return mb === 0 ? null : new PageCache(mb * 1024 * 1024);
  }

  get(key: string): StoredPage | undefined {
    const page = this.lru.get(key);
    if (page) this.counts.hits++;
    else this.counts.misses++;
    return page;
  }

  set(key: string, page: StoredPage | null): void {
    if (!page) {
      this.counts.refused++;
      return;
    }
    this.lru.set(key, page);
    this.counts.stored++;
  }

  stats(): PageCacheStats {
    return { ...this.counts, entries: this.lru.size, bytes: this.lru.calculatedSize };
  }
}
