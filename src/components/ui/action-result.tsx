"use client";

import { useEffect, useRef } from "react";
import { cn } from "@/lib/cn";
import { isAfterAction, isFocusLost, isOnFallback } from "./action-focus";

/**
 * A page's result after an action (a request's new status): a polite live
 * region that takes focus when it appears or changes right after an action,
 * so a keyboard or screen reader user lands on what happened. Give it a `key`
 * that changes with the state it describes.
 */
export function ActionResult({ className, children }: { className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !isAfterAction()) return;
    if (isFocusLost() || isOnFallback()) element.focus();
  }, []);
  return (
    <div ref={ref} role="status" tabIndex={-1} data-action-result className={cn("rounded-lg", className)}>
      {children}
    </div>
  );
}
