// How well the extractor does on the hand-built corpus: each article in data/sources/ is ingested again and its
// draft compared with the records an editor wrote for it (the answer key). Recall of dates (with precision),
// agreement periods, provinces, people with titles, amounts and counts; precision of Vietnam–Laos attribution
// (every quote inside a part the editor marked Vietnam–Laos). `npm run ingest -- --measure` prints the table.
import { citationsIn } from "../core/corpus";
import type { CorpusData } from "../core/model";
import { fold, normalizeSpace } from "../core/normalize";
import type { DraftRecords } from "./draft";
import { ingest } from "./ingest";
import { personKey } from "./people";

export interface Score {
  found: number;
  total: number;
  missed: string[];
}

export interface ArticleScores {
  file: string;
  dates: Score;
  periods: Score;
  provinces: Score;
  people: Score;
  amounts: Score;
  /** Quotes inside a Vietnam–Laos segment of the editor's segmentation / all quotes. */
  attribution: Score;
  /** Lines whose Vietnam–Laos verdict matches the editor's. */
  segments: Score;
}

const cites = (record: unknown, file: string) => citationsIn(record).some((c) => c.source === file);
const dateKey = (d: { value?: string; precision: string; until?: string }) =>
  `${d.value ?? "?"} ${d.precision}${d.until ? `–${d.until}` : ""}`;

function score(key: readonly string[], got: readonly string[]): Score {
  const pool = [...got];
  const missed: string[] = [];
  for (const k of key) {
    const i = pool.indexOf(k);
    if (i >= 0) pool.splice(i, 1);
    else missed.push(k);
  }
  return { found: key.length - missed.length, total: key.length, missed };
}

function titleWords(title: string, placeWords: ReadonlySet<string>): string[] {
  return fold(title)
    .split(" ")
    .filter((w) => w && !placeWords.has(w) && w !== "tinh");
}

