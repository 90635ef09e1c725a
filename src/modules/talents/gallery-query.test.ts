import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, parseGallerySearchParams, prefixSearchQuery } from "./gallery-query";

describe("parseGallerySearchParams", () => {
  it("reads the filters from the URL, sorting by newest without a search and by match with one", () => {
    expect(parseGallerySearchParams({})).toMatchObject({ q: "", sort: "newest" });
    expect(
      parseGallerySearchParams({ q: "ballet", category: "dancer", country: "gb", ageMin: "20", language: "spanish" }),
    ).toMatchObject({
      q: "ballet",
      category: "dancer",
      country: "GB",
      ageMin: 20,
      language: "Spanish",
      sort: "relevance",
    });
  });

  it("drops filters that make no sense instead of failing the page", () => {
    expect(
      parseGallerySearchParams({
        category: "astronaut",
        country: "XX",
        ageMin: "300",
        sort: "random",
        availability: "maybe",
      }),
    ).toEqual({
      q: "",
      category: undefined,
      country: undefined,
      city: undefined,
      ageMin: undefined,
      ageMax: undefined,
      language: undefined,
      availability: undefined,
      showreel: undefined,
      voiceReel: undefined,
      sort: "newest",
      cursor: undefined,
    });
  });

  it("reads the blank fields of a submitted filter form as no filter", () => {
    expect(
      parseGallerySearchParams({
        q: "",
        ageMin: "",
        ageMax: "",
        city: "",
        language: "",
        category: "",
        country: "",
        availability: "",
      }),
    ).toMatchObject({
      ageMin: undefined,
      ageMax: undefined,
      city: undefined,
      language: undefined,
      category: undefined,
      country: undefined,
      availability: undefined,
    });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseGallerySearchParams({ category: ["model", "actor"] }).category).toBe("model");
  });
});

describe("prefixSearchQuery", () => {
  it("matches every word as a prefix", () => {
    expect(prefixSearchQuery("Sar stage")).toBe("sar:* & stage:*");
  });

  it("keeps letters of any script and drops query syntax", () => {
    expect(prefixSearchQuery("Zo\u00eb & !(|) 'O'Brien':*")).toBe("zo\u00eb:* & o:* & brien:*");
    expect(prefixSearchQuery("!!! ***")).toBeNull();
  });
});

describe("gallery cursors", () => {
  const id = "5d9c1c1e-7e0f-4f57-9d3e-2a0b8d2c1f00";

  it("round-trips a position for the same sort", () => {
    const cursor = encodeCursor({ s: "name", v: "sarah okafor", id });
    expect(decodeCursor(cursor, "name")).toEqual({ s: "name", v: "sarah okafor", id });
  });

  it("refuses cursors made for another sort, tampered with, or made up", () => {
    expect(decodeCursor(encodeCursor({ s: "name", v: "sarah", id }), "newest")).toBeNull();
    expect(
      decodeCursor(encodeCursor({ s: "relevance", v: "9:2026-01-01T00:00:00.000000Z", id }), "relevance"),
    ).toBeNull();
    expect(
      decodeCursor(Buffer.from('{"s":"newest","v":"x","id":"1 OR 1=1"}').toString("base64url"), "newest"),
    ).toBeNull();
    expect(decodeCursor("%%%not-base64", "newest")).toBeNull();
  });
});
