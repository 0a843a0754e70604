import { readFileSync } from "node:fs";
import { parse, parseDocument } from "yaml";
import { load } from "js-yaml";
const files = ["sources","provinces","places","people","events","agreements","figures","anniversaries"].map(f => readFileSync(`var/bench/x100/${f}.yaml`, "utf8"));
const size = files.reduce((a, b) => a + b.length, 0);
for (const [name, f] of [["yaml parseDocument+toJS", (s: string) => parseDocument(s).toJS()], ["yaml parse", (s: string) => parse(s)], ["js-yaml load", (s: string) => load(s, { maxAliases: 0 })], ["JSON (baseline, same data)", null]] as const) {
  if (!f) { const js = files.map(s => JSON.stringify(load(s))); const t = performance.now(); for (let i=0;i<3;i++) js.forEach(s => JSON.parse(s)); console.log(name.padEnd(28), ((performance.now()-t)/3).toFixed(0), "ms"); continue; }
  f(files[0]!);
  const t = performance.now(); for (let i=0;i<3;i++) files.forEach(s => f(s)); const ms = (performance.now()-t)/3;
  console.log(name.padEnd(28), ms.toFixed(0), "ms", (size/1e6/(ms/1000)).toFixed(1), "MB/s");
}
console.log(JSON.stringify(load(files[4]!)) === JSON.stringify(parse(files[4]!)) ? "same result" : "DIFFERENT");
