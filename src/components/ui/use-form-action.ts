"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { actionOrigin, focusActionResult } from "./action-focus";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for forms whose fields start from defaults. React resets a
 * form after its action, and a reset puts a <select> back to its first option
 * rather than to the default React gave it; so the form is rendered afresh
 * (under a new key) after every submission, from the values that came back or
 * from the saved data. Focus then moves to the result: the first invalid
 * field, the form's error, or the confirmation (see action-focus).
 */
type Submission<T> = { result: ActionResult<T> | null; version: number };

export function useFormAction<T>(action: Action<T>) {
  const [state, formAction, isPending] = useActionState<Submission<T>, FormData>(
    async (previous, form) => {
      const origin = actionOrigin();
      const result = await action(previous.result, form);
      focusActionResult(origin, result);
      return { result, version: previous.version + 1 };
    },
    { result: null, version: 0 },
  );
  const failure = state.result && !state.result.ok ? state.result : undefined;
  return { result: state.result, failure, formAction, formKey: state.version, isPending };
}
