/**
 * Placeholder portraits for the demo talents, drawn as SVG from a seed: a
 * studio backdrop and a head-and-shoulders figure in varied colours. Nothing is
 * downloaded and no fonts are needed.
 */
const backdrops = [
  ["#1e293b", "#475569"],
  ["#3b0764", "#7e22ce"],
  ["#0c4a6e", "#0ea5e9"],
  ["#064e3b", "#10b981"],
  ["#7c2d12", "#f97316"],
  ["#831843", "#ec4899"],
  ["#1e1b4b", "#6366f1"],
  ["#3f3f46", "#a1a1aa"],
  ["#713f12", "#eab308"],
  ["#164e63", "#22d3ee"],
];
const skinTones = ["#f6d7c3", "#eec1a0", "#d9a27c", "#c68863", "#a0694a", "#8a5538", "#6b3f27", "#4a2c1d"];
const hairColours = ["#1c1917", "#3f2a1d", "#6b4423", "#a16207", "#d6b26e", "#b45309", "#9ca3af", "#e5e7eb"];
const clothing = ["#111827", "#f9fafb", "#1d4ed8", "#b91c1c", "#047857", "#6d28d9", "#92400e", "#374151", "#be185d"];

/** A small deterministic random number generator (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** An SVG portrait, 3:4, rendered at the given width (the drawing scales with it). */
export function portraitSvg(seed: number, width = 480): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const [from, to] = pick(backdrops);
  const skin = pick(skinTones);
  const hair = pick(hairColours);
  const top = pick(clothing);
  const headX = 300 + (next() - 0.5) * 40;
  const headWidth = 105 + next() * 25;
  const headHeight = headWidth * (1.22 + next() * 0.12);
  const headY = 330 + (next() - 0.5) * 30;
  const hairLength = next();
  const longHair =
    hairLength > 0.5
      ? `<path d="M${headX - headWidth - 14} ${headY - 20} Q${headX - headWidth - 30} ${headY + 210} ${headX - headWidth + 20} ${headY + 260} L${headX + headWidth - 20} ${headY + 260} Q${headX + headWidth + 30} ${headY + 210} ${headX + headWidth + 14} ${headY - 20} Z" fill="${hair}"/>`
      : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.round((width * 4) / 3)}" viewBox="0 0 600 800">
  <defs>
    <radialGradient id="bg" cx="50%" cy="35%" r="80%"><stop offset="0" stop-color="${to}"/><stop offset="1" stop-color="${from}"/></radialGradient>
  </defs>
  <rect width="600" height="800" fill="url(#bg)"/>
  ${longHair}
  <rect x="${headX - 38}" y="${headY + 90}" width="76" height="175" rx="30" fill="${skin}"/>
  <path d="M${headX - 230} 800 Q${headX - 210} ${headY + 250} ${headX} ${headY + 235} Q${headX + 210} ${headY + 250} ${headX + 230} 800 Z" fill="${top}"/>
  <ellipse cx="${headX}" cy="${headY}" rx="${headWidth}" ry="${headHeight}" fill="${skin}"/>
  <path d="M${headX - headWidth - 6} ${headY - 10} Q${headX - headWidth} ${headY - headHeight - 40} ${headX} ${headY - headHeight - 22} Q${headX + headWidth} ${headY - headHeight - 40} ${headX + headWidth + 6} ${headY - 10} Q${headX + headWidth * 0.6} ${headY - headHeight * 0.55} ${headX} ${headY - headHeight * 0.6} Q${headX - headWidth * 0.6} ${headY - headHeight * 0.55} ${headX - headWidth - 6} ${headY - 10} Z" fill="${hair}"/>
</svg>`;
}
