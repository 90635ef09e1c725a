"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { messageAccountAction } from "../actions";

/** An admin writes to an account from the accounts list: opens (or creates) the conversation with it. */
export function MessageAccountButton({ userId, name }: { userId: string; name: string }) {
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  return (
    <div>
      <Button
        type="button"
        variant="secondary"
        className="px-3 py-1.5 text-xs"
        aria-label={`Message ${name}`}
        aria-busy={isPending || undefined}
        onClick={() =>
          startTransition(async () => {
            if (isPending) return;
            const outcome = await messageAccountAction(userId);
            setError(outcome.ok ? undefined : outcome.message);
          })
        }
      >
        Message
      </Button>
      <FormError message={error} />
    </div>
  );
}
