import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getActor } from "@/modules/access/actor";
import { SignInForm } from "@/modules/access/components/sign-in-form";
import { returnToInput } from "@/modules/access/inputs";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = returnToInput.parse(typeof next === "string" ? next : undefined);
  if (await getActor()) redirect(returnTo);
  return (
    <Card className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
        <p className="mt-1 text-sm text-stone-600">Welcome back. Sign in to your Callback account.</p>
      </div>
      <SignInForm returnTo={returnTo === "/home" ? undefined : returnTo} />
    </Card>
  );
}
