import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Platform tests bind local ports and some start a redis-server; keep parallelism modest on 2 cores.
    maxWorkers: 2,
  },
});
