import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { UnsubscribeForm } from "@/modules/notifications/components/unsubscribe-form";
import { categoryLabels } from "@/modules/notifications/definition";
import { verifyUnsubscribeToken } from "@/modules/notifications/tokens";

export const metadata: Metadata = { title: "Unsubscribe" };

/** The link at the foot of every email; it works signed out. Nothing changes until the button is pressed. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const verified = typeof token === "string" ? verifyUnsubscribeToken(token) : null;
  return (
    <Card className="mx-auto max-w-lg space-y-3">
      <h1 className="text-2xl font-bold">Email settings</h1>
      {verified && token ? (
        <UnsubscribeForm
          token={token}
          what={
            verified.scope === "all"
              ? "all Callback emails"
              : `${categoryLabels[verified.scope].name.toLowerCase()} emails`
          }
        />
      ) : (
        <p className="text-sm text-stone-700">
          This unsubscribe link is not valid. Sign in and change your notification settings instead.
        </p>
      )}
    </Card>
  );
}
