import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { requireActor } from "@/modules/access/actor";
import { listDevMailbox } from "@/modules/notifications/queries";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Development mailbox" };

/** Email the app would have sent, kept here because no SMTP server is configured. */
export default async function DevMailboxPage() {
  const actor = await requireActor();
  if (getEnv().SMTP_URL) notFound();
  const mails = await listDevMailbox(getDb(), actor).catch((error: unknown) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Development mailbox</h1>
        <p className="mt-1 text-sm text-stone-600">
          No SMTP server is configured, so email is kept here instead of being sent. Newest first; times in UTC.
        </p>
      </div>
      {mails.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-stone-300 p-8 text-center text-sm text-stone-500">
          No email yet.
        </p>
      ) : null}
      <ul className="space-y-3">
        {mails.map((mail) => (
          <li key={mail.id} className="rounded-2xl border border-stone-200 bg-white p-4" data-testid="mail">
            <details>
              <summary className="cursor-pointer">
                <span className="font-semibold">{mail.subject}</span>
                <span className="ml-2 text-sm text-stone-500">
                  to {mail.to}, {formatDateTime(mail.createdAt, actor.timeZone, { year: false, seconds: true })}
                </span>
              </summary>
              <div className="mt-3 grid gap-3 lg:grid-cols-2">
                <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg bg-stone-50 p-3 text-xs">
                  {mail.text}
                </pre>
                <iframe
                  title={`HTML of ${mail.subject}`}
                  sandbox=""
                  srcDoc={mail.html}
                  className="h-80 w-full rounded-lg border border-stone-200 bg-white"
                />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
