// Runs one build of data/ in a child process (load.child.ts) and waits for the snapshot it saves.
import type { ChildReply, ChildRequest } from "./load.child";
import { startChild } from "./start-child";

/** Child processes running (each ends on its own once its build is saved). */
const running = new Set<object>();

export function loaderChildren(): number {
  return running.size;
}

/** The child's reply; rejects when it cannot start, or stops before it replies. */
export function buildInChild(request: ChildRequest): Promise<Exclude<ChildReply, { crashed: string }>> {
  return new Promise((resolve, reject) => {
    const child = startChild("load.child");
    running.add(child);
    let reply: ChildReply | undefined;
    child.once("message", (message: ChildReply) => {
      reply = message;
    });
    child.once("error", (error) => {
      running.delete(child);
      reject(new Error(`the corpus loader could not run: ${error.message}`));
    });
    child.once("exit", (code, signal) => {
      running.delete(child);
      if (reply === undefined) reject(new Error(`the corpus loader stopped (${signal ?? `exit code ${code}`})`));
      else if ("crashed" in reply) reject(new Error(`the corpus loader failed: ${reply.crashed}`));
      else resolve(reply);
    });
    child.send(request satisfies ChildRequest);
  });
}
