/**
 * One list of error codes for the whole product, each with its HTTP status and
 * the message a person sees when nothing more specific was said.
 */
export const errorCodes = {
  invalid_input: { status: 400, message: "Some fields need your attention." },
  unauthenticated: { status: 401, message: "Please sign in to continue." },
  forbidden: { status: 403, message: "You are not allowed to do that." },
  not_found: { status: 404, message: "We could not find that." },
  conflict: { status: 409, message: "That conflicts with something that already exists." },
  too_large: { status: 413, message: "That file is larger than allowed." },
  unsupported_type: { status: 415, message: "That type of file is not accepted here." },
  range_not_satisfiable: { status: 416, message: "That part of the file does not exist." },
  quota_exceeded: { status: 413, message: "Your storage is full. Remove a file to make room." },
  rate_limited: { status: 429, message: "Too many attempts. Please wait a moment and try again." },
  subscription_required: { status: 402, message: "A subscription is needed for this." },
  internal: { status: 500, message: "Something went wrong on our side. Please try again." },
  unavailable: { status: 503, message: "This server is restarting. Please try again in a moment." },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export type FieldErrors = Record<string, string[]>;

/** An expected failure: the request was understood and refused for a stated reason. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: ErrorCode, message?: string, fieldErrors?: FieldErrors) {
    super(message ?? errorCodes[code].message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The PostgreSQL error code of a driver error, unwrapping Drizzle's "Failed query" wrapper. */
export function postgresErrorCode(error: unknown): string | undefined {
  for (
    let current: unknown = error;
    current && typeof current === "object";
    current = (current as { cause?: unknown }).cause
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = "23505";
export const FOREIGN_KEY_VIOLATION = "23503";
