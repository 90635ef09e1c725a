"use client";

import Form from "next/form";
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * The gallery's GET form. With JavaScript it moves to the results without a
 * full page load (so the result count's live region announces the new
 * count), and when the search changes from outside the form - "Clear", the
 * back button - its fields take the new values. Without JavaScript it is a
 * plain GET form.
 */
export function GallerySearchForm({
  signature,
  children,
  ...props
}: { signature: string; children: ReactNode } & Omit<ComponentProps<"form">, "action" | "method">) {
  const ref = useRef<HTMLFormElement>(null);
  const shown = useRef(signature);
  useEffect(() => {
    if (shown.current === signature) return;
    shown.current = signature;
    // The fields' default values are the new search already; reset shows them in place of what was typed before.
    ref.current?.reset();
  }, [signature]);
  return (
    <Form ref={ref} action="/talents" scroll={false} {...props}>
      {children}
    </Form>
  );
}

/**
 * The filters behind a "Filters" button below the lg breakpoint, and open
 * beside the search on wide screens. Without JavaScript the button could not
 * work, so the filters then show on every screen and the button does not.
 */
export function FiltersDisclosure({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <div className="space-y-3">
      <noscript>
        <style>{"#gallery-filters{display:block}#gallery-filters-toggle{display:none}"}</style>
      </noscript>
      <button
        id="gallery-filters-toggle"
        type="button"
        aria-expanded={isOpen}
        aria-controls="gallery-filters"
        onClick={() => setIsOpen((open) => !open)}
        className="inline-flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-semibold text-stone-800 ring-1 ring-stone-300 hover:bg-stone-50 lg:hidden"
      >
        <svg
          aria-hidden
          width="16"
          height="16"
          viewBox="0 0 16 16"
          className={cn("transition-transform motion-reduce:transition-none", isOpen && "rotate-90")}
        >
          <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        Filters
        {activeCount > 0 ? (
          <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs text-brand-700">
            {activeCount}
            <span className="sr-only"> active</span>
          </span>
        ) : null}
      </button>
      <div id="gallery-filters" className={cn(isOpen ? "block" : "hidden lg:block")}>
        {children}
      </div>
    </div>
  );
}
