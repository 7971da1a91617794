import { describe, expect, it } from 'vitest';
import { DrawQueue, SLICE_MS, type IdleDeadlineLike } from '../../../lib/startup/draw-queue';

/** A fake clock and idle callbacks run by hand; each job advances the clock by its cost. */
function harness(order?: (a: Job, b: Job) => boolean) {
  let time = 0;
  const idle: Array<(d: IdleDeadlineLike) => void> = [];
  const ran: string[] = [];
  const queue = new DrawQueue<Job>(
    {
      now: () => time,
      requestIdle: (cb) => {
        idle.push(cb);
        return () => idle.splice(idle.indexOf(cb), 1);
      },
    },
    order,
  );
  const job = (name: string, cost: number, pos = 0): Job => ({
    name,
    pos,
    run() {
      ran.push(name);
      time += cost;
    },
  });
  /** Run the next idle callback with `remaining` ms of idle time; returns the slice's length. */
  const idleSlice = (remaining = 50, didTimeout = false) => {
    const cb = idle.shift();
    if (!cb) return null;
    const start = time;
    const at = time;
    cb({ timeRemaining: () => Math.max(0, remaining - (time - at)), didTimeout });
    return time - start;
  };
  return { queue, job, ran, idle, idleSlice };
}

interface Job {
  name: string;
  pos: number;
  run(): void;
}

describe('drawing in idle time (draw queue)', () => {
  it('draws nothing before the page has settled, then in idle slices of at most 10 ms', () => {
    const { queue, job, ran, idle, idleSlice } = harness();
    for (let i = 0; i < 10; i++) queue.add(job(`p${i}`, 3));
    expect(idle).toHaveLength(0);
    queue.start();
    const slices: number[] = [];
    for (let s = idleSlice(); s !== null; s = idleSlice()) slices.push(s);
    expect(ran).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
    expect(Math.max(...slices)).toBeLessThanOrEqual(SLICE_MS);
    // 3 ms jobs: three per slice (a fourth would end at 12 ms).
    expect(slices).toEqual([9, 9, 9, 3]);
    expect(queue.size).toBe(0);
  });

  it('a slice never takes more than the idle time the browser offers (but always draws one panel)', () => {
    const { queue, job, ran, idleSlice } = harness();
    for (let i = 0; i < 4; i++) queue.add(job(`p${i}`, 2));
    queue.start();
    expect(idleSlice(5)).toBe(4);
    expect(ran).toEqual(['p0', 'p1']);
    // No idle time left at all: nothing is drawn, and it asks again.
    expect(idleSlice(0)).toBe(0);
    expect(ran).toHaveLength(2);
    // An idle callback that came by its timeout (a busy page) still gets a whole slice.
    expect(idleSlice(0, true)).toBe(4);
    expect(ran).toEqual(['p0', 'p1', 'p2', 'p3']);
  });

  it('one long panel is a slice of its own, and its cost is expected of the next ones (fading)', () => {
    const { queue, job, ran, idleSlice } = harness();
    queue.add(job('long', 14));
    for (let i = 0; i < 6; i++) queue.add(job(`s${i}`, 1));
    queue.start();
    expect(idleSlice()).toBe(14);
    expect(ran).toEqual(['long']);
    const next: number[] = [];
    for (let s = idleSlice(); s !== null; s = idleSlice()) next.push(s);
    expect(Math.max(...next)).toBeLessThanOrEqual(SLICE_MS);
    expect(ran).toHaveLength(7);
  });

  it('keeps document order, draws a panel out of turn, and drops a panel taken away', () => {
    const { queue, job, ran, idleSlice } = harness((a, b) => a.pos < b.pos);
    const far = job('far', 1, 30);
    const mid = job('mid', 1, 20);
    const top = job('top', 1, 10);
    const gone = job('gone', 1, 25);
    queue.add(far);
    queue.add(mid);
    queue.add(gone);
    queue.add(top);
    queue.add(top);
    expect(queue.size).toBe(4);
    // Came into view (or focus reached it) before the page settled.
    expect(queue.runNow(mid)).toBe(true);
    expect(queue.runNow(mid)).toBe(false);
    expect(queue.remove(gone)).toBe(true);
    expect(ran).toEqual(['mid']);
    queue.start();
    idleSlice();
    expect(ran).toEqual(['mid', 'top', 'far']);
  });

  it('a panel that fails to draw does not stop the others; whenEmpty resolves once all are drawn', async () => {
    const { queue, job, ran, idleSlice } = harness();
    queue.add({ name: 'bad', pos: 0, run: () => { throw new Error('x'); } });
    queue.add(job('good', 1));
    let empty = false;
    void queue.whenEmpty().then(() => (empty = true));
    queue.start();
    idleSlice();
    await Promise.resolve();
    expect(ran).toEqual(['good']);
    expect(empty).toBe(true);
  });

  it('stop cancels the idle callback; panels added later are drawn once started again', () => {
    const { queue, job, ran, idle, idleSlice } = harness();
    queue.start();
    expect(idle).toHaveLength(0); // nothing to draw, nothing asked
    queue.add(job('a', 1));
    expect(idle).toHaveLength(1);
    queue.stop();
    expect(idle).toHaveLength(0);
    queue.start();
    idleSlice();
    expect(ran).toEqual(['a']);
  });
});
