import { describe, expect, it } from "vitest";
import { labelExtent, pickTickIndices, type TickLayout } from "./chart-ticks";

/** Labels of `width` pixels under points spread evenly from 0 to `span`. */
function evenly(count: number, span: number, width: number, gap = 8): TickLayout {
  return {
    x: (index) => (count <= 1 ? span / 2 : (index * span) / (count - 1)),
    width: () => width,
    bounds: [0, span],
    gap,
  };
}

function overlaps(indices: number[], count: number, layout: TickLayout): boolean {
  return indices.some((index, position) => {
    if (position === 0) return false;
    return labelExtent(index, count, layout)[0] - labelExtent(indices[position - 1]!, count, layout)[1] < layout.gap;
  });
}

describe("pickTickIndices", () => {
  it("keeps every label when there is room", () => {
    expect(pickTickIndices(5, evenly(5, 600, 40))).toEqual([0, 1, 2, 3, 4]);
  });

  it("thins ninety daily labels on a phone to a few that do not touch, ending with the last day", () => {
    const layout = evenly(90, 280, 34);
    const indices = pickTickIndices(90, layout);
    expect(indices.length).toBeGreaterThanOrEqual(3);
    expect(indices.length).toBeLessThanOrEqual(6);
    expect(indices[0]).toBe(0);
    expect(indices.at(-1)).toBe(89);
    expect(overlaps(indices, 90, layout)).toBe(false);
  });

  it("never lets the last label collide with the regular label before it", () => {
    for (const count of [12, 30, 31, 90, 91, 365]) {
      for (const span of [240, 320, 560, 1100]) {
        const layout = evenly(count, span, 38);
        const indices = pickTickIndices(count, layout);
        expect(indices.at(-1)).toBe(count - 1);
        expect(overlaps(indices, count, layout)).toBe(false);
      }
    }
  });

  it("keeps labels inside the chart", () => {
    const layout = evenly(12, 300, 40);
    for (const index of pickTickIndices(12, layout)) {
      const [start, end] = labelExtent(index, 12, layout);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(300);
    }
  });

  it("shows a lone label for a single point, and only the last when two cannot fit", () => {
    expect(pickTickIndices(1, evenly(1, 300, 40))).toEqual([0]);
    expect(pickTickIndices(3, evenly(3, 60, 40))).toEqual([2]);
    expect(pickTickIndices(0, evenly(0, 300, 40))).toEqual([]);
  });
});
