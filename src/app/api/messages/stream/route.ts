import { errorResponse } from "@/lib/http";
import { getActor } from "@/modules/access/actor";
import { getRealtimeHub } from "@/modules/messaging/realtime";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for the signed-in user: a "message" event per new message
 * in their own conversations and a "notification" event per new notification
 * (ids only; the page fetches the content through its authorised actions). A comment every 20 seconds keeps proxies from closing
 * the connection; browsers reconnect by themselves after `retry` milliseconds.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return errorResponse("unauthenticated");
  const encoder = new TextEncoder();
  let unsubscribe: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const close = () => {
    unsubscribe?.();
    clearInterval(heartbeat);
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      send("retry: 3000\n\n");
      unsubscribe = await getRealtimeHub().subscribe(actor.userId, (event) =>
        send(event.type === "message" ? `event: message\ndata: ${JSON.stringify({ conversationId: event.conversationId, seq: event.seq })}\n\n` : "event: notification\ndata: {}\n\n"),
      );
      heartbeat = setInterval(() => send(": keep-alive\n\n"), 20_000);
      request.signal.addEventListener("abort", () => {
        close();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel: close,
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
