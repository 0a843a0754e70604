import { afterEach, describe, expect, it } from "vitest";
import { startRedis } from "../support/redis";

describe("the Redis test support", () => {
  const saved = process.env.REDIS_SERVER_BIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.REDIS_SERVER_BIN;
    else process.env.REDIS_SERVER_BIN = saved;
  });

  it("fails with the install command, rather than skipping, when redis-server is missing", async () => {
    process.env.REDIS_SERVER_BIN = "/nonexistent/redis-server";
    await expect(startRedis()).rejects.toThrow(/apt-get install redis-server/);
  });
});
