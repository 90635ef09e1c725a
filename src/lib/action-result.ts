import type { z } from "zod";
import { AppError, errorCodes, type ErrorCode, type FieldErrors } from "./errors";

/** What every server action returns: plain data the client can render. */
export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export type ActionFailure = Extract<ActionResult<never>, { ok: false }>;

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(error: AppError, values?: Record<string, string>): ActionFailure {
  return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, values };
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * Input checked by its schema, for server actions and the JSON API alike; a
 * refusal is an AppError naming each field to fix ("form" for the whole value).
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError("invalid_input", errorCodes.invalid_input.message, fieldErrorsOf(parsed.error));
  return parsed.data;
}

/**
 * The text fields of a form, for handing back to the person who typed them.
 * A field given several times (a group of checkboxes) has its values joined
 * with commas. Password fields are never echoed.
 */
export function formValues(form: FormData, omit: readonly string[] = ["password"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || omit.includes(key) || key.startsWith("$ACTION")) continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}
