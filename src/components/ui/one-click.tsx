"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "./button";
import { FormError } from "./field";

/** A button that runs one server action and shows its error, if any, beneath. */
export function OneClick({
  label,
  action,
  variant = "secondary",
}: {
  label: string;
  action: () => Promise<ActionResult<unknown>>;
  variant?: "secondary" | "danger";
}) {
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant={variant}
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await action();
            setError(result.ok ? undefined : result.message);
          })
        }
      >
        {label}
      </Button>
      <FormError message={error} />
    </div>
  );
}
