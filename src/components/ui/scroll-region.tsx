import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A wide table's own horizontal scroll box, so a narrow screen scrolls the
 * table and never the page. It is named and takes keyboard focus, so people
 * who do not use a pointer can reach it and scroll it with the arrow keys.
 * It is positioned, so absolutely placed content inside (screen-reader-only
 * labels in cells) is clipped by the box too instead of widening the page.
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={cn("relative max-w-full overflow-x-auto", className)}>
      {children}
    </div>
  );
}
