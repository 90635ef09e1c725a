import { describe, expect, it } from "vitest";
import { dateRangeInput, defaultRange, MAX_RANGE_DAYS } from "./inputs";
import { addDays, dayOf, daysBetween, lastWeeks, monthStart, shortDay, startOf, weekOf } from "./periods";

/** Every issue of a failed parse as [path, message], in the order zod reports them. */
function issues(result: ReturnType<ReturnType<typeof dateRangeInput>["safeParse"]>): [string, string][] {
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

const START_FORMAT = "Enter the start date as a real date like 2026-01-31.";
const END_FORMAT = "Enter the end date as a real date like 2026-01-31.";
const START_MISSING = "Enter the start date like 2026-01-31.";
const END_MISSING = "Enter the end date like 2026-01-31.";
const FUTURE = "The end date cannot be in the future.";
const ORDER = "The start date must be on or before the end date.";
const TOO_LONG = "Choose a range of at most 366 days.";

describe("dayOf and startOf", () => {
  it("names the UTC day of a moment, the last millisecond of a day still on that day", () => {
    expect(dayOf(new Date("2026-03-01T00:00:00.000Z"))).toBe("2026-03-01");
    expect(dayOf(new Date("2026-03-01T23:59:59.999Z"))).toBe("2026-03-01");
    expect(dayOf(new Date("2026-03-02T00:00:00.000Z"))).toBe("2026-03-02");
  });

  it("uses the UTC day, not the day at the moment's own offset", () => {
    expect(dayOf(new Date("2026-03-01T20:00:00-05:00"))).toBe("2026-03-02");
    expect(dayOf(new Date("2026-03-02T01:00:00+02:00"))).toBe("2026-03-01");
  });

  it("starts a day at midnight UTC", () => {
    expect(startOf("2026-03-01").toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(startOf("2028-02-29").toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });
});

describe("addDays", () => {
  it.each([
    ["2026-03-01", 0, "2026-03-01"],
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-04-30", 1, "2026-05-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2028-02-29", 1, "2028-03-01"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2028-02-29", 365, "2029-02-28"],
    ["2028-02-29", -366, "2027-02-28"],
    ["2026-03-18", -89, "2025-12-19"],
    ["2026-03-29", 1, "2026-03-30"],
    ["2026-10-25", 1, "2026-10-26"],
  ])("%s plus %i days is %s", (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });
});

describe("daysBetween", () => {
  it("lists every day with both ends included, across a month end and the leap day", () => {
    expect(daysBetween("2028-02-27", "2028-03-01")).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]);
    expect(daysBetween("2026-02-27", "2026-03-01")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  });

  it("crosses a year end", () => {
    expect(daysBetween("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
  });

  it("gives one day for a one-day range and none for a reversed one", () => {
    expect(daysBetween("2026-03-18", "2026-03-18")).toEqual(["2026-03-18"]);
    expect(daysBetween("2026-03-19", "2026-03-18")).toEqual([]);
  });

  it("counts 366 days in a leap year and 365 otherwise", () => {
    expect(daysBetween("2028-01-01", "2028-12-31")).toHaveLength(366);
    expect(daysBetween("2026-01-01", "2026-12-31")).toHaveLength(365);
  });
});

describe("weekOf", () => {
  it.each([
    ["2026-03-02", "2026-03-02"], // a Monday is its own week
    ["2026-03-03", "2026-03-02"],
    ["2026-03-07", "2026-03-02"], // Saturday
    ["2026-03-08", "2026-03-02"], // Sunday: the Monday before, not the one after
    ["2026-03-01", "2026-02-23"], // a Sunday on the first of a month
    ["2027-01-01", "2026-12-28"], // a Friday: the week started the year before
    ["2028-03-05", "2028-02-28"], // Sunday after the leap day
    ["2028-02-29", "2028-02-28"],
  ])("puts %s in the week of %s", (day, monday) => {
    expect(weekOf(day)).toBe(monday);
    expect(startOf(weekOf(day)).getUTCDay()).toBe(1);
  });
});

describe("lastWeeks", () => {
  it("gives the Mondays of the last weeks, the current week last, across a year end", () => {
    expect(lastWeeks(new Date("2026-03-18T15:00:00Z"), 12)).toEqual([
      "2025-12-29",
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
      "2026-01-26",
      "2026-02-02",
      "2026-02-09",
      "2026-02-16",
      "2026-02-23",
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
    ]);
  });

  it("counts a Sunday in the week that began the Monday before", () => {
    expect(lastWeeks(new Date("2026-03-08T23:59:59.999Z"), 2)).toEqual(["2026-02-23", "2026-03-02"]);
    expect(lastWeeks(new Date("2026-03-09T00:00:00.000Z"), 2)).toEqual(["2026-03-02", "2026-03-09"]);
  });

  it("gives one week for a count of one and none for zero", () => {
    expect(lastWeeks(new Date("2027-01-01T12:00:00Z"), 1)).toEqual(["2026-12-28"]);
    expect(lastWeeks(new Date("2027-01-01T12:00:00Z"), 0)).toEqual([]);
  });
});

describe("monthStart", () => {
  it("is midnight UTC on the first of the moment's UTC month", () => {
    expect(monthStart(new Date("2026-03-18T15:00:00Z")).toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(monthStart(new Date("2026-03-01T00:00:00.000Z")).toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(monthStart(new Date("2026-03-31T23:59:59.999Z")).toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(monthStart(new Date("2028-02-29T12:00:00Z")).toISOString()).toBe("2028-02-01T00:00:00.000Z");
    expect(monthStart(new Date("2027-01-01T00:00:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("uses the UTC month of a moment written with an offset", () => {
    // 2026-02-28 20:00 in New York is already March in UTC.
    expect(monthStart(new Date("2026-02-28T20:00:00-05:00")).toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });
});

describe("shortDay", () => {
  it("labels a day with its number and short month name", () => {
    expect(shortDay("2026-11-03")).toBe("3 Nov");
    expect(shortDay("2028-02-29")).toBe("29 Feb");
  });
});

describe("defaultRange", () => {
  it("ends today and spans 90 days, both ends included", () => {
    const range = defaultRange(new Date("2026-03-18T15:00:00Z"));
    expect(range).toEqual({ from: "2025-12-19", to: "2026-03-18" });
    expect(daysBetween(range.from, range.to)).toHaveLength(90);
    expect(defaultRange(new Date("2026-03-18T15:00:00Z"), 7)).toEqual({ from: "2026-03-12", to: "2026-03-18" });
  });
});

describe("dateRangeInput", () => {
  const now = new Date("2026-03-18T15:00:00Z");
  const parse = (input: unknown, at = now) => dateRangeInput(at).safeParse(input);

  it("accepts a range ending today and trims the dates", () => {
    expect(parse({ from: "2026-03-01", to: "2026-03-18" })).toEqual({
      success: true,
      data: { from: "2026-03-01", to: "2026-03-18" },
    });
    expect(parse({ from: " 2026-03-01 ", to: "2026-03-18\n" })).toEqual({
      success: true,
      data: { from: "2026-03-01", to: "2026-03-18" },
    });
  });

  it("accepts a one-day range", () => {
    expect(parse({ from: "2026-03-18", to: "2026-03-18" }).success).toBe(true);
  });

  it("refuses a start after the end", () => {
    expect(issues(parse({ from: "2026-03-10", to: "2026-03-09" }))).toEqual([["from", ORDER]]);
  });

  it("refuses an end in the future, even by one day", () => {
    expect(issues(parse({ from: "2026-03-01", to: "2026-03-19" }))).toEqual([["to", FUTURE]]);
    // Just before midnight UTC it is still the 18th; the 19th is the future.
    expect(issues(parse({ from: "2026-03-01", to: "2026-03-19" }, new Date("2026-03-18T23:59:59.999Z")))).toEqual([
      ["to", FUTURE],
    ]);
    expect(parse({ from: "2026-03-01", to: "2026-03-19" }, new Date("2026-03-19T00:00:00.000Z")).success).toBe(true);
  });

  it(`accepts ${MAX_RANGE_DAYS} days and refuses one more`, () => {
    expect(MAX_RANGE_DAYS).toBe(366);
    expect(parse({ from: "2025-03-18", to: "2026-03-18" }).success).toBe(true);
    expect(issues(parse({ from: "2025-03-17", to: "2026-03-18" }))).toEqual([["from", TOO_LONG]]);
    expect(issues(parse({ from: "2024-01-01", to: "2026-03-18" }))).toEqual([["from", TOO_LONG]]);
  });

  it("counts the leap day in a range's length", () => {
    const newYear = new Date("2029-01-01T12:00:00Z");
    expect(parse({ from: "2028-01-01", to: "2028-12-31" }, newYear).success).toBe(true);
    expect(issues(parse({ from: "2027-12-31", to: "2028-12-31" }, newYear))).toEqual([["from", TOO_LONG]]);
  });

  const impossible = ["2026-02-30", "2026-02-29", "2026-04-31", "2026-03-32", "2026-13-01", "2026-00-10", "2026-03-00"];
  const misspelt = ["2026-3-1", "01/03/2026", "2026/03/01", "2026-03-01T00:00", "20260301", "", "yesterday"];

  /** What parsing gives for each bad date: its issues, or the error it threw (it should never throw). */
  const outcomes = (input: (day: string) => unknown) =>
    Object.fromEntries(
      [...impossible, ...misspelt].map((day) => {
        try {
          return [day, issues(parse(input(day)))];
        } catch (error) {
          return [day, `threw ${String(error)}`];
        }
      }),
    );

  it("refuses an impossible or wrongly written start date with the date message alone, without throwing", () => {
    expect(outcomes((day) => ({ from: day, to: "2026-03-18" }))).toEqual(
      Object.fromEntries([...impossible, ...misspelt].map((day) => [day, [["from", START_FORMAT]]])),
    );
  });

  it("refuses an impossible or wrongly written end date with the date message alone, without throwing", () => {
    expect(outcomes((day) => ({ from: "2026-01-01", to: day }))).toEqual(
      Object.fromEntries([...impossible, ...misspelt].map((day) => [day, [["to", END_FORMAT]]])),
    );
  });

  it("accepts the leap day of a leap year", () => {
    expect(parse({ from: "2028-02-29", to: "2028-03-01" }, new Date("2028-03-01T00:00:00Z")).success).toBe(true);
  });

  it("asks for missing or non-text dates", () => {
    expect(issues(parse({}))).toEqual([
      ["from", START_MISSING],
      ["to", END_MISSING],
    ]);
    expect(issues(parse({ from: 20260301, to: null }))).toEqual([
      ["from", START_MISSING],
      ["to", END_MISSING],
    ]);
  });

  it("reports both fields when both are wrongly written", () => {
    expect(issues(parse({ from: "2026-02-30", to: "18/03/2026" }))).toEqual([
      ["from", START_FORMAT],
      ["to", END_FORMAT],
    ]);
  });
});
