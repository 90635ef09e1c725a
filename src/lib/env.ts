import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads the process environment. Every variable is documented
 * in .env.example; the app runs with none of them set.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).optional(),
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ error: "TRUSTED_PROXY_HOPS must be a whole number of proxies (0 when clients connect directly)" })
      .int("TRUSTED_PROXY_HOPS must be a whole number of proxies (0 when clients connect directly)")
      .min(0, "TRUSTED_PROXY_HOPS cannot be negative")
      .max(10, "TRUSTED_PROXY_HOPS is at most 10")
      .default(0),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// connection string")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    WEB_CONCURRENCY: z.coerce
      .number({ error: "WEB_CONCURRENCY must be a whole number of server processes" })
      .int("WEB_CONCURRENCY must be a whole number of server processes")
      .min(1, "WEB_CONCURRENCY is at least 1")
      .max(64, "WEB_CONCURRENCY is at most 64")
      .default(1),
    DATA_DIR: z.string().min(1).default("./data"),
    BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
    BETTER_AUTH_URL: z.url("BETTER_AUTH_URL must be an absolute URL such as https://callback.example.com").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    SEED_DEMO_DATA: z.enum(["auto", "always", "never"]).default("auto"),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:password@host:587 or smtps://...")
      .optional(),
    EMAIL_FROM: z.string().min(3).default("Callback <no-reply@callback.test>"),
    MESSAGE_EMAIL_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
    DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
    EMAIL_WORKER: z.enum(["inline", "off"]).default("inline"),
    EMAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(200).max(600_000).default(5000),
    EMAIL_CLAIM_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
    METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(60_000).default(9000),
    CONTACT_REQUEST_EXPIRY_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    CONTACT_REQUEST_DAILY_CAP: z.coerce.number().int().min(1).max(1000).default(20),
    CONTACT_REQUEST_COOLDOWN_DAYS: z.coerce.number().int().min(0).max(365).default(30),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_... or sk_live_...)")
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_/, "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...)")
      .optional(),
    STRIPE_PRICE_PROFESSIONAL_MONTHLY: z
      .string()
      .regex(/^price_/, "Stripe price ids start with price_")
      .optional(),
    STRIPE_PRICE_PROFESSIONAL_YEARLY: z
      .string()
      .regex(/^price_/, "Stripe price ids start with price_")
      .optional(),
    STRIPE_PRICE_COMPANY_MONTHLY: z
      .string()
      .regex(/^price_/, "Stripe price ids start with price_")
      .optional(),
    STRIPE_PRICE_COMPANY_YEARLY: z
      .string()
      .regex(/^price_/, "Stripe price ids start with price_")
      .optional(),
    STORAGE_DRIVER: z.enum(["disk", "s3"]).default("disk"),
    S3_BUCKET: z.string().min(3, "S3_BUCKET must be a bucket name").optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ENDPOINT: z
      .url("S3_ENDPOINT must be an absolute URL such as https://<account>.r2.cloudflarestorage.com")
      .optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
    MEDIA_ORIGIN: z.url("MEDIA_ORIGIN must be an absolute URL such as https://media.callback.example").optional(),
    MEDIA_URL_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
    /** Sign-in attempts from one address in ten minutes: raise it when many people share one (an office, a proxy). */
    SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(60),
    MEDIA_MAX_VIDEO_MB: z.coerce.number().int().min(1).max(10_240).default(500),
    MEDIA_MAX_VIDEO_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
    MEDIA_MAX_AUDIO_MB: z.coerce.number().int().min(1).max(2048).default(50),
    MEDIA_MAX_DOCUMENT_MB: z.coerce.number().int().min(1).max(512).default(20),
    MEDIA_QUOTA_TALENT_MB: z.coerce.number().int().min(1).max(1_048_576).default(2048),
    MEDIA_QUOTA_SUBSCRIBER_MB: z.coerce.number().int().min(1).max(1_048_576).default(5120),
    MEDIA_QUOTA_OTHER_MB: z.coerce.number().int().min(1).max(1_048_576).default(500),
    MEDIA_UPLOAD_ABANDON_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  })
  .superRefine((raw, context) => {
    if (raw.WEB_CONCURRENCY > 1 && !raw.DATABASE_URL) {
      context.addIssue({
        code: "custom",
        path: ["WEB_CONCURRENCY"],
        message: "WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database can be opened by one process only",
      });
    }
    if (raw.STORAGE_DRIVER === "s3") {
      for (const key of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
        if (!raw[key])
          context.addIssue({ code: "custom", path: [key], message: `${key} is required when STORAGE_DRIVER=s3` });
      }
    }
    if (!raw.STRIPE_SECRET_KEY) return;
    const needed = [
      "STRIPE_WEBHOOK_SECRET",
      "STRIPE_PRICE_PROFESSIONAL_MONTHLY",
      "STRIPE_PRICE_PROFESSIONAL_YEARLY",
      "STRIPE_PRICE_COMPANY_MONTHLY",
      "STRIPE_PRICE_COMPANY_YEARLY",
    ] as const;
    for (const key of needed) {
      if (!raw[key])
        context.addIssue({ code: "custom", path: [key], message: `${key} is required when STRIPE_SECRET_KEY is set` });
    }
  })
  .transform((raw) => ({
    ...raw,
    DATABASE_URL: raw.DATABASE_URL || undefined,
  }));

export type Env = z.infer<typeof envSchema> & {
  BETTER_AUTH_SECRET: string;
  BETTER_AUTH_URL: string;
  LOG_LEVEL: NonNullable<z.infer<typeof envSchema>["LOG_LEVEL"]>;
  dataDir: string;
  isProduction: boolean;
};

type EnvSource = Record<string, string | undefined>;

export class EnvError extends Error {
  constructor(message: string) {
    super(`Invalid configuration: ${message}`);
    this.name = "EnvError";
  }
}

/** Blank values count as unset, so `FOO=` in a .env file behaves like no FOO at all. */
function withoutBlanks(source: EnvSource): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => Boolean(entry[1]?.trim())),
  );
}

export function parseEnv(source: EnvSource): Env {
  const parsed = envSchema.safeParse(withoutBlanks(source));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(problems.join("; "));
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.DATA_DIR);
  const isProduction = raw.NODE_ENV === "production";
  return {
    ...raw,
    dataDir,
    isProduction,
    LOG_LEVEL: raw.LOG_LEVEL ?? (raw.NODE_ENV === "test" ? "warn" : "info"),
    BETTER_AUTH_URL: raw.BETTER_AUTH_URL ?? `http://localhost:${raw.PORT}`,
    BETTER_AUTH_SECRET: raw.BETTER_AUTH_SECRET ?? localSecret(raw.DATABASE_URL, isProduction, dataDir),
  };
}

/**
 * Without BETTER_AUTH_SECRET, a machine-local secret is generated once and kept
 * in the data directory, so sessions survive restarts. A production deployment
 * on PostgreSQL must configure the secret explicitly.
 */
function localSecret(databaseUrl: string | undefined, isProduction: boolean, dataDir: string): string {
  if (isProduction && databaseUrl) {
    throw new EnvError(
      "BETTER_AUTH_SECRET is required in production with DATABASE_URL. Generate one with `openssl rand -base64 32`.",
    );
  }
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
