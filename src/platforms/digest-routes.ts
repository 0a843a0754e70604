// The platforms registered, as the scheduler sees them: under each adapter's name, its sender and its delivery
// queue's limits and group rule. The scheduler is built before the platforms (the services need it), so these
// are filled in as each adapter is registered; the scheduler reads them when it first delivers.
import type { QueueOptions } from "../schedule/queue";
import type { Sender } from "../schedule/scheduler";
import type { PlatformAdapter } from "./adapter";

export interface DigestRoutes {
  senders: Record<string, Sender>;
  queues: Record<string, Omit<QueueOptions, "logger">>;
}

export function digestRoutes(): DigestRoutes {
  return { senders: {}, queues: {} };
}

/** Routes digests for `adapter.name` to it; `queue` (configured limits) wins over the adapter's own. */
export function routeDigests(
  routes: DigestRoutes,
  adapter: PlatformAdapter,
  queue: Omit<QueueOptions, "logger"> = {},
): void {
  if (routes.senders[adapter.name]) throw new Error(`two platforms named "${adapter.name}"`);
  routes.senders[adapter.name] = (chatId, reply) => adapter.send(chatId, reply);
  routes.queues[adapter.name] = {
    ...adapter.digestLimits,
    isGroup: (chatId) => adapter.isGroupChat(chatId),
    ...queue,
  };
}
