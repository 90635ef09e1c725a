import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { getEnv } from "./env";

const globalForLogger = globalThis as unknown as { callbackLogger?: Logger };

/**
 * Pretty, human logs in development; one JSON object per line otherwise.
 * Secrets and message bodies never reach a log: the redaction list is a second
 * line of defence for the fields most likely to carry them.
 */
function createLogger(): Logger {
  const env = getEnv();
  const options: pino.LoggerOptions = {
    level: env.LOG_LEVEL,
    base: { service: "callback" },
    redact: {
      paths: [
        "password",
        "*.password",
        "secret",
        "*.secret",
        "token",
        "*.token",
        "body",
        "*.body",
        "headers.cookie",
        "headers.authorization",
        "*.headers.cookie",
        "*.headers.authorization",
      ],
      censor: "[redacted]",
    },
  };
  if (env.NODE_ENV === "development") {
    return pino(options, pretty({ colorize: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname,service" }));
  }
  return pino(options);
}

export function getLogger(): Logger {
  globalForLogger.callbackLogger ??= createLogger();
  return globalForLogger.callbackLogger;
}
