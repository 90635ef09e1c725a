import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 text-lg font-bold tracking-tight text-stone-900">
      <span
        aria-hidden
        className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm font-black text-white"
      >
        C
      </span>
      Callback
    </Link>
  );
}
