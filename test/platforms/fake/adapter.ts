// A third platform, in a test: the in-memory Matrix-like homeserver (homeserver.ts) through the adapter interface
// and the shared pipeline, and nothing else. It reads its updates into an Asker, answers through a Conversation,
// draws the offers as rows of buttons, renders replies as plain text, and names its ids.
import { parseCommandText } from "../../../src/core/dispatch";
import { pageData } from "../../../src/core/paging";
import { type Reply, renderPlain } from "../../../src/core/reply";
import { type AdapterDeps, ChatGoneError, type PlatformAdapter } from "../../../src/platforms/adapter";
import type { Asker } from "../../../src/platforms/shared/asker";
import { platformIds } from "../../../src/platforms/shared/ids";
import type { Offers } from "../../../src/platforms/shared/offers";
import { type Conversation, createPipeline } from "../../../src/platforms/shared/pipeline";
import { type Button, ForbiddenError, type Homeserver, type Update } from "./homeserver";

export const matrixIds = platformIds("matrix");

/** ‹ previous · next ›, then actions, quotes and suggestions, a row each. */
export function buttonsOf(offers: Offers): Button[][] {
  const rows: Button[][] = [];
  const nav = offers.pages;
  if (nav) {
    const row: Button[] = [];
    if (nav.page > 1) row.push({ label: "‹", data: pageData(nav.token, nav.page - 1) });
    if (nav.page < nav.pageCount) row.push({ label: "›", data: pageData(nav.token, nav.page + 1) });
    rows.push(row);
  }
  if (offers.actions.length > 0) rows.push(offers.actions);
  if (offers.quotes) rows.push([offers.quotes]);
  if (offers.suggestions.length > 0) rows.push(offers.suggestions.map((s) => ({ ...s, label: `→ ${s.label}` })));
  return rows;
}

export function createMatrixAdapter(server: Homeserver, deps: AdapterDeps): PlatformAdapter {
  const pipeline = createPipeline(deps, { whispers: false });

  const askerOf = (update: Update): Asker => ({
    platform: matrixIds.platform,
    userId: matrixIds.user(update.user),
    chatId: matrixIds.chat(update.room),
    chatKind: server.kind(update.room) === "direct" ? "private" : "group",
    clientLang: update.locale.startsWith("en") ? "en" : "vi",
    isChatAdmin: () => server.isAdmin(update.room, update.user),
  });

  function conversationOf(update: Update): Conversation {
    const post = async (room: string, reply: Reply, offers: Offers) => {
      await server.post(room, renderPlain(reply), buttonsOf(offers));
    };
    return {
      run: (work) => work(),
      post: (reply, offers) => post(update.room, reply, offers),
      postPrivately: (reply, offers) => post(server.directRoom(update.user), reply, offers),
      ...(update.kind === "press"
        ? {
            replace: (reply: Reply, offers: Offers) =>
              server.edit(update.message, renderPlain(reply), buttonsOf(offers)),
          }
        : {}),
      expired: async () => {
        await server.post(update.room, "This button has expired: run the command again.");
      },
    };
  }

  async function onUpdate(update: Update): Promise<void> {
    if (update.kind === "press") return pipeline.press(update.data, askerOf(update), conversationOf(update));
    const parsed = parseCommandText(update.text);
    if (!parsed) return;
    await pipeline.command({ command: parsed.name, text: parsed.text }, askerOf(update), conversationOf(update));
  }

  const roomOf = (chatId: string): string | undefined => matrixIds.parts(chatId)?.join(":");

  return {
    name: matrixIds.platform,
    isGroupChat: (chatId) => server.kind(roomOf(chatId) ?? "") === "group",
    async start() {
      server.connect(onUpdate);
    },
    async stop() {
      server.disconnect();
    },
    connected: () => server.connected(),
    async send(chatId, reply) {
      const room = roomOf(chatId);
      if (!room) throw new Error(`not a Matrix chat id: ${chatId}`);
      try {
        await server.post(room, renderPlain(reply));
      } catch (error) {
        throw error instanceof ForbiddenError ? new ChatGoneError(chatId, error) : error;
      }
    },
  };
}
