import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getActor } from "@/modules/access/actor";
import { SignInForm } from "@/modules/access/components/sign-in-form";
import { returnToInput } from "@/modules/access/inputs";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; reset?: string | string[] }>;
}) {
  const { next, reset } = await searchParams;
  const returnTo = returnToInput.parse(typeof next === "string" ? next : undefined);
  if (await getActor()) redirect(returnTo);
  return (
    <Card className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
        <p className="mt-1 text-sm text-stone-600">Welcome back. Sign in to your Callback account.</p>
      </div>
      {reset === "done" ? (
        <p
          role="status"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          Your password is changed and every session of your account has ended. Sign in with the new password.
        </p>
      ) : null}
      <SignInForm returnTo={returnTo === "/home" ? undefined : returnTo} />
    </Card>
  );
}
