// Long lists are shown a page at a time; the page number is clamped into range.
import type { Paging } from "./reply";

export const PAGE_SIZE = 8;

/** Anything with a length and a slice: an array, or ranked hits that are put in order only as far as they are read. */
export interface Sliceable<T> {
  readonly length: number;
  slice(start: number, end: number): T[];
}

export function paginate<T>(items: Sliceable<T>, page: number, size = PAGE_SIZE): { items: T[]; paging?: Paging } {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const slice = items.slice((current - 1) * size, current * size);
  return pageCount > 1 ? { items: slice, paging: { page: current, pageCount } } : { items: slice };
}
