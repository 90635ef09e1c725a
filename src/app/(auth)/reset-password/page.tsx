import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ResetPasswordForm } from "@/modules/access/components/reset-password-form";

// The token is in this page's address: never pass it on to another site in a Referer header.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <Card className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
        <p className="mt-1 text-sm text-stone-600">
          Setting it signs your account out on every device; then sign in with the new password.
        </p>
      </div>
      {typeof token === "string" && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert" className="text-sm text-stone-700">
          This page needs the link from your reset email.{" "}
          <Link href="/forgot-password" className="font-semibold text-brand-700 hover:underline">
            Ask for a link
          </Link>
        </p>
      )}
    </Card>
  );
}
