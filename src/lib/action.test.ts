import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createAction, createFormAction } from "./action";
import { AppError } from "./errors";

const next = vi.hoisted(() => ({
  revalidatePath: vi.fn(),
  redirect: vi.fn((path: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { path });
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: next.revalidatePath }));
vi.mock("next/navigation", () => ({ redirect: next.redirect }));
const logged = vi.hoisted(() => ({ debug: vi.fn() }));
vi.mock("./logger", () => ({ getLogger: () => logged }));

type Context = { actor: string };
const context = async (): Promise<Context> => ({ actor: "ana" });

const signUpInput = z.object({
  email: z.email("Enter an email address."),
  password: z.string().min(12, "Use at least 12 characters."),
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

beforeEach(() => {
  next.revalidatePath.mockClear();
  next.redirect.mockClear();
  logged.debug.mockClear();
});

describe("a form's action", () => {
  it("answers bad input with field errors, keeping what was typed but never the password", async () => {
    const run = vi.fn(async () => "made");
    const action = createFormAction({
      context,
      input: signUpInput,
      read: (data) => ({ email: data.get("email"), password: data.get("password") }),
      run,
      revalidate: ["/home"],
    });
    const result = await action(null, form({ email: "not an email", password: "short", name: "Ana" }));
    expect(result).toEqual({
      ok: false,
      code: "invalid_input",
      message: "Some fields need your attention.",
      fieldErrors: { email: ["Enter an email address."], password: ["Use at least 12 characters."] },
      values: { email: "not an email", name: "Ana" },
    });
    expect(run).not.toHaveBeenCalled();
    expect(next.revalidatePath).not.toHaveBeenCalled();
  });

  it("reads the form's text fields by default and runs the change with the parsed input", async () => {
    const run = vi.fn(async ({ actor, input }: Context & { input: { title: string } }) => `${actor}:${input.title}`);
    const action = createFormAction({ context, input: z.object({ title: z.string().trim() }), run });
    expect(await action(null, form({ title: "  Lead  " }))).toEqual({ ok: true, data: "ana:Lead" });
  });

  it("turns an AppError from the change into a failure with its message and the values", async () => {
    const action = createFormAction({
      context,
      input: z.object({ email: z.string() }),
      run: async () => {
        throw new AppError("conflict", "That email is taken.");
      },
      revalidate: [{ layout: "/" }],
    });
    expect(await action(null, form({ email: "ana@callback.test", password: "secret-secret" }))).toEqual({
      ok: false,
      code: "conflict",
      message: "That email is taken.",
      fieldErrors: undefined,
      values: { email: "ana@callback.test" },
    });
    expect(logged.debug).toHaveBeenCalledWith({ code: "conflict" }, "action refused");
    expect(next.revalidatePath).not.toHaveBeenCalled();
  });

  it("hands back only the values the declaration names", async () => {
    const action = createFormAction({
      context,
      input: z.object({ token: z.string().min(100, "Too short.") }),
      values: () => ({ kept: "yes" }),
      run: async () => undefined,
    });
    expect(await action(null, form({ token: "abc" }))).toMatchObject({ values: { kept: "yes" } });
  });

  it("never hands back a password field, even one a declaration names", async () => {
    const action = createFormAction({
      context,
      input: z.object({ token: z.string().min(100, "Too short.") }),
      values: (data) => Object.fromEntries([...data.entries()].map(([key, value]) => [key, String(value)])),
      run: async () => undefined,
    });
    const result = await action(null, form({ token: "abc", password: "p", newPassword: "q", confirmPassword: "r" }));
    expect(result).toMatchObject({ ok: false, values: { token: "abc" } });
    expect(result.ok ? {} : result.values).toEqual({ token: "abc" });
  });
});

describe("an action with arguments", () => {
  const idInput = z.uuid("That does not exist.");

  it("reads its input from the arguments and names the whole value when it is wrong", async () => {
    const action = createAction({
      context,
      input: idInput,
      read: (id: string) => id,
      run: async ({ input }) => input,
    });
    expect(await action("nope")).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { form: ["That does not exist."] },
      values: undefined,
    });
    const id = crypto.randomUUID();
    expect(await action(id)).toEqual({ ok: true, data: id });
  });

  it("takes what `read` made as the input when there is no schema", async () => {
    const action = createAction({ context, read: (id: number) => String(id), run: async ({ input }) => input });
    expect(await action(42)).toEqual({ ok: true, data: "42" });
  });

  it("lets an unexpected error through to the error page, never reporting it as a result", async () => {
    const action = createAction({ context, run: async () => Promise.reject(new TypeError("boom")) });
    await expect(action()).rejects.toThrow("boom");
    expect(next.revalidatePath).not.toHaveBeenCalled();
  });

  it("resolves the caller before anything else: a redirect to sign in comes first", async () => {
    const read = vi.fn((id: string) => id);
    const action = createAction({
      context: async () => Promise.reject(new Error("NEXT_REDIRECT /sign-in")),
      input: idInput,
      read,
      run: async () => undefined,
    });
    await expect(action("nope")).rejects.toThrow("NEXT_REDIRECT /sign-in");
    expect(read).not.toHaveBeenCalled();
  });

  it("checks the caller's right once the input is well-formed, refusing before the change", async () => {
    const run = vi.fn(async () => undefined);
    const action = createAction({
      context,
      input: idInput,
      read: (id: string) => id,
      authorize: ({ actor }) => {
        if (actor !== "admin") throw new AppError("not_found");
      },
      run,
    });
    expect(await action("nope")).toMatchObject({ code: "invalid_input" });
    expect(await action(crypto.randomUUID())).toMatchObject({ ok: false, code: "not_found" });
    expect(run).not.toHaveBeenCalled();
  });

  it("revalidates after a success only, then redirects", async () => {
    const order: string[] = [];
    next.revalidatePath.mockImplementation(
      (path: string, type?: string) => void order.push(`${type ?? "page"} ${path}`),
    );
    const action = createAction({
      context,
      read: (id: string) => id,
      run: async ({ input }) => {
        if (input === "taken") throw new AppError("conflict");
        return `/things/${input}`;
      },
      revalidate: (_, id) => [`/things/${id}`, { layout: "/" }],
      redirect: (path) => (order.push(`redirect ${path}`), path),
    });
    expect(await action("taken")).toMatchObject({ ok: false, code: "conflict" });
    expect(order).toEqual([]);
    await expect(action("t1")).rejects.toMatchObject({ path: "/things/t1" });
    expect(order).toEqual(["page /things/t1", "layout /", "redirect /things/t1"]);
    next.revalidatePath.mockReset();
  });
});
