import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { requirePermission } from "@/modules/access/actor";
import { checkPremiumAccess } from "@/modules/access/premium";
import { ContactRequestForm } from "@/modules/contact-requests/components/request-form";
import { RequestBlockedNotice } from "@/modules/contact-requests/components/request-notice";
import { getRequestPrecheck } from "@/modules/contact-requests/queries";
import { PremiumPrompt } from "@/modules/talents/components/premium-prompt";
import { getProfileOwner } from "@/modules/talents/queries";

export const metadata: Metadata = { title: "Request contact details" };

export default async function NewContactRequestPage({ searchParams }: { searchParams: Promise<{ profile?: string }> }) {
  const actor = await requirePermission("contact-request:send");
  const profileId = (await searchParams).profile ?? "";
  const db = getDb();
  const owner = await getProfileOwner(db, profileId);
  if (!owner?.isListed) notFound();
  const access = checkPremiumAccess(actor);
  const precheck = access.allowed ? await getRequestPrecheck(db, actor, [profileId]) : null;
  const block = precheck ? (precheck.talentBlocks[profileId] ?? precheck.quotaBlock) : null;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={`/talents/${profileId}`} className="text-sm font-medium text-brand-700 hover:underline">
        Back to {owner.displayName}
      </Link>
      <h1 className="text-3xl font-bold tracking-tight">Request {owner.displayName}&apos;s contact details</h1>
      {!access.allowed ? (
        <PremiumPrompt reason={access.reason} talentName={owner.displayName} />
      ) : block ? (
        <RequestBlockedNotice block={block} />
      ) : (
        <ContactRequestForm
          profileId={profileId}
          talentName={owner.displayName}
          remainingNote={precheck?.remainingNote ?? null}
        />
      )}
    </div>
  );
}
