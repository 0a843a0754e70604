import type { Caller } from "../../core/command";
import type { Asker } from "../shared/asker";

/** The local operator at the console: a private chat whose user is an admin of it. */
export const consoleCaller: Caller = {
  userId: "console:local",
  chatId: "console:local",
  platform: "console",
  isChatAdmin: true,
  chatKind: "private",
  displayName: "console",
};

/** The same operator as the shared pipeline meets them: Vietnamese until a language is chosen. */
export const consoleAsker: Asker = {
  platform: consoleCaller.platform,
  userId: consoleCaller.userId as string,
  chatId: consoleCaller.chatId,
  chatKind: consoleCaller.chatKind,
  displayName: consoleCaller.displayName as string,
  clientLang: "vi",
  isChatAdmin: true,
};
