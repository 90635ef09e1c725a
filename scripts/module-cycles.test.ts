import { describe, expect, it } from "vitest";
import { buildModuleGraph, describeCycles, findCycles, importSpecifiers, isAdapter } from "./module-cycles";

const graphOf = (imports: Record<string, string[]>) => buildModuleGraph(new Map(Object.entries(imports)));

describe("the module cycle checker", () => {
  it("finds no cycle in a graph that only points one way", () => {
    const graph = graphOf({
      "src/modules/billing/queries.ts": ["src/modules/access/types.ts"],
      "src/modules/messaging/mutations.ts": ["src/modules/access/internal.ts", "src/modules/billing/internal.ts"],
      "src/modules/access/queries.ts": ["src/modules/access/roles.ts", "src/lib/errors.ts"],
    });
    expect(findCycles(graph)).toEqual([]);
  });

  it("reports a two-module cycle once, with the imports that make each step", () => {
    const graph = graphOf({
      "src/modules/access/accounts.ts": ["src/modules/billing/queries.ts"],
      "src/modules/access/queries.ts": ["src/modules/billing/queries.ts"],
      "src/modules/billing/mutations.ts": ["src/modules/access/types.ts"],
    });
    const cycles = findCycles(graph);
    expect(cycles.map((cycle) => cycle.modules)).toEqual([["access", "billing", "access"]]);
    expect(cycles[0]!.steps[0]!.edges).toEqual([
      { from: "src/modules/access/accounts.ts", to: "src/modules/billing/queries.ts" },
      { from: "src/modules/access/queries.ts", to: "src/modules/billing/queries.ts" },
    ]);
    expect(describeCycles(cycles)).toBe(
      [
        "Import cycle between modules: access -> billing -> access",
        "  access -> billing: src/modules/access/accounts.ts imports src/modules/billing/queries.ts",
        "  access -> billing: src/modules/access/queries.ts imports src/modules/billing/queries.ts",
        "  billing -> access: src/modules/billing/mutations.ts imports src/modules/access/types.ts",
      ].join("\n"),
    );
  });

  it("finds every elementary cycle of a larger graph, each starting at its first module", () => {
    const graph = graphOf({
      "src/modules/a/x.ts": ["src/modules/b/x.ts"],
      "src/modules/b/x.ts": ["src/modules/c/x.ts", "src/modules/a/y.ts"],
      "src/modules/c/x.ts": ["src/modules/a/x.ts", "src/modules/d/x.ts"],
      "src/modules/d/x.ts": ["src/modules/c/y.ts"],
    });
    expect(findCycles(graph).map((cycle) => cycle.modules.join(" "))).toEqual(["a b a", "a b c a", "c d c"]);
  });

  it("leaves out imports inside one module and imports made by adapters", () => {
    const graph = graphOf({
      "src/modules/access/queries.ts": ["src/modules/access/internal.ts"],
      "src/modules/billing/actions.ts": ["src/modules/access/accounts.ts"],
      "src/modules/billing/components/panel.tsx": ["src/modules/access/premium.ts"],
      "src/modules/access/session.ts": ["src/modules/billing/internal.ts"],
    });
    expect(findCycles(graph)).toEqual([]);
    expect(isAdapter("src/modules/messaging/api.ts")).toBe(true);
    expect(isAdapter("src/modules/messaging/queries.ts")).toBe(false);
  });

  it("counts type-only imports and re-exports", () => {
    const text = [
      'import type { Actor } from "@/modules/access/types";',
      'export { thing } from "./thing";',
      'const later = () => import("@/modules/billing/internal");',
    ].join("\n");
    expect(importSpecifiers(text)).toEqual(["@/modules/access/types", "./thing", "@/modules/billing/internal"]);
  });
});
