// File names people can read in a chat or a downloads folder: "Hữu Nghị – Sơn La – 29-11-2026.docx", and the
// same name in plain ASCII ("Huu-Nghi_Son-La_29-11-2026.docx") for clients and file systems that mangle it.
import { fold } from "../core/normalize";

export interface FileNames {
  fileName: string;
  asciiFileName: string;
}

/** `parts` such as ["Hữu Nghị", "Sơn La"]; `today` is YYYY-MM-DD; `ext` without the dot. */
export function readableFileName(parts: readonly string[], today: string, ext: string): FileNames {
  const date = `${today.slice(8, 10)}-${today.slice(5, 7)}-${today.slice(0, 4)}`;
  // Characters no file system takes, and control characters, never reach a name.
  const clean = (s: string) =>
    s
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim();
  const ascii = (s: string) =>
    fold(clean(s))
      .replace(/[^a-z0-9 ]+/g, "")
      .trim()
      .split(" ")
      .filter(Boolean)
      .map((word) => word[0]?.toUpperCase() + word.slice(1))
      .join("-");
  return {
    fileName: `${[...parts.map(clean), date].join(" – ")}.${ext}`,
    asciiFileName: `${[...parts.map(ascii), date].join("_")}.${ext}`,
  };
}
