// Loaded with `node --import` into the bot process of bench/webhook.ts for its capacity run only: grammY's
// throttler (@grammyjs/transformer-throttler) becomes a pass-through, so the run measures what the bot can do
// rather than Telegram's 30 messages a second. Everything else is the production program (dist/main.js)
// unchanged; no setting a user could reach turns the throttler off.
import { register } from "node:module";

const passThrough =
  "export function apiThrottler() { return (prev, method, payload, signal) => prev(method, payload, signal); }";
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === "@grammyjs/transformer-throttler") {
    return { url: ${JSON.stringify(`data:text/javascript,${encodeURIComponent(passThrough)}`)}, shortCircuit: true };
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
