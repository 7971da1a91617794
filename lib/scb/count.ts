/**
 * Count phrases in Swedish for the SCB checker's texts: count(1, 'rad', 'rader') → "1 rad", count(2, …) → "2 rader".
 * A small local helper: no shared one exists in lib/ yet.
 */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
