// GET /api/suggest through its route handler, on a database built through the app's build path.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { buildTestDatabase } from "@/lib/testing/build-test-db";
import type { SuggestAnswer } from "@/lib/search/suggest";

let route: typeof import("./route");

beforeAll(async () => {
  process.env.EVIDENCE_DB = await buildTestDatabase();
  route = await import("./route");
}, 120_000);

const get = async (query: string) => {
  const res = await route.GET(new NextRequest(`http://test/api/suggest${query}`));
  return { status: res.status, body: (await res.json()) as SuggestAnswer & { version: string; error?: string; parameter?: string } };
};

describe("GET /api/suggest", () => {
  it("answers suggestions with counts and the dataset version", async () => {
    const { status, body } = await get("?q=bev");
    expect(status).toBe(200);
    expect(body.version).toMatch(/^[0-9a-f]{16}$/);
    expect(body.suggestions[0]).toMatchObject({ kind: "treatment", code: "bevacizumab", href: "/?treatment=bevacizumab" });
    expect(body.suggestions.every((s) => s.count > 0)).toBe(true);
  });

  it("reads the view's filters as the page does: an unknown value is dropped, not refused", async () => {
    const { status, body } = await get("?q=G12D&endpoint=conversion&endpoint=no-such-endpoint");
    expect(status).toBe(200);
    expect(body.count).toBe(0);
    expect(body.hint?.nearest.length).toBeGreaterThan(0);
  });

  it("reads LIKE wildcards as spaces and cuts a long text, as the page does", async () => {
    const { status } = await get(`?q=${encodeURIComponent("50% _G12D_ " + "x".repeat(5000))}`);
    expect(status).toBe(200);
  });

  it("refuses an unknown parameter, naming it", async () => {
    const { status, body } = await get("?q=bev&limit=5");
    expect(status).toBe(400);
    expect(body.parameter).toBe("limit");
  });
});
