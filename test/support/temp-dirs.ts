// Temporary directories for a test file, removed after each test: `afterEach(removeTempDirs)`.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_DATA_DIR } from "../../src/app";

const dirs: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A copy of data/ to change. */
export async function copyOfData(): Promise<string> {
  const dir = await tempDir("huunghi-data-");
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}
