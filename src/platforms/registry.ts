// The platforms the bot runs, each registered by the composition root in one line: they start and stop with the
// bot, say whether they are connected (readiness, /status), and their chats get digests through them. The
// scheduler is built before the platforms (the services need it), so it is given `senders` and `queues` empty;
// they are filled here as each platform registers, under its adapter's name, and read when it first delivers.
import type { QueueOptions } from "../schedule/queue";
import type { Sender } from "../schedule/scheduler";
import type { PlatformAdapter } from "./adapter";

type QueueSettings = Omit<QueueOptions, "logger">;

export class PlatformRegistry {
  readonly adapters: PlatformAdapter[] = [];
  readonly senders: Record<string, Sender> = {};
  /** Each platform's digest limits and group rule (PlatformAdapter.digestLimits, isGroupChat). */
  readonly queues: Record<string, QueueSettings> = {};

  /** Adds a platform; `queue` (configured limits) wins over its own. Two platforms may not share a name. */
  register<A extends PlatformAdapter>(adapter: A, queue: QueueSettings = {}): A {
    if (this.senders[adapter.name]) throw new Error(`two platforms named "${adapter.name}"`);
    this.adapters.push(adapter);
    this.senders[adapter.name] = (chatId, reply) => adapter.send(chatId, reply);
    this.queues[adapter.name] = {
      ...adapter.digestLimits,
      isGroup: (chatId) => adapter.isGroupChat(chatId),
      ...queue,
    };
    return adapter;
  }

  status(): { name: string; connected: boolean }[] {
    return this.adapters.map((a) => ({ name: a.name, connected: a.connected() }));
  }
}
