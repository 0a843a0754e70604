// The registered commands, in the order help lists them. A new command is one file plus one line here.
import type { Command } from "../src/core/command";
import { audit } from "./audit";
import { help } from "./help";
import { reload } from "./reload";
import { status } from "./status";

export const commands: readonly Command[] = [help, status, reload, audit];