export function measureArticle(file: string, data: CorpusData, texts: ReadonlyMap<string, string>): ArticleScores {
  const text = texts.get(file) ?? "";
  const { draft } = ingest(
    { content: text, format: "text", origin: file },
    { data, texts, today: "2026-11-29", now: "2026-11-29T00:00:00.000Z" },
  );
  const r: DraftRecords = draft.records;
  const events = data.events.filter((e) => cites(e, file));
  const agreements = data.agreements.filter((a) => cites(a, file));
  const figures = data.figures.filter((f) => cites(f, file));

  const dates = score(
    [...new Set(events.map((e) => dateKey(e.date)))],
    [...new Set([...r.events.map((e) => dateKey(e.date)), ...r.figures.map((f) => dateKey(f.date))])],
  );
  const periods = score(
    agreements.flatMap((a) => (a.period ? [`${a.period.from}-${a.period.to}`] : [])),
    r.agreements.flatMap((a) => (a.period ? [`${a.period.from}-${a.period.to}`] : [])),
  );
  const provincesOf = (x: Pick<DraftRecords, "events" | "agreements" | "figures">) => [
    ...new Set([
      ...x.events.flatMap((e) => e.provinces),
      ...x.agreements.flatMap((a) => a.parties),
      ...x.figures.flatMap((f) => [f.from, f.to]),
    ]),
  ];
  const provinces = score(provincesOf({ events, agreements, figures }), provincesOf(r));

  const placeWords = new Set(
    data.provinces.flatMap((p) => [p.name.vi, ...p.aliases]).flatMap((n) => fold(n).split(" ")),
  );
  const keyRoles = data.people.flatMap((p) =>
    p.roles.filter((role) => cites(role, file)).map((role) => ({ name: p.name, title: role.title.vi })),
  );
  const gotRoles = r.people.map((p) => ({ name: p.name, title: p.roles[0]?.title.vi ?? "" }));
  const peopleMissed: string[] = [];
  for (const k of keyRoles) {
    const want = titleWords(k.title, placeWords).filter((w) => w !== "truong" && w !== "doan");
    const hit = gotRoles.some((g) => {
      if (personKey(g.name) !== personKey(k.name)) return false;
      const have = new Set(titleWords(g.title, placeWords));
      return want.filter((w) => have.has(w)).length / Math.max(1, want.length) >= 0.8;
    });
    if (!hit) peopleMissed.push(`${k.name}: ${k.title}`);
  }
  const people = { found: keyRoles.length - peopleMissed.length, total: keyRoles.length, missed: peopleMissed };

  const amountKey = (a: { value: number; unit: string }) => `${a.value} ${a.unit}`;
  const amounts = score(
    [
      ...figures.map((f) => amountKey(f.amount)),
      ...agreements.flatMap((a) =>
        a.commitments.filter((c) => cites(c, file)).flatMap((c) => c.amounts.map(amountKey)),
      ),
    ],
    [
      ...r.figures.map((f) => amountKey(f.amount)),
      ...r.agreements.flatMap((a) => a.commitments.flatMap((c) => c.amounts.map(amountKey))),
    ],
  );

  // Attribution: the draft's quotes against the editor's segmentation of the same text.
  const doc = data.sources.find((s) => s.file === file);
  const lines = text.split("\n");
  const quotable = normalizeSpace(
    (doc?.segments ?? [])
      .filter((s) => s.vietnamLaos)
      .map((s) => lines.slice(s.lines[0] - 1, s.lines[1]).join("\n"))
      .join("\n"),
  );
  const quotes = [...r.events, ...r.agreements, ...r.figures, ...r.people].flatMap((x) =>
    citationsIn(x).map((c) => normalizeSpace(c.quote)),
  );
  const outside = quotes.filter((q) => !quotable.includes(q));
  const attribution = { found: quotes.length - outside.length, total: quotes.length, missed: outside };

  const verdict = (segments: readonly { lines: [number, number]; vietnamLaos: boolean }[], n: number) =>
    segments.some((s) => s.vietnamLaos && s.lines[0] <= n && n <= s.lines[1]);
  const segmentMissed: string[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    if (verdict(doc?.segments ?? [], i + 1) !== verdict(draft.source.segments, i + 1))
      segmentMissed.push(`line ${i + 1}`);
  });
  const nonBlank = lines.filter((l) => l.trim()).length;
  const segments = { found: nonBlank - segmentMissed.length, total: nonBlank, missed: segmentMissed };
  return { file, dates, periods, provinces, people, amounts, attribution, segments };
}

export const METRICS = [
  ["dates", "dates (with precision)"],
  ["periods", "agreement periods"],
  ["provinces", "provinces"],
  ["people", "people with titles"],
  ["amounts", "amounts and counts"],
  ["attribution", "Vietnam–Laos attribution (precision)"],
  ["segments", "segment verdicts (lines)"],
] as const;

export function totals(all: readonly ArticleScores[]): Record<(typeof METRICS)[number][0], Score> {
  const out = {} as Record<(typeof METRICS)[number][0], Score>;
  for (const [key] of METRICS) {
    out[key] = all.reduce<Score>(
      (acc, a) => ({
        found: acc.found + a[key].found,
        total: acc.total + a[key].total,
        missed: [...acc.missed, ...a[key].missed.map((m) => `${a.file}: ${m}`)],
      }),
      { found: 0, total: 0, missed: [] },
    );
  }
  return out;
}

export function formatScores(all: readonly ArticleScores[]): string {
  const t = totals(all);
  const pct = (s: Score) => (s.total ? `${((100 * s.found) / s.total).toFixed(1)}%` : "n/a");
  const rows = METRICS.map(([key, label]) => `| ${label} | ${t[key].found}/${t[key].total} | ${pct(t[key])} |`);
  const missed = METRICS.flatMap(([key]) => t[key].missed.map((m) => `  ${key}: ${m.slice(0, 140)}`));
  return [
    `| measure (${all.length} articles) | found | rate |`,
    "| --- | --- | --- |",
    ...rows,
    ...(missed.length ? ["", "missed:", ...missed] : []),
  ].join("\n");
}
