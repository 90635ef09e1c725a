import Link from "next/link";
import { cn } from "@/lib/cn";

const sections = [
  { href: "/settings/account", label: "Account" },
  { href: "/settings/notifications", label: "Notifications" },
] as const;

/** The settings pages, side by side. */
export function SettingsNav({ current }: { current: (typeof sections)[number]["href"] }) {
  return (
    <nav aria-label="Settings" className="mt-2 flex gap-1 text-sm">
      {sections.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={section.href === current ? "page" : undefined}
          className={cn(
            "rounded-lg px-3 py-1.5 font-medium",
            section.href === current ? "bg-stone-900 text-white" : "text-stone-700 hover:bg-stone-100",
          )}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
