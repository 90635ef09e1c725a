/** The room a label of this many characters takes at a font size, a little more than most fonts need. */
export function estimateLabelWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.62);
}

export type TickLayout = {
  /** Where each label's anchor point is, in pixels. */
  x: (index: number) => number;
  /** How wide each label is, in pixels. */
  width: (index: number) => number;
  /** The space the labels must stay inside: [left, right]. */
  bounds: [number, number];
  /** The least space between two labels. */
  gap: number;
};

/** A label's left and right edge: the first is anchored at its start, the last at its end, the rest at their middle. */
export function labelExtent(index: number, count: number, layout: TickLayout): [number, number] {
  const x = layout.x(index);
  const width = layout.width(index);
  if (count > 1 && index === 0) return [x, x + width];
  if (count > 1 && index === count - 1) return [x - width, x];
  return [x - width / 2, x + width / 2];
}

function fits(indices: number[], count: number, layout: TickLayout): boolean {
  const extents = indices.map((index) => labelExtent(index, count, layout));
  const [left, right] = layout.bounds;
  return extents.every(
    ([start, end], position) =>
      start >= left - 0.5 && end <= right + 0.5 && (position === 0 || start - extents[position - 1]![1] >= layout.gap),
  );
}

/**
 * Which of `count` axis labels to draw so that none overlaps another or
 * leaves the chart: every `step`-th one from the first, with the smallest step
 * that fits, and always the last one (the newest figure), dropping the regular
 * label just before it when the two would touch.
 */
export function pickTickIndices(count: number, layout: TickLayout): number[] {
  if (count <= 0) return [];
  if (count === 1) return [0];
  for (let step = 1; step < count; step += 1) {
    const regular: number[] = [];
    for (let index = 0; index < count - 1; index += step) regular.push(index);
    let indices = [...regular, count - 1];
    if (!fits(indices, count, layout) && regular.length > 1) indices = [...regular.slice(0, -1), count - 1];
    if (fits(indices, count, layout)) return indices;
  }
  // Not even the first and last fit side by side: the last alone says how recent the figures are.
  return fits([count - 1], count, layout) ? [count - 1] : [];
}
