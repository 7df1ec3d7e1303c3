// How many pages the app server renders at once (scripts/serve/app-server.ts). Under a crowd, fifty
// renders interleaved on one thread all finish late, and the unluckiest wait past any time-out; a
// few at a time, first come first served, the others queue, and each waits about its share.
export class RenderQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private peakWaiting = 0;

  constructor(readonly concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`render concurrency must be a whole number ≥ 1, not ${concurrency}`);
  }

  /** From EVIDENCE_RENDER_CONCURRENCY (default 2: the machines have 2 cores, and rendering is CPU). */
  static fromEnvironment(value = process.env.EVIDENCE_RENDER_CONCURRENCY): RenderQueue {
    const n = value === undefined || value === "" ? 2 : Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`EVIDENCE_RENDER_CONCURRENCY must be a whole number ≥ 1, not "${value}"`);
    return new RenderQueue(n);
  }

  /** Runs `task` when a place is free; `stillWanted` is asked then (a client that left is not rendered for). */
  async run(task: () => Promise<void>, stillWanted: () => boolean = () => true): Promise<void> {
    if (this.running >= this.concurrency) {
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        this.peakWaiting = Math.max(this.peakWaiting, this.waiting.length);
      });
    } else this.running++;
    try {
      if (stillWanted()) await task();
    } finally {
      const next = this.waiting.shift();
      // The place passes straight to the next in line (running stays the same), or is freed.
      if (next) next();
      else this.running--;
    }
  }

  stats(): { running: number; waiting: number; peakWaiting: number } {
    return { running: this.running, waiting: this.waiting.length, peakWaiting: this.peakWaiting };
  }
}
