import { errorResponse } from "@/lib/http";
import { isDraining, onDrain } from "@/lib/lifecycle";
import { getMetrics } from "@/lib/metrics";
import { getActor } from "@/modules/access/actor";
import { getRealtimeHub } from "@/modules/realtime/hub";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for the signed-in user, fed by the realtime module's hub
 * (one LISTEN connection per instance): a "message" event per new message in
 * their own conversations, with its conversation id and seq only, and an empty
 * "notification" event when their notifications change. The page then fetches
 * the content through the JSON API (`/api/v1/...`), which checks who may see
 * it. A comment every 20 seconds keeps proxies from closing the connection;
 * browsers reconnect by themselves after `retry` milliseconds.
 * When the instance shuts down, each stream is told to reconnect after a
 * second and ended, so browsers move to another instance behind the balancer.
 */
export async function GET(request: Request) {
  if (isDraining()) return errorResponse("unavailable", undefined, { headers: { "Retry-After": "1" } });
  const actor = await getActor();
  if (!actor) return errorResponse("unauthenticated");
  const encoder = new TextEncoder();
  const connections = getMetrics().sseConnections;
  let unsubscribe: (() => void) | undefined;
  let stopDrainWatch: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    connections.dec();
    unsubscribe?.();
    stopDrainWatch?.();
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
      connections.inc();
      send("retry: 3000\n\n");
      unsubscribe = await getRealtimeHub().subscribe(actor.userId, (event) =>
        send(
          event.type === "message"
            ? `event: message\ndata: ${JSON.stringify({ conversationId: event.conversationId, seq: event.seq })}\n\n`
            : "event: notification\ndata: {}\n\n",
        ),
      );
      heartbeat = setInterval(() => send(": keep-alive\n\n"), 20_000);
      stopDrainWatch = onDrain(() => {
        send("retry: 1000\n: this instance is shutting down\n\n");
        close();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
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
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
