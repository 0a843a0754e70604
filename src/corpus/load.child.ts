// Child process: builds the corpus of data/ and saves its snapshot, then ends. The bot's process restores that
// snapshot instead of building: the peak of a build (2.5 GB at ×1000) and the memory the allocator keeps after it
// end with this process, and the bot holds a corpus as compact as one restored at a restart (load.ts).
import { buildSnapshotFile, type LoadOptions } from "./load";

export interface ChildRequest {
  dataDir: string;
  options: LoadOptions & { cacheDir: string; fresh?: boolean };
}

export type ChildReply =
  | { ok: true; path: string; key: string; cached: boolean }
  | { ok: false; errors: { file: string; path: string; message: string }[] }
  | { ok: false; crashed: string };

// The bot's process gone, there is no one to build for.
process.on("disconnect", () => process.exit(0));
process.once("message", (request: ChildRequest) => {
  buildSnapshotFile(request.dataDir, request.options)
    .catch((error: unknown): ChildReply => ({ ok: false, crashed: (error as Error)?.message ?? String(error) }))
    .then((reply) => process.send?.(reply satisfies ChildReply, () => process.exit(0)));
});
