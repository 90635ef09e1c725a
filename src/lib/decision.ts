import { AppError, type ErrorCode } from "./errors";

/**
 * The answer of a policy: allowed, or refused with the error code and the
 * message the person sees. Every module's `can*` policies return it, and
 * `enforce` turns a refusal into the AppError a mutation or query throws.
 */
export type Decision = { allowed: true } | { allowed: false; code: ErrorCode; message: string };

export type Refusal = Extract<Decision, { allowed: false }>;

export function allow(): Decision {
  return { allowed: true };
}

export function deny(code: ErrorCode, message: string): Decision {
  return { allowed: false, code, message };
}

/** Throws the refusal as an AppError; an allowed decision passes. */
export function enforce(decision: Decision): asserts decision is { allowed: true } {
  if (!decision.allowed) throw new AppError(decision.code, decision.message);
}
