/**
 * Exact duplicate lines, remembered by position in the decoded text instead of as strings: a hash table in typed
 * arrays (outside the JavaScript heap) holds each distinct line's start, length, hash and line number, and a hit is
 * confirmed by comparing the text itself, so a hash collision is never taken for a duplicate. A 100,000-line file
 * costs a few MB here, where a Map of line strings cost several times the file (an object per line).
 */

/** 32-bit FNV-1a hash of text[start, start + len). */
function hashAt(text: string, start: number, len: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + len; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The text at `a` and at `b` is the same for `n` characters (compared in the whole text, not in slices of it). */
export function sameAt(text: string, a: number, b: number, n: number): boolean {
  for (let i = n - 1; i >= 0; i--) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

export class LineSet {
  private starts: Int32Array;
  private lens: Int32Array;
  private hashes: Int32Array;
  private lines: Int32Array;
  /** Open addressing: entry index + 1 per slot, 0 = empty. Size a power of two, at most half full. */
  private slots: Int32Array;
  private size = 0;

  constructor(
    private text: string,
    capacity = 1024,
  ) {
    this.starts = new Int32Array(capacity);
    this.lens = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    this.slots = new Int32Array(capacity * 2);
  }

  /**
   * The line number of an earlier identical line (text[start, start + len)), or 0 when there is none; in that case
   * this line is remembered as `line`.
   */
  firstOf(start: number, len: number, line: number): number {
    const h = hashAt(this.text, start, len);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = (this.slots[s] as number) - 1;
      if (e < 0) {
        this.put(s, start, len, h, line);
        return 0;
      }
      if (this.hashes[e] === h && this.lens[e] === len && sameAt(this.text, start, this.starts[e] as number, len)) return this.lines[e] as number;
    }
  }

  private put(slot: number, start: number, len: number, h: number, line: number): void {
    const e = this.size++;
    this.starts[e] = start;
    this.lens[e] = len;
    this.hashes[e] = h;
    this.lines[e] = line;
    this.slots[slot] = e + 1;
    if (this.size === this.starts.length) this.grow();
  }

  private grow(): void {
    const cap = this.starts.length * 2;
    const widen = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.starts = widen(this.starts);
    this.lens = widen(this.lens);
    this.hashes = widen(this.hashes);
    this.lines = widen(this.lines);
    this.slots = new Int32Array(cap * 2);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      let s = (this.hashes[e] as number) & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = e + 1;
    }
  }
}
