import "server-only";
import type { Db } from "@/db";
import { getLogger } from "@/lib/logger";
import { processBillingEvent } from "./events";
import { translateStripeEvent, verifyStripeWebhook, type PriceMap } from "./stripe";

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

/**
 * A Stripe webhook delivery: verified on its raw body, translated, applied
 * once. A bad signature or a stale timestamp answers 400. Unknown event types,
 * unknown customers and replays answer 200 so Stripe stops sending them. A
 * failure while applying throws: the transaction rolls back, the route answers
 * 500, and Stripe retries later.
 */
export async function handleStripeWebhook(
  db: Db,
  input: { payload: string; signature: string | null; secret: string; prices: PriceMap },
): Promise<WebhookAnswer> {
  const log = getLogger();
  if (!input.signature)
    return { status: 400, body: { error: "missing_signature", message: "The Stripe-Signature header is missing." } };
  let event;
  try {
    event = verifyStripeWebhook(input.payload, input.signature, input.secret);
  } catch (error) {
    log.warn({ reason: error instanceof Error ? error.message : String(error) }, "stripe webhook refused");
    return {
      status: 400,
      body: {
        error: "invalid_signature",
        message: "The webhook signature did not verify, or its timestamp is too old.",
      },
    };
  }
  const translated = translateStripeEvent(event, input.prices);
  if ("ignored" in translated) {
    log.info(
      { eventId: event.id, type: event.type, reason: translated.ignored },
      "stripe webhook acknowledged without effect",
    );
    return { status: 200, body: { received: true, ignored: translated.ignored } };
  }
  const outcome = await processBillingEvent(db, translated.event);
  return { status: 200, body: { received: true, outcome } };
}
