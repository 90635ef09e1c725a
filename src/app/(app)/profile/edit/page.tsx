import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { requirePermission } from "@/modules/access/actor";
import { MediaSection } from "@/modules/media/components/media-section";
import { mediaLimits } from "@/modules/media/limits";
import { getOwnStorageUse, listOwnMedia } from "@/modules/media/queries";
import { CreditsSection } from "@/modules/talents/components/editor/credits-section";
import { PhotosSection } from "@/modules/talents/components/editor/photos-section";
import {
  BasicsSection,
  ContactSection,
  PremiumDetailsSection,
  SkillsSection,
} from "@/modules/talents/components/editor/profile-sections";
import { PublishPanel } from "@/modules/talents/components/editor/publish-panel";
import { ensureOwnProfile } from "@/modules/talents/mutations";
import { getOwnProfile } from "@/modules/talents/queries";

export const metadata: Metadata = { title: "Edit your profile" };

const sections = [
  ["#photos", "Photos"],
  ["#media", "Reels and CV"],
  ["#basics", "The basics"],
  ["#skills", "Languages and skills"],
  ["#premium", "Bio and details"],
  ["#credits", "Credits"],
  ["#contact", "Contact details"],
] as const;

export default async function EditProfilePage() {
  const actor = await requirePermission("profile:manage-own");
  const db = getDb();
  await ensureOwnProfile(db, actor);
  const own = await getOwnProfile(db, actor);
  if (!own) notFound();
  const [media, storage] = await Promise.all([listOwnMedia(db, actor), getOwnStorageUse(db, actor)]);
  const limits = mediaLimits();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Your profile</h1>
        <p className="mt-1 text-stone-600">
          Casting teams decide whom to contact from what they see here. Each section saves on its own.
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_300px]">
        <div className="space-y-6">
          <nav aria-label="Profile sections" className="flex flex-wrap gap-2 text-sm">
            {sections.map(([href, label]) => (
              <a
                key={href}
                href={href}
                className="rounded-full bg-white px-3 py-1 font-medium text-stone-700 ring-1 ring-stone-200 hover:bg-stone-100"
              >
                {label}
              </a>
            ))}
          </nav>
          <PhotosSection
            photos={own.premium.photos}
            primaryPhotoId={own.profile.primaryPhoto?.id ?? null}
            name={own.profile.displayName}
          />
          <MediaSection
            items={media}
            storage={storage}
            limits={{ maxBytes: limits.maxBytes, maxVideoMinutes: Math.round(limits.maxVideoMs / 60_000) }}
          />
          <BasicsSection profile={own.profile} />
          <SkillsSection profile={own.profile} />
          <PremiumDetailsSection premium={own.premium} />
          <CreditsSection credits={own.premium.credits} />
          <ContactSection contact={own.contact} />
        </div>
        <aside className="lg:sticky lg:top-6 lg:self-start">
          <PublishPanel profileId={own.profile.id} status={own.status} completeness={own.completeness} />
        </aside>
      </div>
    </div>
  );
}
