// The registered commands, in the order help lists them. A new command is one file plus one line here.
import type { Command } from "../src/core/command";
import { agreements } from "./agreements";
import { anniversaries } from "./anniversaries";
import { ask } from "./ask";
import { audit } from "./audit";
import { brief } from "./brief";
import { digest } from "./digest";
import { help } from "./help";
import { inbox } from "./inbox";
import { ingest } from "./ingest";
import { lang } from "./lang";
import { province } from "./province";
import { reload } from "./reload";
import { review } from "./review";
import { search } from "./search";
import { settings } from "./settings";
import { source } from "./source";
import { status } from "./status";
import { subscribe } from "./subscribe";
import { timeline } from "./timeline";
import { unsubscribe } from "./unsubscribe";

export const commands: readonly Command[] = [
  help,
  province,
  brief,
  agreements,
  timeline,
  anniversaries,
  search,
  ask,
  source,
  digest,
  subscribe,
  unsubscribe,
  settings,
  lang,
  status,
  reload,
  ingest,
  inbox,
  review,
  audit,
];
