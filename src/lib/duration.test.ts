import { describe, expect, it } from "vitest";
import { durationUnitForAll, formatDuration } from "./duration";

const hours = (count: number) => count * 3600;

describe("formatDuration", () => {
  it("picks the unit that reads naturally when none is given", () => {
    expect(formatDuration(45 * 60)).toBe("45 min");
    expect(formatDuration(20)).toBe("1 min");
    expect(formatDuration(hours(5.2))).toBe("5.2 h");
    expect(formatDuration(hours(24))).toBe("24 h");
    expect(formatDuration(hours(74.4))).toBe("3.1 days");
  });

  it("says day for one and days otherwise", () => {
    expect(formatDuration(hours(24), "days")).toBe("1 day");
    expect(formatDuration(hours(36), "days")).toBe("1.5 days");
  });

  it("keeps the given unit, and says so when a value is too small to show in it", () => {
    expect(formatDuration(hours(62.4), "h")).toBe("62.4 h");
    expect(formatDuration(60, "h")).toBe("under 0.1 h");
    expect(formatDuration(0, "h")).toBe("0 h");
  });

  it("shows a dash when there is no duration", () => {
    expect(formatDuration(null)).toBe("-");
    expect(formatDuration(null, "h")).toBe("-");
  });
});

describe("durationUnitForAll", () => {
  it("chooses one unit for a column from its longest value", () => {
    expect(durationUnitForAll([hours(46.4), hours(62.4), null])).toBe("days");
    expect(durationUnitForAll([hours(3), hours(46.4)])).toBe("h");
    expect(durationUnitForAll([600, 1200])).toBe("min");
    expect(durationUnitForAll([null])).toBe("min");
  });
});
