#!/usr/bin/env node
// `npm run build`: compiles the TypeScript entry points to plain JavaScript in dist/ with esbuild (one bundle
// per entry point, shared code in chunks beside them; npm packages stay imports of node_modules), so production
// runs `node dist/main.js` without a TypeScript loader. About a second; `npm start` runs it first.
//
//   node scripts/build.mjs [--outdir DIR] [--entry FILE]…
//
// `--entry` adds an entry point (a benchmark that measures the loader as production runs it, say).
//
// Code that finds files next to its own source (`import.meta.dirname`, `import.meta.url`: the data directory,
// package.json, fonts) keeps finding them: in each bundled file those expressions are rewritten to the source
// file's own location, computed from where the bundle runs. So dist/ must sit one level below the repository
// (or the image's app directory), beside data/, assets/ and package.json.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { outdir: { type: "string" }, entry: { type: "string", multiple: true, default: [] } },
});
const outdir = resolve(values.outdir ?? join(ROOT, "dist"));

/**
 * Command-line programs, plus every worker thread's and child process's own file (`*.worker.ts`, `*.child.ts`),
 * which starts as its own entry.
 */
const CLIS = [
  "src/main.ts",
  "src/ask.ts",
  "src/discord-register.ts",
  "src/corpus/check-quotes-cli.ts",
  "src/ingest-cli.ts",
  "src/backup-cli.ts",
  "src/healthcheck.ts",
];

function workers(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return workers(path);
    return /\.(worker|child)\.ts$/.test(entry.name) ? [path] : [];
  });
}

const entryPoints = [...CLIS.filter((path) => existsSync(join(ROOT, path))), ...workers("src"), ...values.entry].map((path) => ({
  in: join(ROOT, path),
  out: path.replace(/^src\//, "").replace(/\.ts$/, "").split("/").pop(),
}));

/** Rewrites import.meta.{url,dirname,filename} in our sources to the source file's location (see above). */
const sourceLocation = {
  name: "source-location",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      let text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.")) return { contents: text, loader: "ts" };
      const fromOut = (target) => JSON.stringify(relative(outdir, target).split(sep).join("/"));
      const url = `new URL(${fromOut(args.path)}, import.meta.url)`;
      text = text
        .replaceAll("import.meta.url", `${url}.href`)
        .replaceAll("import.meta.dirname", `__sourcePath(new URL(${fromOut(dirname(args.path))}, import.meta.url))`)
        .replaceAll("import.meta.filename", `__sourcePath(${url})`);
      text = `import { fileURLToPath as __sourcePath } from "node:url";\n${text}`;
      return { contents: text, loader: "ts" };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  packages: "external",
  sourcemap: "linked",
  chunkNames: "chunk-[hash]",
  plugins: [sourceLocation],
  logLevel: "warning",
  metafile: true,
});
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js"));
console.error(`built ${entryPoints.length} entry points (${files.length} files) into ${relative(ROOT, outdir) || "."}`);
