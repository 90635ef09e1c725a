import nextEnv from "@next/env";

/** Scripts read .env files the same way the Next.js server does. */
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
