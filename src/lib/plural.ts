const counts = new Intl.NumberFormat("en");

/**
 * A count with its noun in the right number: "1 talent", "128 talents",
 * "2 companies". English plurals that are not the noun plus "s" are passed in.
 */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${counts.format(count)} ${count === 1 ? singular : plural}`;
}
