// Starts one of this folder's child processes, from the TypeScript sources (tsx, tests) or from a bundle in dist/.
import { type ChildProcess, type ForkOptions, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Where this module runs from: a .ts source (tsx, vitest) or a bundle in dist/ beside the children's own files. */
// biome-ignore lint/complexity/useLiteralKeys: the build rewrites `import.meta.url` to the source path; this must stay the running file.
const here: string = import.meta["url"];

/**
 * `name` is the child's file without its extension: "load.child" runs load.child.ts or load.child.js. It talks
 * over the IPC channel, writes its output to this process's, and takes none of this process's node options (a
 * test runner's, say), only tsx's loader when running from the sources.
 */
export function startChild(name: string): ChildProcess {
  const options: ForkOptions = { stdio: ["ignore", "inherit", "inherit", "ipc"], serialization: "advanced" };
  if (here.endsWith(".js")) return fork(fileURLToPath(new URL(`./${name}.js`, here)), [], { ...options, execArgv: [] });
  const tsx = import.meta.resolve("tsx");
  return fork(fileURLToPath(new URL(`./${name}.ts`, here)), [], { ...options, execArgv: ["--import", tsx] });
}
