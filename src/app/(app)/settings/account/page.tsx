import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireActor } from "@/modules/access/actor";
import { roleLabels } from "@/modules/access/roles";
import { DeleteAccount } from "@/modules/account-data/components/delete-account";
import { SettingsNav } from "@/modules/account-data/components/settings-nav";
import { getDeletionOverview } from "@/modules/account-data/queries";
import { collectionRights } from "@/modules/collections/policies";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const actor = await requireActor();
  const overview = await getDeletionOverview(getDb(), actor);
  const goes = [
    "your name, email address and password, and every signed-in session",
    ...(overview.hasProfile
      ? ["your talent profile, its contact details, credits and photos (it leaves the gallery and every collection)"]
      : []),
    "your notifications, email settings and any email not yet sent to you",
    ...(collectionRights(actor).read ? ["your collections and their share links"] : []),
    "pending contact requests you sent or received: they expire now",
    ...(overview.hasLiveSubscription ? ["your subscription: it ends at once and you are not charged again"] : []),
  ];
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Account settings</h1>
        <SettingsNav current="/settings/account" />
      </div>
      <Card className="space-y-2">
        <CardTitle>Your account</CardTitle>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
          <dt className="text-stone-500">Name</dt>
          <dd className="text-stone-900">{actor.name}</dd>
          <dt className="text-stone-500">Email</dt>
          <dd className="text-stone-900">{actor.email}</dd>
          <dt className="text-stone-500">Account type</dt>
          <dd className="text-stone-900">{roleLabels[actor.role]}</dd>
          <dt className="text-stone-500">Time zone</dt>
          <dd className="text-stone-900">
            {actor.timeZone}{" "}
            <Link href="/settings/notifications" className="text-brand-700 underline">
              Change
            </Link>
          </dd>
        </dl>
      </Card>
      <Card className="space-y-3">
        <CardTitle>Download my data</CardTitle>
        <p className="text-sm text-stone-600">
          One JSON file with everything Callback holds about you: your account, profile and photo details, conversations
          and their messages, contact requests sent and received (with what was shared with you), notifications and
          email settings, collections, subscription and billing history. Your password and sign-in tokens are never
          included.
        </p>
        <a href="/settings/account/export" download className={buttonClasses("secondary")}>
          Download my data
        </a>
      </Card>
      <Card className="space-y-3">
        <CardTitle>Delete my account</CardTitle>
        <div className="space-y-2 text-sm text-stone-700">
          <p>Deleting your account removes, at once and for good:</p>
          <ul className="list-disc space-y-1 pl-5">
            {goes.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p>
            What stays: messages you sent remain in the other person&apos;s conversation, shown as from &quot;Deleted
            user&quot;, and no one can write to you there. Billing records stay for accounting, without your name or
            email.
          </p>
        </div>
        <DeleteAccount blockedReason={overview.decision.allowed ? null : overview.decision.message} />
      </Card>
    </div>
  );
}
