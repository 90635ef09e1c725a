import { afterEach, describe, expect, it } from "vitest";
import { readyBanner, recordStartup, startupFacts } from "./startup";

const facts = {
  database: "pglite" as const,
  dataDir: "data",
  demoAccounts: [
    { email: "admin@callback.test", role: "ADMIN" },
    { email: "free@callback.test", role: "PROFESSIONAL", note: "no subscription" },
  ],
  demoPassword: "callback-demo",
};

describe("the ready banner", () => {
  afterEach(() => recordStartup(undefined as never));

  it("says where to go, how to sign in and where the data lives", () => {
    const banner = readyBanner("http://localhost:3000", facts, 41.6);
    expect(banner).toContain("Callback is ready after 42 s: open http://localhost:3000");
    expect(banner).toContain("Demo accounts (password callback-demo):");
    expect(banner).toMatch(/admin@callback\.test +admin\n/);
    expect(banner).toContain("free@callback.test   casting professional (no subscription)");
    expect(banner).toContain("Data (embedded database and photos): data;");
  });

  it("leaves out the demo accounts when there are none, and names PostgreSQL", () => {
    const banner = readyBanner("http://localhost:3000", { ...facts, database: "postgres", demoAccounts: [] }, 3);
    expect(banner).not.toContain("Demo accounts");
    expect(banner).toContain("Data: the PostgreSQL database in DATABASE_URL.");
  });

  it("is shared through the process, whichever copy of the module recorded it", () => {
    recordStartup(facts);
    expect((globalThis as { callbackStartup?: unknown }).callbackStartup).toBe(facts);
    expect(startupFacts()).toBe(facts);
  });
});
