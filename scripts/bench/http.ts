// Measuring over HTTP on loopback: sequential requests on kept-alive connections (one client, as a
// person's browser is), timings in milliseconds. node:http, nothing else between.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export type Timed = { status: number; ttfb: number; total: number; bytes: number; body: string; headers: Record<string, string> };

/**
 * One GET: time to the response's first byte (headers), time to its last byte, and its size. A kept-
 * alive connection to a server that has since stopped fails at once: asked again on a new one.
 */
export async function get(url: string, headers: Record<string, string> = {}, timeoutMs = 600_000): Promise<Timed> {
  try {
    return await getOnce(url, headers, timeoutMs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "ECONNRESET" && code !== "EPIPE") throw err;
    return getOnce(url, headers, timeoutMs);
  }
}

function getOnce(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      const ttfb = performance.now() - started;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const buffer = Buffer.concat(chunks);
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) flat[k] = Array.isArray(v) ? v.join(", ") : String(v ?? "");
        resolve({ status: res.statusCode ?? 0, ttfb, total: performance.now() - started, bytes: buffer.length, body: buffer.toString("utf8"), headers: flat });
      });
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timed out after ${timeoutMs} ms: ${url}`)));
    req.on("error", reject);
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Latency of a set of URLs: `rounds` passes over all of them after `warm` passes not counted;
 * interleaved so that a slow moment of the machine falls on every URL alike.
 */
export async function sample(urls: string[], rounds: number, warm = 2, measure: (t: Timed) => number = (t) => t.total): Promise<{ values: number[]; statuses: number[] }> {
  for (let w = 0; w < warm; w++) for (const u of urls) await get(u);
  const values: number[] = [];
  const statuses: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const u of urls) {
      const t = await get(u);
      values.push(measure(t));
      statuses.push(t.status);
    }
  return { values, statuses };
}

/** As sample, keeping each request's time to first byte and to last byte. */
export async function sampleBoth(url: string, rounds: number, warm = 2): Promise<{ ttfb: number[]; total: number[] }> {
  for (let w = 0; w < warm; w++) await get(url);
  const ttfb: number[] = [];
  const total: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = await get(url);
    ttfb.push(t.ttfb);
    total.push(t.total);
  }
  return { ttfb, total };
}

/** Waits until a server answers (any status) or the time is up. */
export async function waitFor(url: string, seconds = 120): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      await get(url);
      return;
    } catch (err) {
      if (Date.now() > until) throw new Error(`no answer from ${url} in ${seconds} s: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
