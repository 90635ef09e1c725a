import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Account deleted" };

export default function AccountDeletedPage() {
  return (
    <Card className="mx-auto max-w-lg space-y-3 text-center">
      <h1 className="text-2xl font-bold tracking-tight">Your account has been deleted</h1>
      <p className="text-sm text-stone-600">
        You have been signed out everywhere, and we will not email you again. Thank you for using Callback.
      </p>
      <ButtonLink href="/talents" variant="secondary">
        Back to Callback
      </ButtonLink>
    </Card>
  );
}
