// Where the console and `npm run ask` put a reply's file (a chart, a briefing note): a folder on disk, under
// its readable name, or its plain-ASCII name where the file system refuses the other.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Attachment } from "../../core/reply";

/** Writes the attachment into `dir` (created if needed) and returns the absolute path written. */
export async function saveAttachment(dir: string, file: Attachment): Promise<string> {
  await mkdir(dir, { recursive: true });
  const readable = resolve(join(dir, file.fileName));
  try {
    await writeFile(readable, file.bytes);
    return readable;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EILSEQ" && code !== "EINVAL" && code !== "ENAMETOOLONG") throw error;
    const ascii = resolve(join(dir, file.asciiFileName));
    await writeFile(ascii, file.bytes);
    return ascii;
  }
}
