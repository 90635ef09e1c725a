import type { Metadata } from "next";
import { Card, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { SettingsNav } from "@/modules/account-data/components/settings-nav";
import { requireActor } from "@/modules/access/actor";
import { timeZoneGroups } from "@/lib/time-zones";
import { PreferencesForm } from "@/modules/notifications/components/preferences-form";
import { TimeSettingsForm } from "@/modules/notifications/components/time-settings-form";
import { getEmailPreferences, getTimeSettings } from "@/modules/notifications/queries";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const actor = await requireActor();
  const [preferences, timeSettings] = await Promise.all([
    getEmailPreferences(getDb(), actor),
    getTimeSettings(getDb(), actor),
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Notification settings</h1>
        <SettingsNav current="/settings/notifications" />
        <p className="mt-1 text-sm text-stone-600">
          Notifications always appear in the app, under the bell. Choose which ones also come by email. Message emails
          wait a few minutes and are skipped if you have already read the message.
        </p>
      </div>
      <Card>
        <PreferencesForm preferences={preferences} />
      </Card>
      <Card className="space-y-3">
        <CardTitle>Time zone</CardTitle>
        <TimeSettingsForm
          timeZone={timeSettings.timeZone}
          digestHour={timeSettings.digestHour}
          groups={timeZoneGroups(new Date())}
        />
      </Card>
    </div>
  );
}
