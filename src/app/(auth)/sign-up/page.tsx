import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getActor } from "@/modules/access/actor";
import { SignUpForm } from "@/modules/access/components/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ as?: string | string[] }> }) {
  if (await getActor()) redirect("/home");
  const { as } = await searchParams;
  return (
    <Card className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Create your account</h1>
        <p className="mt-1 text-sm text-stone-600">
          Publish your profile as a talent, or find the right talent for your production.
        </p>
      </div>
      <SignUpForm initialAccountType={typeof as === "string" ? as.toUpperCase() : undefined} />
    </Card>
  );
}
