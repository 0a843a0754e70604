// The registered commands, in the order help lists them. A new command is one file plus one line here.
import type { Command } from "../src/core/command";
import { help } from "./help";

export const commands: readonly Command[] = [help];
