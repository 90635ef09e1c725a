import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fail, formValues, parseInput } from "./action-result";
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

describe("fail", () => {
  it("carries an AppError's code, message and field errors, with the values handed back", () => {
    const error = new AppError("invalid_input", "Fix these.", { name: ["Enter your name."] });
    expect(fail(error, { name: "" })).toEqual({
      ok: false,
      code: "invalid_input",
      message: "Fix these.",
      fieldErrors: { name: ["Enter your name."] },
      values: { name: "" },
    });
  });
});

describe("parseInput", () => {
  it("groups zod issues by field", () => {
    const schema = z.object({ name: z.string().min(1, "Enter your name.") });
    let thrown: unknown;
    try {
      parseInput(schema, { name: "" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: "invalid_input", fieldErrors: { name: ["Enter your name."] } });
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
