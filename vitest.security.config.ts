import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The adversarial suite's database-level half (`npm run test:security`): hostile
 * input and property tests for the validators, races, account data rights. It
 * runs on the PostgreSQL server at TEST_DATABASE_URL when set (real concurrency
 * for the races), otherwise on in-memory PGlite.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      "server-only": path.resolve(import.meta.dirname, "src/test/server-only-stub.ts"),
    },
  },
  test: {
    name: "security",
    environment: "node",
    include: ["tests/security/**/*.test.ts"],
    setupFiles: ["src/test/setup.ts"],
    env: { BETTER_AUTH_SECRET: "security-tests-secret-0123456789abcdef", LOG_LEVEL: "silent" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
