import { describe, expect, it } from "vitest";
import { timeSettingsInput } from "./inputs";

const fieldErrors = (value: unknown) => {
  const result = timeSettingsInput.safeParse(value);
  return result.success ? null : Object.fromEntries(result.error.issues.map((issue) => [issue.path[0], issue.message]));
};

describe("timeSettingsInput", () => {
  it("takes a listed zone and an hour as the form sends them", () => {
    expect(timeSettingsInput.parse({ timeZone: "America/New_York", digestHour: "7" })).toEqual({
      timeZone: "America/New_York",
      digestHour: 7,
    });
    expect(timeSettingsInput.parse({ timeZone: "UTC", digestHour: "0" }).digestHour).toBe(0);
    expect(timeSettingsInput.parse({ timeZone: "Etc/UTC", digestHour: 23 }).timeZone).toBe("UTC");
  });

  it("refuses a zone that is not an IANA zone, with a message that says what to choose", () => {
    for (const timeZone of ["Mars/Olympus_Mons", "+09:00", "", "Europe/London\u0000", undefined])
      expect(fieldErrors({ timeZone, digestHour: "8" })).toEqual({
        timeZone: "Choose a time zone from the list, such as Europe/London or UTC.",
      });
  });

  it("refuses an hour that is out of range or not a whole number", () => {
    for (const digestHour of ["24", "-1", "8.5", "8am", "", "1e1", undefined])
      expect(fieldErrors({ timeZone: "UTC", digestHour })).toEqual({
        digestHour: "Choose the hour of your daily digest, from 00:00 to 23:00.",
      });
  });
});
