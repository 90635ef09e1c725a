"use client";

import { Dialog } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A side sheet: a modal dialog that slides in from the edge of the screen. It traps focus, closes on
 * Escape, on the close button and on a click outside, and gives focus back to the button that opened it.
 */
export const Sheet = Dialog.Root;
export const SheetTrigger = Dialog.Trigger;
export const SheetClose = Dialog.Close;

export function SheetContent({
  title,
  description,
  closeLabel = "Close",
  side = "left",
  className,
  children,
  ...props
}: ComponentProps<typeof Dialog.Content> & {
  title: ReactNode;
  description?: ReactNode;
  closeLabel?: string;
  side?: "left" | "right";
}) {
  return (
    <Dialog.Portal>
      <Dialog.Overlay data-sheet-overlay="" className="fixed inset-0 z-40 bg-stone-900/40" />
      <Dialog.Content
        ref={makeRestInert}
        // Without a description the dialog is described by nothing, rather than by a missing element.
        {...(description ? {} : { "aria-describedby": undefined })}
        className={cn(
          "fixed inset-y-0 z-50 flex w-[min(20rem,calc(100vw-3rem))] flex-col overflow-y-auto bg-white shadow-xl focus:outline-none",
          side === "left" ? "left-0 border-r border-stone-200" : "right-0 border-l border-stone-200",
          className,
        )}
        {...props}
      >
        <div className="flex items-center justify-between gap-2 border-b border-stone-200 px-4 py-3">
          <Dialog.Title className="text-base font-semibold text-stone-900">{title}</Dialog.Title>
          <Dialog.Close
            className="grid size-10 place-items-center rounded-lg text-stone-700 hover:bg-stone-100"
            aria-label={closeLabel}
          >
            <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </Dialog.Close>
        </div>
        {description ? (
          <Dialog.Description className="px-4 pt-3 text-sm text-stone-600">{description}</Dialog.Description>
        ) : null}
        <div className="flex-1 p-3">{children}</div>
      </Dialog.Content>
    </Dialog.Portal>
  );
}

/**
 * While the sheet is open, the rest of the page is inert as well as hidden from assistive technology, so
 * nothing behind it can be focused or clicked; the attribute goes before focus returns to the trigger.
 */
function makeRestInert(content: HTMLDivElement | null) {
  if (!content) return;
  const rest = Array.from(document.body.children).filter(
    (element) =>
      !element.contains(content) && !element.hasAttribute("data-sheet-overlay") && !element.hasAttribute("inert"),
  );
  for (const element of rest) element.setAttribute("inert", "");
  return () => {
    for (const element of rest) element.removeAttribute("inert");
  };
}
