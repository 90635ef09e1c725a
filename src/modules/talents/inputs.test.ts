import { describe, expect, it } from "vitest";
import { basicsInput, contactInput, creditInput, premiumDetailsInput, skillsInput } from "./inputs";

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("basicsInput", () => {
  const valid = {
    displayName: "Sarah Okafor",
    headline: "Actor",
    city: "London",
    country: "GB",
    categories: ["actor"],
    playingAgeMin: "25",
    playingAgeMax: "35",
    availability: "AVAILABLE",
  };

  it("reads form fields into typed values", () => {
    expect(basicsInput.parse(valid)).toMatchObject({
      playingAgeMin: 25,
      playingAgeMax: 35,
      categories: ["actor"],
      genderIdentity: "",
    });
  });

  it("treats blank ages as not given", () => {
    expect(basicsInput.parse({ ...valid, playingAgeMin: "", playingAgeMax: "" })).toMatchObject({
      playingAgeMin: undefined,
      playingAgeMax: undefined,
    });
  });

  it("explains an age range the wrong way round, on the second field", () => {
    expect(errorsOf(basicsInput.safeParse({ ...valid, playingAgeMin: "40", playingAgeMax: "30" }))).toEqual({
      playingAgeMax: "The oldest playing age cannot be below the youngest.",
    });
  });

  it.each([
    [{ playingAgeMin: "12.5" }, "playingAgeMin", "Youngest playing age must be a whole number."],
    [{ playingAgeMax: "101" }, "playingAgeMax", "Oldest playing age must be at most 100."],
    [{ country: "XX" }, "country", "Choose a country from the list."],
    [{ categories: ["astronaut"] }, "categories.0", "Choose categories from the list."],
    [{ displayName: " " }, "displayName", "Enter display name."],
    [{ headline: "x".repeat(121) }, "headline", "Use at most 120 characters for headline."],
  ])("refuses %o", (change, field, message) => {
    expect(errorsOf(basicsInput.safeParse({ ...valid, ...change }))[field]).toBe(message);
  });
});

describe("skillsInput", () => {
  it("splits comma lists, trims, drops blanks and duplicates, and capitalises languages", () => {
    expect(
      skillsInput.parse({
        languages: "english,  Spanish , ENGLISH,, british sign language",
        skills: "Ballet, ballet, Stage  combat",
        unions: "",
      }),
    ).toEqual({
      languages: ["English", "Spanish", "British Sign Language"],
      skills: ["Ballet", "Stage combat"],
      unions: [],
    });
  });

  it("limits how many skills a profile lists", () => {
    const many = Array.from({ length: 41 }, (_, index) => `Skill ${index}`).join(",");
    expect(errorsOf(skillsInput.safeParse({ languages: "", skills: many, unions: "" })).skills).toBe(
      "List at most 40 skills.",
    );
  });
});

describe("premiumDetailsInput", () => {
  it("keeps a multi-line bio with normalised line endings", () => {
    expect(premiumDetailsInput.parse({ bio: "First.\r\n\r\nSecond." }).bio).toBe("First.\n\nSecond.");
  });

  it("accepts web links only for showreels", () => {
    expect(
      premiumDetailsInput.parse({ showreelUrls: "https://vimeo.com/1\n http://example.com/reel " }).showreelUrls,
    ).toEqual(["https://vimeo.com/1", "http://example.com/reel"]);
    for (const bad of ["javascript:alert(1)", "ftp://example.com/reel", "not a link", "https://localhost"]) {
      expect(errorsOf(premiumDetailsInput.safeParse({ showreelUrls: bad }))["showreelUrls.0"]).toMatch(
        /full web address/,
      );
    }
  });

  it("refuses control characters in the bio and a day rate range the wrong way round", () => {
    expect(errorsOf(premiumDetailsInput.safeParse({ bio: "Hi\u0000" })).bio).toBe(
      "Bio cannot contain control characters.",
    );
    expect(errorsOf(premiumDetailsInput.safeParse({ dayRateMin: "900", dayRateMax: "500" })).dayRateMax).toMatch(
      /cannot be below/,
    );
  });
});

describe("creditInput", () => {
  it("needs a plausible year, a production and a role", () => {
    expect(creditInput.parse({ year: "2024", production: "Low Tide", role: "Lead" })).toEqual({
      year: 2024,
      production: "Low Tide",
      role: "Lead",
      company: "",
    });
    expect(errorsOf(creditInput.safeParse({ year: "1850", production: "", role: "" }))).toEqual({
      year: "Enter a year from 1900 on.",
      production: "Enter production.",
      role: "Enter role.",
    });
  });
});

describe("contactInput", () => {
  it("accepts international phone numbers and lowercases emails", () => {
    expect(contactInput.parse({ phone: "+44 (0)20 7946 0958", email: "Sarah@Example.com" })).toMatchObject({
      phone: "+44 (0)20 7946 0958",
      email: "sarah@example.com",
    });
  });

  it("refuses what is not a phone number or an email", () => {
    expect(errorsOf(contactInput.safeParse({ phone: "call me maybe", agentEmail: "agent@" }))).toEqual({
      phone: "Enter a phone number with digits, spaces and an optional leading +.",
      agentEmail: "Enter a valid email address, like name@example.com.",
    });
  });
});
