// A separate bot process for the cross-process claim test: claims every key it is given on the store at argv[2]
// and prints the keys it won as one JSON line.
import { openStore } from "../../src/store/open";

const [url, owner, count] = process.argv.slice(2);
const store = await openStore(url ?? "", {});
const won: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const key = `digest:telegram:-${i}:2027-07-18`;
  if ((await store.claimDelivery(key, owner ?? "?", 60_000)) === "claimed") won.push(key);
}
await store.close();
console.log(JSON.stringify(won));
