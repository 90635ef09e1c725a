import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getActor } from "@/modules/access/actor";
import { getApproachActions, getUpgradeReason } from "@/modules/access/policies";
import { UpgradeDialog } from "@/modules/billing/components/upgrade-dialog";
import { planForRole } from "@/modules/billing/plans";
import { ButtonLink } from "@/components/ui/button";
import { SharedDetails } from "@/modules/contact-requests/components/shared-details";
import { recordRevealView } from "@/modules/contact-requests/mutations";
import { getSharedContactForProfile } from "@/modules/contact-requests/queries";
import { ProfileCollections } from "@/modules/collections/components/profile-collections";
import { collectionRights } from "@/modules/collections/policies";
import { getCollectionsForProfile } from "@/modules/collections/queries";
import { ProfileMedia } from "@/modules/media/components/profile-media";
import { listProfileMedia } from "@/modules/media/queries";
import { ContactButton } from "@/modules/messaging/components/contact-button";
import { TalentProfile } from "@/modules/talents/components/profile-view";
import { recordProfileView } from "@/modules/talents/mutations";
import { countryName } from "@/modules/talents/options";
import { photoUrl } from "@/modules/talents/photo-variants";
import { getProfileView } from "@/modules/talents/queries";

type Props = { params: Promise<{ id: string }> };
type PageSearch = { searchParams: Promise<{ then?: string | string[] }> };

/** One read per request, shared by the metadata and the page. */
const loadView = cache(async (id: string) => getProfileView(getDb(), await getActor(), id));

/**
 * The page title, and for a listed profile the link preview (Open Graph and
 * Twitter card) from what anyone may see: name, headline, city and the
 * primary photo. A draft or hidden profile, seen by its talent or an admin,
 * gets no preview and is kept out of search engines.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await loadView((await params).id);
  if (!view) return { title: "Talent not found", robots: { index: false } };
  const { profile, status } = view;
  if (!status.isPublished || status.isHidden) return { title: profile.displayName, robots: { index: false } };
  const place = [profile.city, profile.country ? countryName(profile.country) : ""].filter(Boolean).join(", ");
  const description = [profile.headline, place].filter(Boolean).join(" - ") || `${profile.displayName} on Callback`;
  const photo = profile.primaryPhoto;
  const images = photo
    ? [
        {
          url: photoUrl(photo.id, "large"),
          width: photo.width,
          height: photo.height,
          alt: `Photo of ${profile.displayName}`,
        },
      ]
    : undefined;
  return {
    title: profile.displayName,
    description,
    alternates: { canonical: `/talents/${profile.id}` },
    openGraph: {
      type: "profile",
      siteName: "Callback",
      title: profile.displayName,
      description,
      url: `/talents/${profile.id}`,
      images,
    },
    twitter: { card: photo ? "summary_large_image" : "summary", title: profile.displayName, description, images },
  };
}

export default async function TalentProfilePage({ params, searchParams }: Props & PageSearch) {
  const { id } = await params;
  const view = await loadView(id);
  if (!view) notFound();
  if (!view.viewer.isOwner) await recordProfileView(getDb(), view.profile.id);
  const actor = await getActor();
  const shared =
    actor && !view.viewer.isOwner ? await getSharedContactForProfile(getDb(), actor, view.profile.id) : null;
  if (actor && shared) await recordRevealView(getDb(), actor, shared.requestId);
  const media = await listProfileMedia(getDb(), actor, { profileId: view.profile.id });
  const rights = collectionRights(actor);
  const collections = actor && rights.read ? await getCollectionsForProfile(getDb(), actor, view.profile.id) : null;
  const isListed = view.status.isPublished && !view.status.isHidden;
  const approach = !view.viewer.isOwner && isListed ? getApproachActions(actor) : "none";
  const upgradeReason = getUpgradeReason(actor);
  const plan = actor ? planForRole(actor.role) : null;
  const name = view.profile.displayName;
  const profilePath = `/talents/${view.profile.id}`;
  const requestPath = `/contact-requests/new?profile=${view.profile.id}`;
  // Back from checkout to message this talent: the Message button is focused, and says the plan is active.
  const isBackToMessage = (await searchParams).then === "message" && approach === "open";
  const showCollections = Boolean(
    collections && (rights.write || collections.some((collection) => collection.contains)),
  );
  const tools = (
    <>
      {isBackToMessage ? (
        <p role="status" className="rounded-xl bg-emerald-50 px-4 py-2 text-sm text-emerald-900">
          Your subscription is active. Message {name} now.
        </p>
      ) : null}
      {approach === "open" ? (
        <div className="flex flex-wrap gap-2">
          <ContactButton profileId={view.profile.id} talentName={name} autoFocus={isBackToMessage} />
          <ButtonLink href={requestPath} variant="secondary">
            Request contact details
          </ButtonLink>
        </div>
      ) : approach === "locked" && upgradeReason && plan ? (
        <div className="flex flex-wrap gap-2">
          <UpgradeDialog
            label={`Message ${name}`}
            purpose={`message ${name}`}
            reason={upgradeReason}
            plan={plan}
            returnTo={`${profilePath}?then=message`}
          />
          <UpgradeDialog
            label="Request contact details"
            variant="secondary"
            purpose={`request ${name}'s contact details`}
            reason={upgradeReason}
            plan={plan}
            returnTo={requestPath}
          />
        </div>
      ) : null}
      {shared ? <SharedDetails details={shared.details} title={`Contact details ${name} shared with you`} /> : null}
      {showCollections && collections ? (
        <ProfileCollections
          profileId={view.profile.id}
          talentName={name}
          collections={collections}
          canChange={rights.write && isListed}
        />
      ) : null}
    </>
  );
  const hasTools = approach !== "none" || Boolean(shared) || showCollections;
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
      <TalentProfile
        view={view}
        tools={hasTools ? tools : undefined}
        media={<ProfileMedia items={media} name={name} />}
      />
    </div>
  );
}
