import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "./types";

const session = vi.hoisted(() => ({ actor: null as Actor | null, requireActor: vi.fn() }));
vi.mock("./actor", () => ({ requireActor: session.requireActor }));
vi.mock("@/db", () => ({ getDb: () => "the database" }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({ redirect: vi.fn() }));
vi.mock("@/lib/logger", () => ({ getLogger: () => ({ debug: vi.fn() }) }));

const { defineAction, defineFormAction } = await import("./action");

function actorWith(role: Actor["role"]): Actor {
  return { userId: `${role}-1`, name: role, email: `${role}@callback.test`, role, subscription: null, timeZone: "UTC" };
}

beforeEach(() => {
  session.requireActor.mockReset();
  session.requireActor.mockImplementation(async () => {
    if (!session.actor) throw new Error("NEXT_REDIRECT /sign-in");
    return session.actor;
  });
});

describe("the actor an action needs", () => {
  it("gives a signed-in action the database and the actor, and sends everyone else to sign in", async () => {
    const action = defineAction({ actor: "signed-in", run: async ({ db, actor }) => `${String(db)} ${actor.userId}` });
    session.actor = actorWith("TALENT");
    expect(await action()).toEqual({ ok: true, data: "the database TALENT-1" });
    session.actor = null;
    await expect(action()).rejects.toThrow("NEXT_REDIRECT /sign-in");
  });

  it("does not read the session for an action anyone may call", async () => {
    const action = defineFormAction({
      actor: "anyone",
      input: z.object({ token: z.string() }),
      run: async ({ actor, input }) => ({ actor, token: input.token }),
    });
    const form = new FormData();
    form.set("token", "t");
    expect(await action(null, form)).toEqual({ ok: true, data: { actor: null, token: "t" } });
    expect(session.requireActor).not.toHaveBeenCalled();
  });

  it("refuses an account whose role lacks the permission as if the action did not exist", async () => {
    const run = vi.fn(async () => "suspended");
    const action = defineAction({
      actor: { permission: "user:moderate" },
      input: z.uuid("Choose an account."),
      read: (userId: string) => userId,
      run,
    });
    const id = crypto.randomUUID();
    for (const role of ["TALENT", "PROFESSIONAL", "COMPANY"] as const) {
      session.actor = actorWith(role);
      expect(await action(id)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(run).not.toHaveBeenCalled();
    session.actor = actorWith("ADMIN");
    expect(await action(id)).toEqual({ ok: true, data: "suspended" });
    session.actor = null;
    await expect(action(id)).rejects.toThrow("NEXT_REDIRECT /sign-in");
  });
});
