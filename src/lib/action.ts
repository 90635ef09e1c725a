import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { fail, formValues, ok, parseInput, type ActionResult } from "./action-result";
import { isAppError } from "./errors";
import { getLogger } from "./logger";

/**
 * The one pipeline behind every server action (and the input step of every
 * JSON API route): who is calling, the input checked by its schema, the
 * caller's right, the change, then what to refresh and where to go. An action
 * is declared, not written out:
 *
 *   export const suspendUserAction = defineFormAction({
 *     actor: { permission: "user:moderate" },
 *     input: suspendUserInput,
 *     run: ({ db, actor, input }) => suspendUser(db, actor, input),
 *     revalidate: ["/admin/users"],
 *   });
 *
 * Input is parsed by parseInput (src/lib/action-result.ts), as the JSON API's
 * routes are. This file knows nothing of sessions: the access module binds `context` (the
 * database and the actor) and `authorize` (the permission) to them
 * (src/modules/access/action.ts). Expected refusals (AppErrors, bad input)
 * come back as ActionResult failures with the entered values, never a
 * password; anything else is rethrown, so the framework logs it once with the
 * request id and shows the error page.
 */

/** Pages to revalidate after a success: a path, or every page under a layout. */
export type Revalidation = readonly (string | { layout: string })[];

/** What the input of a declaration is: the schema's output, or what `read` made of the call when there is no schema. */
export type InputOf<Schema, Raw> = Schema extends z.ZodType ? z.output<Schema> : Raw;

/** The steps of one action, over a context (who is calling, and with what) that the binding resolves. */
export type ActionSteps<Context, Args extends unknown[], Schema extends z.ZodType | undefined, Raw, T> = {
  /** Resolved first, before anything is read: it may send the caller to sign in. */
  context: () => Promise<Context>;
  /** The schema of the input; bad input is refused with field errors and the entered values. */
  input?: Schema;
  /** The raw input from the call's arguments (a form's fields, an id); without it the first argument. */
  read?: (...args: Args) => Raw;
  /** The entered values handed back with a refusal, so the form keeps them (never a password). */
  values?: (...args: Args) => Record<string, string> | undefined;
  /** The caller's right, checked once the input is known to be well-formed; throws an AppError to refuse. */
  authorize?: (context: Context) => void;
  /** The change: the module's mutation. What it returns is the result's data. */
  run: (call: Context & { input: InputOf<Schema, Raw> }) => Promise<T>;
  /** What to refresh after a success (never after a refusal). */
  revalidate?: Revalidation | ((data: T, input: InputOf<Schema, Raw>) => Revalidation);
  /**
   * Where to go after a success (after revalidating). Such an action answers
   * only with its refusals: a success never reaches the caller as data.
   */
  redirect?: (data: T, input: InputOf<Schema, Raw>) => string;
};

/** The values to hand back, with any password field left out whatever a declaration gave. */
function withoutPasswords(values: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!values) return undefined;
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
}

function revalidateAll(paths: Revalidation) {
  for (const path of paths) {
    if (typeof path === "string") revalidatePath(path);
    else revalidatePath(path.layout, "layout");
  }
}

/** A server action with the given arguments, running the steps in order. */
export function createAction<Context, Args extends unknown[], Schema extends z.ZodType | undefined, Raw, T>(
  steps: ActionSteps<Context, Args, Schema, Raw, T>,
): (...args: Args) => Promise<ActionResult<T>> {
  return async (...args) => {
    let values: Record<string, string> | undefined;
    let done: { data: T; input: InputOf<Schema, Raw> };
    try {
      const context = await steps.context();
      values = withoutPasswords(steps.values?.(...args));
      const raw = steps.read ? steps.read(...args) : args[0];
      const input = (steps.input ? parseInput(steps.input, raw) : raw) as InputOf<Schema, Raw>;
      steps.authorize?.(context);
      done = { data: await steps.run({ ...context, input }), input };
    } catch (error) {
      if (!isAppError(error)) throw error;
      getLogger().debug({ code: error.code }, "action refused");
      return fail(error, values);
    }
    const { data, input } = done;
    if (steps.revalidate)
      revalidateAll(typeof steps.revalidate === "function" ? steps.revalidate(data, input) : steps.revalidate);
    if (steps.redirect) redirect(steps.redirect(data, input));
    return ok(data);
  };
}

/** The shape React's useActionState calls: the previous result, then the submitted form. */
export type FormAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** The steps of a form's action: `read` and `values` take the form; both default to its text fields, without the password. */
export type FormActionSteps<Context, Schema extends z.ZodType | undefined, Raw, T> = Omit<
  ActionSteps<Context, [form: FormData], Schema, Raw, T>,
  "read" | "values"
> & {
  read?: (form: FormData) => Raw;
  values?: (form: FormData) => Record<string, string> | undefined;
};

/** A form's server action (for useActionState and <form action>), running the same steps as createAction. */
export function createFormAction<Context, Schema extends z.ZodType | undefined, Raw, T>(
  steps: FormActionSteps<Context, Schema, Raw, T>,
): FormAction<T> {
  const values = steps.values ?? ((form: FormData) => formValues(form));
  const action = createAction<Context, [form: FormData], Schema, Raw, T>({
    ...steps,
    values,
    read: steps.read ?? ((form) => formValues(form) as Raw),
  });
  return (_previous, form) => action(form);
}
