// What the composition root needs from src/schedule.
export { type Clock, ManualClock, systemClock } from "./clock";
export { type DigestSettings, digestSettingsFromEnv } from "./config";
export { type CatchUp, deliveryKey, nextDue, periodAt } from "./period";
export { type DeliveryOutcome, DeliveryQueue, type RateLimits, TELEGRAM_LIMITS } from "./queue";
export {
  createScheduler,
  type DeliveryEvent,
  type Scheduler,
  type SchedulerOptions,
  type Sender,
  type TickReport,
} from "./scheduler";
