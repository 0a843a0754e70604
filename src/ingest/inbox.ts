// The inbox: drafts waiting for review in data/inbox/ (<id>.yaml, hand-editable, and <id>.txt, the page as it
// will be stored). Nothing here is read by the corpus loader, so a draft never reaches users before approval.
// Approval re-validates the (possibly hand-edited) draft against the current corpus, appends the chosen records to
// data/, checks the whole directory again, and puts every file back if that check fails.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Document, isMap, isSeq, parseDocument, stringify } from "yaml";
import type { CorpusError } from "../core/validate";
import { type LoadResult, loadCorpus } from "../corpus/load";
import type { Draft } from "./draft";
import { draftSchema } from "./draft-schema";
import { citedProvinces, type RecordSelection, selectRecords, validateDraft } from "./merge";

export interface DraftSummary {
  id: string;
  title: string;
  created: string;
  origin: string;
  records: number;
  uncertain: number;
  errors: number;
  duplicateOf?: string;
}

export type ApproveResult =
  | { ok: true; file: string; approved: string[]; remaining: number }
  | { ok: false; errors: CorpusError[] };

const ID = /^[\w-]{1,64}$/;
const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

export class InboxError extends Error {
  constructor(
    readonly code: "no-such-draft" | "bad-draft" | "duplicate" | "nothing-selected",
    message: string,
  ) {
    super(message);
  }
}

export function recordIds(draft: Draft): string[] {
  const r = draft.records;
  return [...r.events, ...r.agreements, ...r.figures, ...r.people].map((x) => x.id);
}

export class Inbox {
  readonly dir: string;

  constructor(
    readonly dataDir: string,
    private readonly load: (dir: string) => Promise<LoadResult> = loadCorpus,
  ) {
    this.dir = join(dataDir, "inbox");
  }

