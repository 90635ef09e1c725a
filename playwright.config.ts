import { defineConfig } from "@playwright/test";

/**
 * Browser stories against a production build of the app, served on its own
 * port with its own embedded database (only one process may open a PGlite
 * directory, so the e2e server never shares ./data/db with a dev server).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright never downloads a browser of its own here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 420_000,
    reuseExistingServer: !process.env.CI,
    // Message emails go out at once (no 10-minute wait) so the mailbox story can see them.
    env: {
      PORT: String(port),
      DATA_DIR: "./data/e2e",
      BETTER_AUTH_URL: baseURL,
      SEED_DEMO_DATA: "auto",
      MESSAGE_EMAIL_DELAY_SECONDS: "0",
      EMAIL_WORKER_INTERVAL_MS: "500",
      // Signed media links expire quickly, so the story of a leaked link can watch one expire.
      MEDIA_URL_TTL_SECONDS: "30",
      // Every story signs in from this one address: more than the 60 sign-ins in ten minutes one person needs.
      SIGN_IN_LIMIT_PER_ADDRESS: "1000",
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});
