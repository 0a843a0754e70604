import type { Caller } from "../../core/command";

/** The local operator at the console: a private chat whose user is an admin of it. */
export const consoleCaller: Caller = {
  userId: "console:local",
  chatId: "console:local",
  platform: "console",
  isChatAdmin: true,
  chatKind: "private",
  displayName: "console",
};
