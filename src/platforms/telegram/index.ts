// The Telegram adapter's public surface.
export { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterOptions } from "./adapter";
export { telegramOptionsFromEnv } from "./env";
export { renderReply } from "./render";
