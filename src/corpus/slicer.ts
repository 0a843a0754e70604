// Work on the bot's thread cut into slices: commands are answered between them.

/** Lets other work run once a slice has taken `sliceMs`. */
export function slicer(sliceMs = 8): () => Promise<void> {
  let started = performance.now();
  return async () => {
    if (performance.now() - started < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    started = performance.now();
  };
}
