// The Telegram adapter's public surface.
export { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterOptions } from "./adapter";
export { renderReply } from "./render";
