import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getActor } from "@/modules/access/actor";
import { ButtonLink } from "@/components/ui/button";
import { SharedDetails } from "@/modules/contact-requests/components/shared-details";
import { recordRevealView } from "@/modules/contact-requests/mutations";
import { getSharedContactForProfile } from "@/modules/contact-requests/queries";
import { ProfileCollections } from "@/modules/collections/components/profile-collections";
import { collectionRights } from "@/modules/collections/policies";
import { getCollectionsForProfile } from "@/modules/collections/queries";
import { ContactButton } from "@/modules/messaging/components/contact-button";
import { TalentProfile } from "@/modules/talents/components/profile-view";
import { recordProfileView } from "@/modules/talents/mutations";
import { getProfileView } from "@/modules/talents/queries";

type Props = { params: Promise<{ id: string }> };

/** One read per request, shared by the metadata and the page. */
const loadView = cache(async (id: string) => getProfileView(getDb(), await getActor(), id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await loadView((await params).id);
  return { title: view ? view.profile.displayName : "Talent not found" };
}

export default async function TalentProfilePage({ params }: Props) {
  const { id } = await params;
  const view = await loadView(id);
  if (!view) notFound();
  if (!view.viewer.isOwner) await recordProfileView(getDb(), view.profile.id);
  const actor = await getActor();
  const shared =
    actor && !view.viewer.isOwner ? await getSharedContactForProfile(getDb(), actor, view.profile.id) : null;
  if (actor && shared) await recordRevealView(getDb(), actor, shared.requestId);
  const rights = collectionRights(actor);
  const collections = actor && rights.read ? await getCollectionsForProfile(getDb(), actor, view.profile.id) : null;
  return (
    <div className="space-y-4">
      <Link href="/talents" className="text-sm font-medium text-brand-700 hover:underline">
        Back to talents
      </Link>
      {!view.status.isPublished || view.status.isHidden ? (
        <p role="status" className="rounded-xl bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {view.status.isHidden
            ? `Hidden from the gallery by an admin: ${view.status.hiddenReason ?? ""}`
            : "This profile is not published: only you and admins can see it."}
        </p>
      ) : null}
      {view.viewer.premiumAccess.allowed && !view.viewer.isOwner && view.status.isPublished && !view.status.isHidden ? (
        <div className="flex flex-wrap justify-end gap-2">
          <ButtonLink href={`/contact-requests/new?profile=${view.profile.id}`} variant="secondary">
            Request contact details
          </ButtonLink>
          <ContactButton profileId={view.profile.id} talentName={view.profile.displayName} />
        </div>
      ) : null}
      {collections && (rights.write || collections.some((collection) => collection.contains)) ? (
        <ProfileCollections
          profileId={view.profile.id}
          talentName={view.profile.displayName}
          collections={collections}
          canChange={rights.write && view.status.isPublished && !view.status.isHidden}
        />
      ) : null}
      {shared ? (
        <SharedDetails details={shared.details} title={`Contact details ${view.profile.displayName} shared with you`} />
      ) : null}
      <TalentProfile view={view} />
    </div>
  );
}
