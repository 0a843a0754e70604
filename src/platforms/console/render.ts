import { type Reply, renderPlain } from "../../core/reply";

/** The console shows a reply as plain text, with labels in the reply's language. */
export function renderForConsole(reply: Reply): string {
  return renderPlain(reply);
}
