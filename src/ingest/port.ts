// What the chat commands may ask of the ingest pipeline (a port in Services): draft a page into the inbox, list,
// show, approve or reject drafts. The bot's implementation reads the current corpus snapshot, keeps drafts in
// data/inbox/ and reloads after an approval.
import type { Corpus } from "../core/corpus";
import type { CorpusData } from "../core/model";
import type { ReloadOutcome } from "../core/services";
import type { Draft } from "./draft";
import { type ApproveResult, type DraftSummary, Inbox } from "./inbox";
import type { IngestInput } from "./ingest";

export interface IngestPort {
  /** Drafts a page into the inbox and returns the draft (with its review report). */
  draft(input: IngestInput, when: { today: string; now: string }): Promise<Draft>;
  list(): Promise<DraftSummary[]>;
  get(id: string): Promise<Draft>;
  /** Approves all records (no selection) or some; on success the corpus is reloaded. */
  approve(
    id: string,
    selection: ReadonlySet<string> | undefined,
    now: string,
  ): Promise<ApproveResult & { reload?: ReloadOutcome }>;
  reject(id: string): Promise<Draft>;
}

export function inboxPort(dataDir: string, corpus: () => Corpus, reload: () => Promise<ReloadOutcome>): IngestPort {
  const inbox = new Inbox(dataDir);
  return {
    async draft(input, when) {
      const current = corpus();
      const pending = (await inbox.list()).map((d) => d.id);
      const reserved: string[] = [];
      for (const id of pending) {
        try {
          reserved.push((await inbox.get(id)).draft.source.file);
        } catch {
          // An unreadable draft reserves nothing; /inbox shows it as unreadable.
        }
      }
      // Loaded on first use: the HTML reducer (linkedom, Readability) stays out of the bot's start-up.
      const { ingest } = await import("./ingest");
      const { draft, page } = ingest(
        input,
        { data: current.data as CorpusData, texts: current.texts, ...when },
        reserved,
      );
      await inbox.save(draft, page.text);
      return draft;
    },
    list: () => inbox.list(),
    get: async (id) => (await inbox.get(id)).draft,
    async approve(id, selection, now) {
      const result = await inbox.approve(id, selection, now);
      return result.ok ? { ...result, reload: await reload() } : result;
    },
    reject: (id) => inbox.reject(id),
  };
}
