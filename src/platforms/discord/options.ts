// Slash command options → the core's typed ArgValues. Only the command's own arguments are taken;
// the core checks ranges and formats (checkTypedArgs), as it does for typed text.
import type { CommandInteractionOption } from "discord.js";
import type { ArgValue, ArgValues, Command } from "../../core/command";

export function argsOf(options: readonly CommandInteractionOption[], command: Command | undefined): ArgValues {
  const wanted = new Set(command?.args.map((a) => a.name));
  const out: Record<string, ArgValue> = {};
  for (const o of options) {
    if (command && !wanted.has(o.name)) continue;
    if (typeof o.value === "string" || typeof o.value === "number") out[o.name] = o.value;
  }
  return out;
}
