"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for forms whose fields start from defaults. React resets a
 * form after its action, and a reset puts a <select> back to its first option
 * rather than to the default React gave it; so the form is rendered afresh
 * (under a new key) after every submission, from the values that came back or
 * from the saved data.
 */
type Submission<T> = { result: ActionResult<T> | null; version: number };

export function useFormAction<T>(action: Action<T>) {
  const [state, formAction, isPending] = useActionState<Submission<T>, FormData>(
    async (previous, form) => ({ result: await action(previous.result, form), version: previous.version + 1 }),
    { result: null, version: 0 },
  );
  const failure = state.result && !state.result.ok ? state.result : undefined;
  return { result: state.result, failure, formAction, formKey: state.version, isPending };
}
