// The bot's version, from package.json (the one number /status, --version and the CHANGELOG share).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export const BOT_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, "..", "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
})();

/** "huunghi-bot 0.2.0 (Node v20.20.2)": what --version prints. */
export function versionLine(): string {
  return `huunghi-bot ${BOT_VERSION} (Node ${process.version})`;
}
