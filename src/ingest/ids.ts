// Record ids for drafts: readable, in the corpus's style ("ev-2022-08-16-xieng-khouang-son-la-signing"), and
// unique against the corpus and the draft itself.
import { fold } from "../core/normalize";

export function slug(text: string, max = 48): string {
  const s = fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s.slice(0, max).replace(/-+$/, "") || "x";
}

export class IdAllocator {
  constructor(private readonly taken: Set<string>) {}

  take(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
