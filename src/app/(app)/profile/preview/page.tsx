import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { requirePermission } from "@/modules/access/actor";
import { TalentProfile } from "@/modules/talents/components/profile-view";
import { ensureOwnProfile } from "@/modules/talents/mutations";
import { previewAudience } from "@/modules/talents/policies";
import { getProfileView } from "@/modules/talents/queries";

export const metadata: Metadata = { title: "Preview your profile" };

export default async function PreviewProfilePage({ searchParams }: { searchParams: Promise<{ as?: string }> }) {
  const actor = await requirePermission("profile:manage-own");
  const as = (await searchParams).as === "subscriber" ? "subscriber" : "public";
  const db = getDb();
  const profileId = await ensureOwnProfile(db, actor);
  const view = await getProfileView(db, actor, profileId, previewAudience(as));
  if (!view) notFound();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-brand-50 px-4 py-3 text-sm">
        <p>
          Preview: your profile as{" "}
          {as === "public" ? "visitors and non-subscribers" : "subscribed casting professionals"} see it.
          {view.status.isPublished ? "" : " It is not published yet, so no one else can see it."}
        </p>
        <div className="flex gap-3 font-medium">
          <Link
            href={`/profile/preview?as=${as === "public" ? "subscriber" : "public"}`}
            className="text-brand-700 hover:underline"
          >
            See it as {as === "public" ? "subscribers" : "the public"} do
          </Link>
          <Link href="/profile/edit" className="text-brand-700 hover:underline">
            Back to editing
          </Link>
        </div>
      </div>
      <TalentProfile view={view} />
    </div>
  );
}
