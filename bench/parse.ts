// The YAML parsers the load could use, on the same files: js-yaml (what src/corpus/parse.ts uses) and `yaml`, with
// JSON.parse of the same records as the floor no YAML parser can beat. Each parses every data file of one scale;
// p50/p99 per whole corpus, and each parser's time against js-yaml's, in the same run. Both parsers must give the
// same records, or the run fails.
//   npx tsx bench/parse.ts [--scale 100]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { load as jsYaml } from "js-yaml";
import { parse as yaml } from "yaml";
import { corpusFiles } from "../src/core/model";
import { benchDataDir, generate } from "./generate";
import { mib, ms, time } from "./measure";

const { values } = parseArgs({ options: { scale: { type: "string", default: "100" } } });
const scale = Number(values.scale);
const dir = await generate(scale, benchDataDir(scale));
const texts = Object.keys(corpusFiles).map((file) => readFileSync(join(dir, file), "utf8"));
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const shipped = texts.map((text) => jsYaml(text));
const json = shipped.map((records) => JSON.stringify(records));

const parsers: { label: string; parse: () => unknown[] }[] = [
  { label: "js-yaml load (shipped)", parse: () => texts.map((text) => jsYaml(text)) },
  // The options the data would need: no limit on aliases (the alias-bomb check is our own), YAML 1.2 core schema.
  { label: "yaml parse", parse: () => texts.map((text) => yaml(text, { maxAliasCount: -1 })) },
  { label: "JSON.parse of the same records", parse: () => json.map((text) => JSON.parse(text)) },
];

for (const { label, parse } of parsers.slice(1)) {
  if (!isDeepStrictEqual(parse(), shipped)) throw new Error(`${label} gives other records than js-yaml`);
}

console.log(`×${scale}: ${Object.keys(corpusFiles).length} YAML files, ${mib(bytes)}`);
let baseline: number | undefined;
for (const { label, parse } of parsers) {
  const { runs, p50, p99 } = await time(parse, { budgetMs: 4000, minRuns: 5, warmup: 2 });
  baseline ??= p50;
  console.log(
    `  ${label.padEnd(32)} p50 ${ms(p50).padStart(9)}, p99 ${ms(p99).padStart(9)}  ${(p50 / baseline).toFixed(2)}× js-yaml's time  (${runs} runs)`,
  );
}
