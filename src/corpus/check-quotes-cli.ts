// `npm run check:quotes`: loads data/ and proves every quote occurs in its source, inside a Vietnam–Laos segment. Exit 1 with the list otherwise.
import { resolve } from "node:path";
import { formatErrors, loadCorpus } from "./load";

const dir = resolve(process.argv[2] ?? "data");
const result = await loadCorpus(dir);
if (!result.ok) {
  console.error(`${result.errors.length} error(s) in ${dir}:\n${formatErrors(result.errors)}`);
  process.exit(1);
}
const counts = result.corpus.counts();
console.log(`corpus ${result.corpus.version}: all quotes found in their sources; every summary number is in a quote.`);
console.log(
  Object.entries(counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(" "),
);
