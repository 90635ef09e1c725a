import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formValues, invalidInput, runMutation } from "./action-result";
import { AppError, postgresErrorCode } from "./errors";

describe("formValues", () => {
  it("hands back what was typed, but never the password or framework fields", () => {
    const form = new FormData();
    form.set("email", "casting@callback.test");
    form.set("password", "secret");
    form.set("$ACTION_ID_abc", "");
    expect(formValues(form)).toEqual({ email: "casting@callback.test" });
  });
});

describe("invalidInput", () => {
  it("groups zod issues by field", () => {
    const result = z.object({ name: z.string().min(1, "Enter your name.") }).safeParse({ name: "" });
    if (result.success) throw new Error("expected a failure");
    expect(invalidInput(result.error, { name: "" })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { name: ["Enter your name."] },
      values: { name: "" },
    });
  });
});

describe("runMutation", () => {
  it("returns the data of a mutation that succeeds", async () => {
    expect(await runMutation(async () => 42)).toEqual({ ok: true, data: 42 });
  });

  it("turns an expected refusal into a result with its message", async () => {
    const result = await runMutation(async () => {
      throw new AppError("conflict", "That email is taken.");
    });
    expect(result).toEqual({
      ok: false,
      code: "conflict",
      message: "That email is taken.",
      fieldErrors: undefined,
      values: undefined,
    });
  });

  it("lets unexpected errors through to the error page, never reporting success", async () => {
    await expect(runMutation(async () => Promise.reject(new TypeError("boom")))).rejects.toThrow("boom");
  });
});

describe("postgresErrorCode", () => {
  it("finds the PostgreSQL code under Drizzle's wrapper", () => {
    const wrapped = new Error("Failed query: insert ...", {
      cause: Object.assign(new Error("duplicate key"), { code: "23505" }),
    });
    expect(postgresErrorCode(wrapped)).toBe("23505");
    expect(postgresErrorCode(new Error("plain"))).toBeUndefined();
  });
});
