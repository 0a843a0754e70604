// --watch-data: reload when files in data/ change. Editors write in bursts (temp file, rename, chmod),
// so events are debounced into one reload after things have been quiet for a moment.
import { type FSWatcher, watch } from "node:fs";
import type { Logger } from "pino";

export interface DataWatchOptions {
  debounceMs?: number;
  logger?: Logger;
}

export interface DataWatch {
  close(): void;
}

/** Editor droppings and hidden files never trigger a reload. */
export function isDataFile(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? "";
  if (base === "" || base.startsWith(".") || base.endsWith("~") || /\.(swp|swx|tmp|bak)$/i.test(base)) return false;
  return /\.(ya?ml|json|txt|md)$/i.test(base);
}

export function watchData(dir: string, onChange: () => void, options: DataWatchOptions = {}): DataWatch {
  const debounceMs = options.debounceMs ?? 500;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined = watch(dir, { recursive: true }, (_event, name) => {
    if (name !== null && !isDataFile(name.toString())) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      options.logger?.info({ dir }, "data changed; reloading");
      onChange();
    }, debounceMs);
  });
  watcher.on("error", (error) => options.logger?.error({ err: error, dir }, "watching data/ failed"));
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}
