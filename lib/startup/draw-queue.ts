/**
 * The order and the time slices in which panels not needed at load are drawn (components/ui/draw.ts does the DOM
 * part: what is in view, focus, the tour). Pure: the clock and the idle callback are given, so the scheduling is
 * unit-tested without a browser.
 *
 * Jobs wait in document order (the caller's `before`). Once `start` has been called (the page has settled), each
 * idle callback runs jobs, in order, for at most SLICE_MS: a job is started only when the time used so far plus the
 * longest job seen so far still fits in the slice (so a slice of many small jobs stays within it), and every slice
 * runs at least one job (one job cannot be cut; an estimate from one long job fades over the next ones). A job can also be run at once (`runNow`: it came into view, or
 * focus reached it) or dropped (`remove`: its panel was taken away); it then leaves the queue.
 */

/** Longest idle slice (ms). */
export const SLICE_MS = 10;

export interface IdleDeadlineLike {
  timeRemaining(): number;
  readonly didTimeout?: boolean;
}

export interface DrawQueueEnv {
  now(): number;
  /** Call `callback` in idle time; returns a function that cancels the call. */
  requestIdle(callback: (deadline: IdleDeadlineLike) => void): () => void;
}

export interface DrawJob {
  run(): void;
}

export class DrawQueue<J extends DrawJob = DrawJob> {
  private readonly jobs: J[] = [];
  private started = false;
  private cancelIdle: (() => void) | null = null;
  /** What the next job is expected to cost (ms): the longest recent one (an old long one counts less each time). */
  private longest = 0;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(
    private readonly env: DrawQueueEnv,
    /** True when `a` comes before `b` (document order). */
    private readonly before: (a: J, b: J) => boolean = () => false,
    private readonly sliceMs = SLICE_MS,
  ) {}

  get size(): number {
    return this.jobs.length;
  }

  has(job: J): boolean {
    return this.jobs.includes(job);
  }

  /** Queue `job` in its place (after every job it does not come before). */
  add(job: J): void {
    if (this.has(job)) return;
    let at = this.jobs.length;
    while (at > 0 && this.before(job, this.jobs[at - 1]!)) at--;
    this.jobs.splice(at, 0, job);
    this.request();
  }

  /** Take `job` out of the queue without running it. True when it was queued. */
  remove(job: J): boolean {
    const at = this.jobs.indexOf(job);
    if (at < 0) return false;
    this.jobs.splice(at, 1);
    this.settleIfEmpty();
    return true;
  }

  /** Run `job` now (out of turn) when it is still queued. True when it ran. */
  runNow(job: J): boolean {
    if (!this.remove(job)) return false;
    this.runOne(job);
    return true;
  }

  /** The page has settled: from now on queued jobs run in idle slices. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.request();
  }

  /** No more idle slices (the page view ended); queued jobs stay until run or removed. */
  stop(): void {
    this.started = false;
    this.cancelIdle?.();
    this.cancelIdle = null;
  }

  /** Resolves when no job is queued (at once when none is). */
  whenEmpty(): Promise<void> {
    if (this.jobs.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** One idle slice: runs jobs in order while they fit in the slice. Returns how many ran. */
  runSlice(deadline: IdleDeadlineLike): number {
    const start = this.env.now();
    const budget = deadline.didTimeout ? this.sliceMs : Math.min(this.sliceMs, deadline.timeRemaining());
    let ran = 0;
    while (this.jobs.length > 0) {
      const used = this.env.now() - start;
      if (ran > 0 ? used + this.longest > budget : budget <= 0) break;
      this.runOne(this.jobs.shift()!);
      ran++;
    }
    this.settleIfEmpty();
    return ran;
  }

  private runOne(job: J): void {
    const start = this.env.now();
    try {
      job.run();
    } catch {
      // One panel that fails to draw never stops the others.
    }
    this.longest = Math.max(this.env.now() - start, this.longest * 0.75);
  }

  private request(): void {
    if (!this.started || this.cancelIdle || this.jobs.length === 0) return;
    this.cancelIdle = this.env.requestIdle((deadline) => {
      this.cancelIdle = null;
      if (!this.started) return;
      this.runSlice(deadline);
      this.request();
    });
  }

  private settleIfEmpty(): void {
    if (this.jobs.length > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
