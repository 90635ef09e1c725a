import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/http";
import { handleStripeWebhook } from "@/modules/billing/webhook";
import { stripePrices } from "@/modules/billing/provider";

/** Stripe's webhook: the raw body is read as text, because the signature covers it byte for byte. */
export async function POST(request: Request) {
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  const prices = stripePrices();
  if (!secret || !prices) return errorResponse("not_found", "Stripe is not configured on this server.");
  const answer = await handleStripeWebhook(getDb(), {
    payload: await request.text(),
    signature: request.headers.get("stripe-signature"),
    secret,
    prices,
  });
  return Response.json(answer.body, { status: answer.status });
}
