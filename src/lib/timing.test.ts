import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withMinimumDuration } from "./timing";

describe("withMinimumDuration", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("holds a quick answer until the floor has passed", async () => {
    let settled = false;
    const answer = withMinimumDuration(400, async () => "done").then((value) => ((settled = true), value));
    await vi.advanceTimersByTimeAsync(399);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toBe("done");
  });

  it("holds a refusal just as long, then passes it on", async () => {
    let settled = false;
    const answer = withMinimumDuration(400, async () => {
      throw new Error("refused");
    }).catch((error: unknown) => ((settled = true), error));
    await vi.advanceTimersByTimeAsync(399);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toMatchObject({ message: "refused" });
  });

  it("adds nothing to work that took longer than the floor", async () => {
    let settled = false;
    const answer = withMinimumDuration(
      100,
      () => new Promise((resolve) => setTimeout(() => resolve("slow"), 300)),
    ).then((value) => ((settled = true), value));
    await vi.advanceTimersByTimeAsync(300);
    expect(settled).toBe(true);
    await expect(answer).resolves.toBe("slow");
  });
});
