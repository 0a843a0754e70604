// The registered commands, in the order help lists them. A new command is one file plus one line here.
import type { Command } from "../src/core/command";
import { agreements } from "./agreements";
import { anniversaries } from "./anniversaries";
import { audit } from "./audit";
import { help } from "./help";
import { province } from "./province";
import { reload } from "./reload";
import { search } from "./search";
import { source } from "./source";
import { status } from "./status";
import { timeline } from "./timeline";

export const commands: readonly Command[] = [
  help,
  province,
  agreements,
  timeline,
  anniversaries,
  search,
  source,
  status,
  reload,
  audit,
];
