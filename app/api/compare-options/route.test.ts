// GET /api/compare-options through its route handler, on a database built through the app's build path.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { buildTestDatabase } from "@/lib/testing/build-test-db";
import type { CompareOption } from "@/lib/data/compare";

let route: typeof import("./route");

beforeAll(async () => {
  process.env.EVIDENCE_DB = await buildTestDatabase();
  route = await import("./route");
}, 120_000);

const get = async (query: string) => {
  const res = await route.GET(new NextRequest(`http://test/api/compare-options${query}`));
  return { status: res.status, body: (await res.json()) as { data: CompareOption[]; error?: string; parameter?: string } };
};

describe("GET /api/compare-options", () => {
  it("finds a study to add, with the comparison's URL", async () => {
    const { status, body } = await get("?kind=study&q=olivia&studies=become&studies=tribe&population=RAS");
    expect(status).toBe(200);
    expect(body.data[0]).toMatchObject({ code: "olivia", href: "/compare?studies=become&studies=tribe&studies=olivia&population=RAS" });
  });

  it("answers at most a dozen studies when nothing is typed", async () => {
    const { body } = await get("?kind=study");
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.length).toBeLessThanOrEqual(12);
  });

  it("offers nothing more once four studies are chosen", async () => {
    const { body } = await get("?kind=study&q=a&studies=become&studies=tribe&studies=olivia&studies=cairo5");
    expect(body.data).toEqual([]);
  });

  it("drops unknown studies and refuses an unknown kind or parameter", async () => {
    expect((await get("?kind=endpoint&studies=nope")).status).toBe(200);
    expect(await get("?kind=arm")).toMatchObject({ status: 400, body: { parameter: "kind" } });
    expect(await get("?kind=study&sort=x")).toMatchObject({ status: 400, body: { parameter: "sort" } });
    expect((await get(`?kind=study&q=${"x".repeat(101)}`)).status).toBe(400);
  });
});
