import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDatabase, type Db } from "@/db";
import { onShutdown, shutdownOrder } from "@/lib/lifecycle";
import { getLogger } from "@/lib/logger";

/**
 * Real-time fan-out through the database: a change NOTIFYs this channel in
 * the transaction that makes it (so a rolled-back change says nothing), and
 * every app instance LISTENs and passes events to its own open streams. A
 * payload carries ids only, never content: the browser fetches what it may see.
 */
export const EVENTS_CHANNEL = "callback_events";

const eventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("message"),
    conversationId: z.uuid(),
    seq: z.number().int(),
    userIds: z.array(z.string()),
  }),
  z.object({ type: z.literal("notification"), userIds: z.array(z.string()) }),
]);
export type RealtimeEvent = z.infer<typeof eventSchema>;

/** Announces a change to the users named in the event, when (and only if) the transaction commits. */
export async function publishEvent(tx: Db, event: RealtimeEvent): Promise<void> {
  await tx.execute(sql`select ${realtimeNotification(event)}`);
}

/** A new message's announcement, for the statement that stores it (its seq is known only there). */
export function messageNotification(conversationId: string, seq: SQL, userIds: string[]): SQL {
  return sql`pg_notify(${EVENTS_CHANNEL}, json_build_object('type', 'message', 'conversationId', ${conversationId}::text, 'seq', ${seq}, 'userIds', ${JSON.stringify(userIds)}::json)::text)`;
}

/** The same announcement as an expression, for a statement that does more in the same round trip. */
export function realtimeNotification(event: RealtimeEvent): SQL {
  return sql`pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`;
}

type Listener = (event: RealtimeEvent) => void;

class RealtimeHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private started: Promise<void> | null = null;

  private dispatch(payload: string) {
    const parsed = eventSchema.safeParse(
      (() => {
        try {
          return JSON.parse(payload);
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success) return;
    for (const userId of parsed.data.userIds)
      for (const listener of this.listeners.get(userId) ?? []) listener(parsed.data);
  }

  private start() {
    this.started ??= getDatabase()
      .listen(EVENTS_CHANNEL, (payload) => this.dispatch(payload))
      .then((unlisten) => {
        // At shutdown, after the streams have ended, the listening connection closes too.
        onShutdown("realtime-listener", shutdownOrder.work, unlisten);
      })
      .catch((error: unknown) => {
        this.started = null;
        getLogger().error(
          { err: error instanceof Error ? error.message : String(error) },
          "real-time listener failed to start",
        );
        throw error;
      });
    return this.started;
  }

  /** Calls the listener for every event addressed to this user, until unsubscribed. */
  async subscribe(userId: string, listener: Listener): Promise<() => void> {
    await this.start();
    const set = this.listeners.get(userId) ?? new Set();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }
}

const globalForHub = globalThis as unknown as { callbackRealtimeHub?: RealtimeHub };

export function getRealtimeHub(): RealtimeHub {
  globalForHub.callbackRealtimeHub ??= new RealtimeHub();
  return globalForHub.callbackRealtimeHub;
}
