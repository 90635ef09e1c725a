import type { z } from "zod";
import { getLogger } from "./logger";
import { AppError, errorCodes, isAppError, type ErrorCode, type FieldErrors } from "./errors";

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

export function invalidInput(error: z.ZodError, values?: Record<string, string>): ActionFailure {
  return fail(new AppError("invalid_input", errorCodes.invalid_input.message, fieldErrorsOf(error)), values);
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

/**
 * Runs a mutation and turns expected failures into results. Anything unexpected
 * is rethrown so the framework logs it once (with the request id) and shows the
 * error page; it is never reported as success.
 */
export async function runMutation<T>(
  mutation: () => Promise<T>,
  options: { values?: Record<string, string>; onSuccess?: (data: T) => void } = {},
): Promise<ActionResult<T>> {
  try {
    const data = await mutation();
    options.onSuccess?.(data);
    return ok(data);
  } catch (error) {
    if (isAppError(error)) {
      getLogger().debug({ code: error.code }, "action refused");
      return fail(error, options.values);
    }
    throw error;
  }
}
