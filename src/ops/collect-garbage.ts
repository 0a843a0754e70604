// One full garbage collection, on purpose: after the first corpus load, what only the load used (a snapshot's bytes
// and packed form, or the parsed YAML) is collected at once instead of being kept. V8 collects its old generation
// when it grows, and an idle bot hardly allocates: at ×1000 it stayed at 720 MB RSS where the corpus needs 400.
// Node gives `gc()` only behind --expose-gc; set at run time, the flag gives it to a new context (as Jest's leak
// detector does), so `npm start` needs no extra flag.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

/**
 * Collects now, and once more a moment later: memory outside the heap (the snapshot file's bytes) is given back by
 * callbacks that the first collection only schedules (at ×1000, 30 MB more RSS without the second).
 */
export function collectLoadGarbage(): void {
  collectGarbage();
  setTimeout(collectGarbage, 500).unref();
}

export function collectGarbage(): void {
  gc ??= exposedGc();
  gc();
}

/** `gc`, or nothing to call where a Node version no longer gives it this way: memory, never a failed start. */
function exposedGc(): () => void {
  try {
    setFlagsFromString("--expose-gc");
    const found: unknown = runInNewContext("typeof gc === 'function' ? gc : undefined");
    return typeof found === "function" ? (found as () => void) : () => undefined;
  } catch {
    return () => undefined;
  }
}
