// The inbox on a copy of data/: a draft is kept apart until approved; approving all or some records moves them
// into data/ (the corpus loads, with the new facts), a hand-edited draft is approved as edited, a broken edit or a
// duplicate page is refused and data/ is left as it was.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { Inbox } from "../../src/ingest/inbox";
import { reviewReply } from "../../src/ingest/review-reply";
import { ingestPage, realCorpus } from "./support";

let dataDir: string;
let inbox: Inbox;
const NOW = "2026-11-29T08:00:00.000Z";

async function draftOf(page: string) {
  const corpus = await realCorpus(dataDir);
  const result = ingestPage(page, corpus);
  await inbox.save(result.draft, result.page.text);
  return result.draft;
}

async function snapshot(): Promise<string> {
  const files = ["events.yaml", "agreements.yaml", "figures.yaml", "people.yaml", "provinces.yaml", "sources.yaml"];
  return (await Promise.all(files.map((f) => readFile(join(dataDir, f), "utf8")))).join("\n----\n");
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "inbox-"));
  await cp("data", dataDir, { recursive: true });
  inbox = new Inbox(dataDir);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("the draft inbox", () => {
  it("keeps drafts out of the corpus until approved, then moves them in and covers the cited province", async () => {
    const draft = await draftOf("other-province.txt");
    expect((await inbox.list()).map((d) => d.id)).toEqual([draft.id]);
    const before = await loadCorpus(dataDir);
    expect(before.ok && before.corpus.data.events.some((e) => e.provinces.includes("nghe-an"))).toBe(false);

    const result = await inbox.approve(draft.id, undefined, NOW);
    expect(result.ok).toBe(true);
    const after = await loadCorpus(dataDir);
    if (!after.ok) throw new Error(JSON.stringify(after.errors));
    const event = after.corpus.data.events.find((e) => e.provinces.includes("nghe-an"));
    expect(event?.date.value).toBe("2024-05-15");
    expect(after.corpus.data.agreements.find((a) => a.parties.includes("nghe-an"))?.period).toEqual({
      from: 2024,
      to: 2028,
    });
    expect(after.corpus.province("nghe-an")?.covered).toBe(true);
    expect(after.corpus.texts.has(draft.source.file)).toBe(true);
    expect(await inbox.list()).toEqual([]);
    // The YAML files keep their comments: records were appended, not rewritten.
    expect(await readFile(join(dataDir, "events.yaml"), "utf8")).toMatch(/^# Events: visits/);
  });

  it("approves some records and keeps the rest; an existing person gets the new role in place", async () => {
    const draft = await draftOf("english-version.txt");
    const event = draft.records.events[0]?.id ?? "";
    const result = await inbox.approve(draft.id, new Set([event, "dang-ngoc-hau"]), NOW);
    expect(result).toMatchObject({ ok: true, approved: [event, "dang-ngoc-hau"] });
    const after = await loadCorpus(dataDir);
    if (!after.ok) throw new Error(JSON.stringify(after.errors));
    expect(after.corpus.data.events.some((e) => e.id === event)).toBe(true);
    const person = after.corpus.person("dang-ngoc-hau");
    expect(person?.roles.map((r) => r.at)).toEqual(["ev-2022-08-16-xieng-khouang-son-la-signing", event]);
    const { draft: rest } = await inbox.get(draft.id);
    expect(rest.records.events).toEqual([]);
    expect(rest.records.figures).toHaveLength(1);
  });

  it("approves a hand-edited draft as edited, and refuses a broken edit leaving data/ untouched", async () => {
    const draft = await draftOf("no-year.txt");
    const path = join(inbox.dir, `${draft.id}.yaml`);
    const yaml = await readFile(path, "utf8");
    // The admin knows the year: edit the date by hand.
    await writeFile(path, yaml.replace("precision: unknown", 'value: "2025-04-05"\n        precision: day'));
    const before = await snapshot();
    await writeFile(path, yaml.replace(/quote: Ngày 5\/4/g, "quote: Ngày 6/4"));
    const refused = await inbox.approve(draft.id, undefined, NOW);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors[0]?.message).toMatch(/quote not found/);
    expect(await snapshot()).toBe(before);

    await writeFile(path, yaml.replace("precision: unknown", 'value: "2025-04-05"\n        precision: day'));
    const ok = await inbox.approve(draft.id, undefined, NOW);
    expect(ok.ok).toBe(true);
    const after = await loadCorpus(dataDir);
    if (!after.ok) throw new Error(JSON.stringify(after.errors));
    expect(after.corpus.data.events.find((e) => e.provinces.includes("oudomxay"))?.date).toEqual({
      value: "2025-04-05",
      precision: "day",
    });
  });

  it("refuses a page already in the corpus, and rejects a draft without touching data/", async () => {
    const dup = await draftOf("../../../data/sources/001_809524e14a84028a.txt");
    await expect(inbox.approve(dup.id, undefined, NOW)).rejects.toThrow(/already in the corpus as 001_/);
    const before = await snapshot();
    await inbox.reject(dup.id);
    expect(await inbox.list()).toEqual([]);
    expect(await snapshot()).toBe(before);
    await expect(inbox.get("../../etc")).rejects.toThrow(/no draft/);
  });

  it("gives each reason to look again in the reviewer's language, and reads a draft whose reasons are English only", async () => {
    const draft = await draftOf("no-year.txt");
    const shown = (lang: "vi" | "en") => JSON.stringify(reviewReply(draft, lang).blocks);
    expect(shown("vi")).toContain("được in không kèm năm");
    expect(shown("vi")).not.toContain("printed without a year");
    expect(shown("en")).toContain("printed without a year");

    // A draft saved before the reasons had both languages: its English reason is shown in both.
    const path = join(inbox.dir, `${draft.id}.yaml`);
    const yaml = await readFile(path, "utf8");
    const older = yaml.replace(/text:\n(\s+)vi: .*\n\s+en: (.*)\n/gu, "text: $2\n");
    expect(older).not.toBe(yaml);
    await writeFile(path, older);
    const read = (await inbox.get(draft.id)).draft;
    expect(read.report.uncertain.some((u) => u.text.vi === u.text.en)).toBe(true);
    expect(JSON.stringify(reviewReply(read, "vi").blocks)).toContain("Cần xem lại");
    // Each old English reason is what the Vietnamese reviewer reads (translation notes are not shown in Vietnamese,
    // and an inferred year is explained by its record).
    const shownVi = JSON.stringify(reviewReply(read, "vi").blocks);
    const old = read.report.uncertain.filter((u) => u.kind !== "pending-translation" && u.kind !== "inferred-year");
    expect(old.length).toBeGreaterThan(0);
    for (const u of old) {
      expect(u.text.vi).toBe(u.text.en);
      expect(shownVi).toContain(u.text.en.slice(0, 40));
    }
  });
});
