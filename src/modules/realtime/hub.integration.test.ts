import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/database";
import { EVENTS_CHANNEL, publishEvent, type RealtimeEvent } from "./hub";

const waitFor = async (predicate: () => boolean, ms = 3000) => {
  const started = Date.now();
  while (!predicate() && Date.now() - started < ms) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe("real-time events through the database", () => {
  it("delivers a NOTIFY made in a committed transaction, and nothing from a rolled-back one", async () => {
    const { db, handle } = await freshDatabase();
    const received: RealtimeEvent[] = [];
    const stop = await handle.listen(EVENTS_CHANNEL, (payload) => received.push(JSON.parse(payload) as RealtimeEvent));
    const committed: RealtimeEvent = { type: "message", conversationId: randomUUID(), seq: 1, userIds: ["a", "b"] };
    const rolledBack: RealtimeEvent = { type: "message", conversationId: randomUUID(), seq: 2, userIds: ["a", "b"] };

    await db
      .transaction(async (tx) => {
        await publishEvent(tx, rolledBack);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await db.transaction(async (tx) => publishEvent(tx, committed));

    await waitFor(() => received.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([committed]);
    await stop();
  });
});
