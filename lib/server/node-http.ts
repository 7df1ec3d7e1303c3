// Node's HTTP objects for the app server (scripts/serve.ts): a WHATWG Response written to a Node
// response (the API's handlers answer Responses), a whole body sent gzip-compressed where the client
// accepts it, and a Node response held back until Next has finished writing it (so that a rendered
// page can be kept in the page cache and sent compressed).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { constants, createGzip, gzip } from "node:zlib";
import { promisify } from "node:util";

const gzipAsync = promisify(gzip);

/** Compressing a body smaller than this costs more than it saves. */
const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|x-research-info-systems|x-bibtex|xml))/;

export function acceptsGzip(req: Pick<IncomingMessage, "headers">): boolean {
  const value = req.headers["accept-encoding"];
  return typeof value === "string" && /\bgzip\b/.test(value) && !/\bgzip\s*;\s*q=0(\.0*)?\s*(,|$)/.test(value);
}

function withVary(vary: string | undefined, name: string): string {
  const list = (vary ?? "").split(",").map((v) => v.trim()).filter(Boolean);
  return list.some((v) => v.toLowerCase() === name.toLowerCase() || v === "*") ? list.join(", ") : [...list, name].join(", ");
}

const isCompressible = (headers: OutgoingHttpHeaders) => COMPRESSIBLE.test(String(headers["content-type"] ?? "")) && headers["content-encoding"] === undefined;

/** A whole body with its status and headers; gzip when the client accepts it and it is worth it; HEAD gets the headers only. */
export async function sendWhole(req: IncomingMessage, res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: Buffer | string): Promise<void> {
  const out: OutgoingHttpHeaders = { ...headers };
  // Encoded once: the length, the compression and the socket all read the same bytes.
  let bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  if (isCompressible(out)) {
    out.vary = withVary(out.vary as string | undefined, "Accept-Encoding");
    if (bytes.length >= MIN_COMPRESS_BYTES && acceptsGzip(req)) {
      bytes = await gzipAsync(bytes, { level: constants.Z_DEFAULT_COMPRESSION });
      out["content-encoding"] = "gzip";
    }
  }
  delete out["transfer-encoding"];
  out["content-length"] = String(bytes.length);
  if (res.destroyed) return;
  // Only the headers given: none left over from a writer that set some on the response itself.
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.writeHead(status, out);
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/** A WHATWG Response (an API route's download, a refusal) written to a Node response, streamed, with backpressure. */
export async function sendWebResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const headers: OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  const body = response.body;
  if (!body || req.method === "HEAD" || response.status === 204 || response.status === 304) {
    await body?.cancel();
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  // An answer that is not a download is small and whole already (Response.json): sent in one piece,
  // which costs less than a stream. A download (Content-Disposition) is streamed.
  if (headers["content-disposition"] === undefined) return sendWhole(req, res, response.status, headers, Buffer.from(await response.arrayBuffer()));
  const gz = isCompressible(headers) && acceptsGzip(req);
  if (isCompressible(headers)) headers.vary = withVary(headers.vary as string | undefined, "Accept-Encoding");
  if (gz) {
    headers["content-encoding"] = "gzip";
    delete headers["content-length"];
  }
  res.writeHead(response.status, headers);
  const source = Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>);
  try {
    if (gz) await pipeline(source, createGzip(), res);
    else await pipeline(source, res);
  } catch {
    // The client went away, or the body failed half-way (its status is already sent): end the connection.
    res.destroy();
  }
}

export type HeldResponse = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

/**
 * Holds back everything written to `res` (headers, status, body) until it ends, then puts the
 * response's own functions back and hands the whole answer to `deliver`, which sends it. The writer
 * (Next) sees a response that accepts every write at once.
 */
export function holdResponse(res: ServerResponse, deliver: (held: HeldResponse) => void): void {
  const chunks: Buffer[] = [];
  const own = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const take = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
  };
  const later = (cb: unknown) => {
    if (typeof cb === "function") setImmediate(cb as () => void);
  };
  res.flushHeaders = () => {};
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((r) => r !== null && typeof r === "object") as OutgoingHttpHeaders | string[] | undefined;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!);
    else if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
    return res;
  }) as ServerResponse["writeHead"];
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    take(chunk, encoding);
    later(typeof encoding === "function" ? encoding : cb);
    return true;
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    take(chunk, encoding);
    later(typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : cb);
    Object.assign(res, own);
    deliver({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
    return res;
  }) as ServerResponse["end"];
}
