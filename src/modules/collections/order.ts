/** Moves one id up or down a list; the list unchanged at either end. */
export function moveInList<T>(list: readonly T[], item: T, direction: "up" | "down"): T[] {
  const index = list.indexOf(item);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
