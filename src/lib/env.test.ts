import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const tempDataDir = () => mkdtempSync(path.join(tmpdir(), "callback-env-"));

describe("parseEnv", () => {
  it("runs with no configuration at all, generating a local secret kept in the data directory", () => {
    const dataDir = tempDataDir();
    const env = parseEnv({ DATA_DIR: dataDir });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.BETTER_AUTH_URL).toBe("http://localhost:3000");
    expect(env.BETTER_AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim()).toBe(env.BETTER_AUTH_SECRET);
  });

  it("reuses the generated secret on the next start, so sessions survive restarts", () => {
    const dataDir = tempDataDir();
    expect(parseEnv({ DATA_DIR: dataDir }).BETTER_AUTH_SECRET).toBe(parseEnv({ DATA_DIR: dataDir }).BETTER_AUTH_SECRET);
  });

  it("refuses to start in production on PostgreSQL without BETTER_AUTH_SECRET, and says how to make one", () => {
    expect(() =>
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/callback", DATA_DIR: tempDataDir() }),
    ).toThrow(/BETTER_AUTH_SECRET is required in production with DATABASE_URL/);
  });

  it("accepts a production configuration with its secret", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://db/callback",
      BETTER_AUTH_SECRET: "x".repeat(40),
      BETTER_AUTH_URL: "https://callback.example.com",
      PORT: "8080",
    });
    expect(env.isProduction).toBe(true);
    expect(env.PORT).toBe(8080);
    expect(env.BETTER_AUTH_URL).toBe("https://callback.example.com");
  });

  it("names each invalid variable in its error", () => {
    const attempt = () =>
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://nope", BETTER_AUTH_SECRET: "short", DATA_DIR: tempDataDir() });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/DATABASE_URL must be a postgres/);
    expect(attempt).toThrow(/BETTER_AUTH_SECRET must be at least 32 characters/);
  });

  it("treats blank values as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: " ", DATA_DIR: tempDataDir() });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("trusts no proxy by default, so X-Forwarded-For is ignored unless configured", () => {
    expect(parseEnv({ DATA_DIR: tempDataDir() }).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ DATA_DIR: tempDataDir(), TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
  });

  it("refuses a value that is not a small whole number, naming the variable", () => {
    expect(() => parseEnv({ DATA_DIR: tempDataDir(), TRUSTED_PROXY_HOPS: "one" })).toThrow(
      /TRUSTED_PROXY_HOPS: TRUSTED_PROXY_HOPS must be a whole number/,
    );
    expect(() => parseEnv({ DATA_DIR: tempDataDir(), TRUSTED_PROXY_HOPS: "-1" })).toThrow(
      /TRUSTED_PROXY_HOPS cannot be negative/,
    );
    expect(() => parseEnv({ DATA_DIR: tempDataDir(), TRUSTED_PROXY_HOPS: "1.5" })).toThrow(/whole number/);
  });
});

describe("Stripe configuration", () => {
  it("runs in test mode with no Stripe keys", () => {
    expect(parseEnv({ DATA_DIR: tempDataDir() }).STRIPE_SECRET_KEY).toBeUndefined();
  });

  it("asks for the webhook secret and every price once a secret key is set", () => {
    const attempt = () => parseEnv({ DATA_DIR: tempDataDir(), STRIPE_SECRET_KEY: "sk_test_123" });
    expect(attempt).toThrow(/STRIPE_WEBHOOK_SECRET is required/);
    expect(attempt).toThrow(/STRIPE_PRICE_COMPANY_YEARLY is required/);
  });
});
