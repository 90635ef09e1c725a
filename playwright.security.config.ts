import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * The adversarial suite's HTTP half (`npm run test:security`): attacks on a
 * production build served on PostgreSQL (SECURITY_DATABASE_URL's server,
 * database callback_security, recreated and seeded with the demo data).
 */
export const securityPort = Number(process.env.SECURITY_PORT ?? 3300);
const server = new URL(process.env.SECURITY_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
server.pathname = "/callback_security";
export const securityEnv = {
  DATABASE_URL: server.toString(),
  BETTER_AUTH_SECRET: "security-stories-secret-0123456789abcdef",
  BETTER_AUTH_URL: `http://localhost:${securityPort}`,
  MESSAGE_EMAIL_DELAY_SECONDS: "0",
  EMAIL_WORKER_INTERVAL_MS: "500",
  LOG_LEVEL: "warn",
};

export default defineConfig({
  ...base,
  testDir: "tests/security/http",
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  use: { ...base.use, baseURL: `http://localhost:${securityPort}` },
  webServer: {
    command: "tsx scripts/ops-server.ts --fresh",
    url: `http://localhost:${securityPort}/api/ready`,
    timeout: 300_000,
    // Locally a running security server may be reused (it must have been started fresh); CI always starts one.
    reuseExistingServer: !process.env.CI,
    env: { ...securityEnv, PORT: String(securityPort), SEED_DEMO_DATA: "always" },
    stdout: "pipe",
    stderr: "pipe",
  },
});
