import { describe, expect, it } from "vitest";
import { RenderQueue } from "./render-queue";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("RenderQueue", () => {
  it("runs at most `concurrency` tasks at once, the rest first come first served", async () => {
    const queue = new RenderQueue(2);
    const started: number[] = [];
    let active = 0;
    let most = 0;
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      queue.run(async () => {
        started.push(i);
        active++;
        most = Math.max(most, active);
        await tick();
        active--;
      }),
    );
    expect(queue.stats()).toMatchObject({ running: 2, waiting: 3 });
    await Promise.all(tasks);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0, peakWaiting: 3 });
  });

  it("frees the place when a task fails, and skips a task nobody waits for any more", async () => {
    const queue = new RenderQueue(1);
    const ran: string[] = [];
    const failing = queue.run(async () => {
      await tick();
      throw new Error("render failed");
    });
    const abandoned = queue.run(async () => void ran.push("abandoned"), () => false);
    const wanted = queue.run(async () => void ran.push("wanted"));
    await expect(failing).rejects.toThrow("render failed");
    await Promise.all([abandoned, wanted]);
    expect(ran).toEqual(["wanted"]);
    expect(queue.stats().running).toBe(0);
  });

  it("takes its size from EVIDENCE_RENDER_CONCURRENCY and refuses nonsense", () => {
    expect(RenderQueue.fromEnvironment(undefined).concurrency).toBe(2);
    expect(RenderQueue.fromEnvironment("4").concurrency).toBe(4);
    expect(() => RenderQueue.fromEnvironment("0")).toThrow(/EVIDENCE_RENDER_CONCURRENCY/);
    expect(() => RenderQueue.fromEnvironment("many")).toThrow(/EVIDENCE_RENDER_CONCURRENCY/);
  });
});