  async save(draft: Draft, text: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, `${draft.id}.txt`), `${text}\n`, "utf8");
    const header = `# Draft ${draft.id} from ${draft.origin}. Edit freely before approving; the review shows what is uncertain.\n`;
    await writeFile(join(this.dir, `${draft.id}.yaml`), header + stringify(draft, YAML_OPTIONS), "utf8");
  }

  async list(): Promise<DraftSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: DraftSummary[] = [];
    for (const name of names.filter((n) => n.endsWith(".yaml")).sort()) {
      try {
        const { draft } = await this.get(name.replace(/\.yaml$/, ""));
        out.push({
          id: draft.id,
          title: draft.source.title,
          created: draft.created,
          origin: draft.origin,
          records: recordIds(draft).length,
          uncertain: draft.report.uncertain.length,
          errors: draft.report.errors.length,
          ...(draft.report.duplicateOf ? { duplicateOf: draft.report.duplicateOf } : {}),
        });
      } catch (error) {
        out.push({
          id: name.replace(/\.yaml$/, ""),
          title: `(unreadable: ${(error as Error).message.split("\n")[0]})`,
          created: "",
          origin: "",
          records: 0,
          uncertain: 0,
          errors: 1,
        });
      }
    }
    return out;
  }

  async get(id: string): Promise<{ draft: Draft; text: string }> {
    if (!ID.test(id)) throw new InboxError("no-such-draft", `no draft “${id.slice(0, 40)}” in the inbox`);
    let raw: string;
    let text: string;
    try {
      raw = await readFile(join(this.dir, `${id}.yaml`), "utf8");
      text = (await readFile(join(this.dir, `${id}.txt`), "utf8")).replace(/\n$/, "");
    } catch {
      throw new InboxError("no-such-draft", `no draft “${id}” in the inbox`);
    }
    const doc = parseDocument(raw);
    if (doc.errors.length) {
      throw new InboxError("bad-draft", `${id}.yaml: ${doc.errors[0]?.message.split("\n")[0] ?? "not YAML"}`);
    }
    const parsed = draftSchema.safeParse(doc.toJS());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InboxError(
        "bad-draft",
        `${id}.yaml ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid draft"}`,
      );
    }
    return { draft: parsed.data as Draft, text };
  }

  /** Moves a draft out of the inbox into inbox/rejected/ (kept, never loaded). */
  async reject(id: string): Promise<Draft> {
    const { draft } = await this.get(id);
    await this.archive(id, "rejected");
    return draft;
  }

  private async archive(id: string, where: "rejected" | "approved"): Promise<void> {
    const dir = join(this.dir, where);
    await mkdir(dir, { recursive: true });
    for (const ext of ["yaml", "txt"]) await rename(join(this.dir, `${id}.${ext}`), join(dir, `${id}.${ext}`));
  }

  /**
   * Moves the selected records (all when `selection` is undefined) into data/. The rest stay in the draft.
   * Refused with the list of errors when the corpus would not validate; data/ is then left as it was.
   */
  async approve(id: string, selection: RecordSelection, now: string): Promise<ApproveResult> {
    const { draft, text } = await this.get(id);
    if (draft.report.duplicateOf) {
      throw new InboxError("duplicate", `this page is already in the corpus as ${draft.report.duplicateOf}`);
    }
    const unknown = [...(selection ?? [])].filter((x) => !recordIds(draft).includes(x));
    if (unknown.length) throw new InboxError("nothing-selected", `not in draft ${id}: ${unknown.join(", ")}`);
    const records = selectRecords(draft.records, selection);
    const chosen = recordIds({ ...draft, records });
    if (chosen.length === 0) throw new InboxError("nothing-selected", `draft ${id} has no records to approve`);

    const current = await this.load(this.dataDir);
    if (!current.ok) return { ok: false, errors: current.errors };
    const { data, texts } = current.corpus;
    const file = draft.source.file;
    const existing = texts.get(file);
    if (existing !== undefined && existing.replace(/\n$/, "") !== text) {
      return {
        ok: false,
        errors: [
          {
            file: `sources/${file}`,
            path: "(file)",
            message: "another file already has this name; re-ingest the page",
          },
        ],
      };
    }
    const errors = validateDraft(data as never, texts, draft, text, records);
    if (errors.length) return { ok: false, errors };

    const paths = {
      source: join(this.dataDir, "sources", file),
      sources: join(this.dataDir, "sources.yaml"),
      events: join(this.dataDir, "events.yaml"),
      agreements: join(this.dataDir, "agreements.yaml"),
      figures: join(this.dataDir, "figures.yaml"),
      people: join(this.dataDir, "people.yaml"),
      provinces: join(this.dataDir, "provinces.yaml"),
    };
    const before = new Map<string, string>();
    for (const [key, path] of Object.entries(paths)) {
      if (key === "source") continue;
      before.set(path, await readFile(path, "utf8"));
    }
    const stamp = `# Ingested from ${file} (draft ${id}), approved ${now.slice(0, 10)}.`;
    const append = (path: string, list: unknown[]) => {
      if (list.length === 0) return;
      const old = before.get(path) ?? "";
      before.set(path, old);
      edits.set(path, `${(edits.get(path) ?? old).replace(/\n*$/, "\n")}\n${stamp}\n${stringify(list, YAML_OPTIONS)}`);
    };
    const edits = new Map<string, string>();
    if (!data.sources.some((s) => s.file === file)) append(paths.sources, [draft.source]);
    append(paths.events, records.events);
    append(paths.agreements, records.agreements);
    append(paths.figures, records.figures);
    const known = new Set(data.people.map((p) => p.id));
    append(
      paths.people,
      records.people.filter((p) => !known.has(p.id)),
    );
    // An existing person gets the new roles in place; a province a fact now cites is covered.
    const roleAdds = records.people.filter((p) => known.has(p.id));
    if (roleAdds.length) {
      // Parsed as a plain Document so nodes can be added (a parsed document's nodes are typed as read-only input).
      const doc: Document = parseDocument(edits.get(paths.people) ?? before.get(paths.people) ?? "");
      for (const p of roleAdds) {
        const node = isSeq(doc.contents)
          ? doc.contents.items.find((it) => isMap(it) && String(it.get("id")) === p.id)
          : undefined;
        const roles = isMap(node) ? node.get("roles") : undefined;
        if (isSeq(roles)) for (const role of p.roles) roles.add(doc.createNode(role));
      }
      edits.set(paths.people, doc.toString(YAML_OPTIONS));
    }
    const toCover = [...citedProvinces(records)].filter((p) => data.provinces.some((q) => q.id === p && !q.covered));
    if (toCover.length) {
      const doc: Document = parseDocument(before.get(paths.provinces) ?? "");
      if (isSeq(doc.contents)) {
        for (const it of doc.contents.items)
          if (isMap(it) && toCover.includes(String(it.get("id")))) it.set("covered", true);
      }
      edits.set(paths.provinces, doc.toString(YAML_OPTIONS));
    }

    const wroteSource = existing === undefined;
    try {
      if (wroteSource) await writeFile(paths.source, `${text}\n`, "utf8");
      for (const [path, content] of edits) await writeFile(path, content, "utf8");
      const check = await this.load(this.dataDir);
      if (!check.ok) throw Object.assign(new Error("invalid"), { errors: check.errors });
    } catch (error) {
      for (const path of edits.keys()) await writeFile(path, before.get(path) ?? "", "utf8");
      if (wroteSource) await rm(paths.source, { force: true });
      const errs = (error as { errors?: CorpusError[] }).errors;
      if (errs) return { ok: false, errors: errs };
      throw error;
    }

    // What was not approved stays in the draft for later; an emptied draft is archived.
    const left = new Set(recordIds(draft).filter((x) => !chosen.includes(x)));
    if (left.size === 0) {
      await this.archive(id, "approved");
    } else {
      const rest = { ...draft, records: selectRecords(draft.records, left) };
      await this.save(rest, text);
    }
    return { ok: true, file, approved: chosen, remaining: left.size };
  }
}
