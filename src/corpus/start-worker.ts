// Starts one of this folder's worker threads, from the TypeScript sources (tsx, tests) or from a bundle in dist/.
import { Worker } from "node:worker_threads";

/** Where this module runs from: a .ts source (tsx, vitest) or a bundle in dist/ beside the workers' own files. */
// biome-ignore lint/complexity/useLiteralKeys: the build rewrites `import.meta.url` to the source path; this must stay the running file.
const here: string = import.meta["url"];

/** `name` is the worker's file without its extension: "load.worker" runs load.worker.ts or load.worker.js. */
export function startWorker(name: string): Worker {
  if (here.endsWith(".js")) return new Worker(new URL(`./${name}.js`, here));
  // A worker does not inherit tsx's loader hooks: register them in the worker before importing the .ts file.
  const target = new URL(`./${name}.ts`, here).href;
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}
