"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { focusActionResult, noteActionStarted } from "./action-focus";
import { Button } from "./button";
import { FormError } from "./field";

/**
 * A button that runs one server action and shows its error, if any, beneath;
 * `success` is the confirmation shown (and announced) after it worked. Focus
 * then moves to the result (see action-focus).
 */
export function OneClick({
  label,
  action,
  variant = "secondary",
  success,
}: {
  label: string;
  action: () => Promise<ActionResult<unknown>>;
  variant?: "secondary" | "danger";
  success?: string;
}) {
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [isPending, startTransition] = useTransition();
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div ref={ref} className="space-y-2">
      <Button
        type="button"
        variant={variant}
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            noteActionStarted();
            const result = await action();
            setError(result.ok ? undefined : result.message);
            setDone(result.ok);
            focusActionResult(ref.current, result);
          })
        }
      >
        {label}
      </Button>
      <FormError message={error} />
      {success ? (
        <p role="status" tabIndex={-1} data-action-result className="text-sm font-medium text-emerald-700">
          {done && !error ? success : ""}
        </p>
      ) : null}
    </div>
  );
}
