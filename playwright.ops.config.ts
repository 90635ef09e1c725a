import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * Operations stories: two production instances on one PostgreSQL database
 * (OPS_DATABASE_URL's server, database callback_ops), as behind a load
 * balancer. Instance A migrates and seeds the demo data; instance B serves
 * the same build. Both run the worker inline, as a deployment may.
 */
export const opsPorts = {
  a: Number(process.env.OPS_PORT_A ?? 3200),
  b: Number(process.env.OPS_PORT_B ?? 3201),
  c: Number(process.env.OPS_PORT_C ?? 3202),
};
const server = new URL(process.env.OPS_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
server.pathname = "/callback_ops";
export const opsEnv = {
  DATABASE_URL: server.toString(),
  BETTER_AUTH_SECRET: "operations-stories-secret-0123456789abcdef",
  // The public address both instances answer for (their load balancer's).
  BETTER_AUTH_URL: `http://localhost:${opsPorts.a}`,
  METRICS_TOKEN: "operations-metrics-token",
  MESSAGE_EMAIL_DELAY_SECONDS: "0",
  EMAIL_WORKER_INTERVAL_MS: "500",
  LOG_LEVEL: "info",
};

export default defineConfig({
  ...base,
  testDir: "tests/ops",
  fullyParallel: false,
  workers: 1,
  webServer: [
    {
      command: "tsx scripts/ops-server.ts --fresh",
      url: `http://localhost:${opsPorts.a}/api/ready`,
      timeout: 300_000,
      reuseExistingServer: false,
      env: { ...opsEnv, PORT: String(opsPorts.a), SEED_DEMO_DATA: "always" },
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "tsx scripts/ops-server.ts",
      url: `http://localhost:${opsPorts.b}/api/ready`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { ...opsEnv, PORT: String(opsPorts.b), SEED_DEMO_DATA: "never" },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
