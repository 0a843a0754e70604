// What the Dockerfile says, read with the same parser as editors' Docker support (dockerfile-ast), and a stand-in
// for the image on a machine without Docker: an app directory laid out as the build stage lays out /app.
import { cp, mkdir, mkdtemp, readdir, readFile, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DockerfileParser, type Instruction } from "dockerfile-ast";

export const REPO = join(import.meta.dirname, "..", "..");

export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

export async function readDockerfile(): Promise<{ text: string; stages: Stage[]; args: Map<string, string> }> {
  const text = await readFile(join(REPO, "Dockerfile"), "utf8");
  const dockerfile = DockerfileParser.parse(text);
  const args = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property?.getName()) args.set(property.getName(), property.getValue() ?? "");
  }
  const stages = dockerfile.getFROMs().map((from) => {
    const range = from.getRange();
    const next = dockerfile.getFROMs().find((f) => f.getRange().start.line > range.start.line);
    const instructions = dockerfile
      .getInstructions()
      .filter(
        (i) =>
          i.getRange().start.line > range.start.line && (!next || i.getRange().start.line < next.getRange().start.line),
      );
    const image = (from.getImageName() ?? "").replace(/^\$\{?(\w+)\}?$/, (_, name: string) => args.get(name) ?? "");
    const name = from.getBuildStage();
    return { image, instructions, ...(name ? { name } : {}) };
  });
  return { text, stages, args };
}

/** The arguments of an instruction's JSON (exec) form, e.g. CMD ["node", "dist/main.js"]. */
export function execForm(instruction: Instruction | undefined, keyword: string): string[] {
  if (!instruction) throw new Error(`no ${keyword} in the final stage`);
  const raw = instruction.getArgumentsContent() ?? "";
  const json = keyword === "HEALTHCHECK" ? raw.slice(raw.indexOf("CMD") + 3).trim() : raw.trim();
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === "string")) {
    throw new Error(`${keyword} is not in exec form: ${raw}`);
  }
  return parsed;
}

export function lastOf(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((i) => i.getKeyword() === keyword).pop();
}

/** ENV KEY=value pairs of a stage, in order. */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of stage.instructions.filter((i) => i.getKeyword() === "ENV")) {
    for (const property of (instruction as unknown as { getProperties(): PropertyLike[] }).getProperties()) {
      env[property.getName()] = property.getValue() ?? "";
    }
  }
  return env;
}

interface PropertyLike {
  getName(): string;
  getValue(): string | null;
}

/** Names `COPY . .` leaves out (.dockerignore: exact names and `*.ext` patterns at the top level). */
async function dockerIgnored(): Promise<(name: string) => boolean> {
  const lines = (await readFile(join(REPO, ".dockerignore"), "utf8"))
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#") && !l.startsWith("!"));
  return (name) =>
    lines.some((pattern) =>
      pattern.startsWith("*")
        ? name.endsWith(pattern.slice(1))
        : pattern.endsWith(".*")
          ? name.startsWith(pattern.slice(0, -1))
          : name === pattern,
    );
}

/**
 * The build context copied the way `COPY . .` copies it, into a fresh directory that stands for /app, with the
 * repository's installed node_modules linked in (the stage's `npm ci`). The caller runs the build in it.
 */
export async function appDirectory(): Promise<string> {
  const app = join(await mkdtemp(join(tmpdir(), "huunghi-image-")), "app");
  await mkdir(app);
  const ignored = await dockerIgnored();
  for (const entry of await readdir(REPO)) {
    if (ignored(entry)) continue;
    await cp(join(REPO, entry), join(app, entry), { recursive: true });
  }
  await symlink(join(REPO, "node_modules"), join(app, "node_modules"), "dir");
  return app;
}
