// The ids the core and the store see are "<platform>:<what the platform calls it>": "telegram:-100123:45" (a
// chat and its forum topic), "discord:<guild>:<channel>". Each platform's folder says what goes after the
// prefix; the prefixing and the reading back are done once, here.

export interface PlatformIds {
  /** The platform's name: the prefix of its ids, `Caller.platform`, `Subscription.platform`. */
  readonly platform: string;
  user(id: string | number): string;
  chat(...parts: readonly (string | number)[]): string;
  /** The parts after the prefix of one of this platform's ids (split at ":"); undefined for anyone else's. */
  parts(id: string): string[] | undefined;
}

/** A platform name: lowercase letters, digits, "-" and "_" (it prefixes ids, so never a ":"). */
export const PLATFORM_NAME = /^[a-z][a-z0-9_-]{0,31}$/;

export function platformIds(platform: string): PlatformIds {
  if (!PLATFORM_NAME.test(platform)) throw new Error(`not a platform name: "${platform}"`);
  const prefix = `${platform}:`;
  return {
    platform,
    user: (id) => `${prefix}${id}`,
    chat: (...parts) => `${prefix}${parts.join(":")}`,
    parts: (id) =>
      id.startsWith(prefix) && id.length > prefix.length ? id.slice(prefix.length).split(":") : undefined,
  };
}
