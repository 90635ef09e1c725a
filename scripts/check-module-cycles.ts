import path from "node:path";
import { buildModuleGraph, describeCycles, findCycles, readFileImports } from "./module-cycles";

/**
 * Fails when the modules under src/modules import each other in a cycle
 * (type-only imports count), printing each cycle with the imports that make
 * it. Part of `npm run lint`: eslint-plugin-boundaries checks which files may
 * import which, but not cycles (decision record 019).
 */
const root = path.resolve(import.meta.dirname, "..");
const cycles = findCycles(buildModuleGraph(readFileImports(root)));

if (cycles.length > 0) {
  console.error(describeCycles(cycles));
  console.error(`${cycles.length} import cycle(s) between modules.`);
  process.exit(1);
}
console.log("No import cycle between modules.");
