import Link from "next/link";

/** The heading of an admin page, with the way back to the admin overview. */
export function AdminPageHeader({ title, description }: { title: string; description?: string }) {
  return (
    <div>
      <Link href="/admin" className="text-sm font-medium text-brand-700 hover:underline">
        Admin
      </Link>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {description ? <p className="mt-1 text-sm text-stone-600">{description}</p> : null}
    </div>
  );
}
