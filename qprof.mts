import { loadCorpus } from "./src/corpus/load";
const r = await loadCorpus("var/bench/x100"); if (!r.ok) throw 1;
const c = r.corpus;
const q = "Sơn La tặng Xiêng Khoảng bao nhiêu tiền";
for (const query of [q, "khau trang", "son la", "hoc bong"]) {
  let t = performance.now(); let n = 0;
  for (let i = 0; i < 10; i++) n = c.search.search(query).length;
  console.log(query, ((performance.now() - t) / 10).toFixed(2), "ms", n, "hits");
}
for (const w of ["son","la","tang","xieng","khoang","bao","nhieu","tien"]) { const t = performance.now(); const n = c.search.search(w).length; console.log(w, (performance.now()-t).toFixed(2), n); }
console.log("docs", c.search.documentCount, "terms", c.search.termCount);
