"use client";

import { usePathname } from "next/navigation";
import { useState, type MouseEvent, type ReactNode } from "react";
import { Sheet, SheetContent, SheetTrigger } from "@/components/ui/sheet";

/**
 * The navigation below the md breakpoint: a Menu button that opens the links in a side sheet. The sheet is
 * open for the page it was opened on only, so it closes when a link in it navigates (and when a link to the
 * page already shown is chosen).
 */
export function MobileNav({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const closeOnLink = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest("a[href]")) setOpenOn(null);
  };
  return (
    <Sheet open={openOn === pathname} onOpenChange={(open) => setOpenOn(open ? pathname : null)}>
      <SheetTrigger className="grid size-10 shrink-0 place-items-center rounded-lg text-stone-700 hover:bg-stone-100 md:hidden">
        <svg aria-hidden viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
        <span className="sr-only">Menu</span>
      </SheetTrigger>
      <SheetContent title="Menu" closeLabel="Close menu" side="left" onClick={closeOnLink} data-testid="mobile-nav">
        {children}
      </SheetContent>
    </Sheet>
  );
}
