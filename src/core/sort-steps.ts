// Sorting a long list without holding the event loop: a bottom-up merge sort that yields every few thousand
// moves, so an index built in slices (a reload) never stops for a whole sort of a hundred thousand names.
// Stable, like Array.prototype.sort.
import { inPausedRun } from "./steps";

const RUN = 1024;
const MOVES_PER_STEP = 8192;

/** Sorts `items` in place, in steps; the caller decides whether to pause at each yield. */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  // Run at once (nothing waits for a slice): V8's own sort, as stable and quicker; strings in code-unit order
  // are its default order, compared without calling back.
  if (!inPausedRun()) return compare === (byCodeUnits as unknown) ? items.sort() : items.sort(compare);
  const n = items.length;
  // Short runs sorted natively (each well under a millisecond), then merged pairwise.
  for (let start = 0; start < n; start += RUN) {
    const run = items.slice(start, start + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) items[start + i] = run[i] as T;
    yield;
  }
  let from = items;
  let to: T[] = new Array<T>(n);
  let moves = 0;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // `<= 0` keeps equal items in their order: the sort stays stable.
        to[k++] = compare(from[i] as T, from[j] as T) <= 0 ? (from[i++] as T) : (from[j++] as T);
        if (++moves % MOVES_PER_STEP === 0) yield;
      }
      while (i < mid) to[k++] = from[i++] as T;
      while (j < hi) to[k++] = from[j++] as T;
    }
    [from, to] = [to, from];
    yield;
  }
  if (from !== items) for (let i = 0; i < n; i++) items[i] = from[i] as T;
  return items;
}

/** Plain code-unit order, the order binary searches over strings need. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Position of the first item not below `key` in a sorted list: strings in code-unit order, or numbers. */
export function lowerBound<T extends string | number>(sorted: ArrayLike<T>, key: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as T) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
