import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import drizzle from "eslint-plugin-drizzle";

const drizzleObjects = { drizzleObjectName: ["db", "tx"] };

// What may import what (CONVENTIONS.md, "Layout and dependencies"; decision record 019).
// Cycles between modules are checked by scripts/check-module-cycles.ts, which `npm run lint` runs too.
const internalFile = ["internal.ts", "internal/**"];
const adapterFile = ["actions.ts", "api.ts", "components/**"];
const ui = { element: { types: { anyOf: ["app", "components"] } } };
const boundaryRules = {
  default: "allow",
  checkInternals: true,
  policies: [
    {
      // Pages, route handlers and components use a module's public files, never its internal file...
      from: ui,
      disallow: { to: { element: { type: "module", fileInternalPath: internalFile } } },
      message:
        "src/app and src/components may not import a module's internal file: call its public queries and mutations.",
    },
    {
      // ...and of src/db only the handle (getDb) and the health checks of the operational routes.
      from: ui,
      disallow: { to: { element: { type: "db", fileInternalPath: "!{index.ts,health.ts}" } } },
      message: "src/app and src/components may use only `@/db` (getDb) of src/db: tables and SQL belong to modules.",
    },
    {
      // A module reads only its own tables: its schema file (access also owns Better Auth's auth.ts).
      from: { element: { type: "module", captured: { module: "!access" } } },
      disallow: {
        to: { element: { type: "db", fileInternalPath: "schema/!({{ from.element.captured.module }}).ts" } },
      },
      message: "A module may import only its own schema file: read another module's data through its functions.",
    },
    {
      from: { element: { type: "module", captured: { module: "access" } } },
      disallow: { to: { element: { type: "db", fileInternalPath: "schema/!(access|auth).ts" } } },
      message: "A module may import only its own schema file: read another module's data through its functions.",
    },
    {
      from: { element: { type: "module" } },
      disallow: { to: { element: { type: "db", fileInternalPath: "schema/index.ts" } } },
      message: "Import your module's own schema file, not the whole schema.",
    },
    {
      // A module's core never depends on adapters (actions, JSON API handlers, components), its own or another's.
      from: { element: { type: "module", fileInternalPath: "!(actions.ts|api.ts|components/**)" } },
      disallow: { to: { element: { type: "module", fileInternalPath: adapterFile } } },
      message: "Queries, mutations and internal files may not import actions, api.ts or components.",
    },
    {
      from: { element: { type: "lib" } },
      disallow: { to: { element: { type: "module" } } },
      message: "src/lib is below the modules: it may not import them.",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      // An UPDATE or DELETE without WHERE touches every row: never what we mean.
      "drizzle/enforce-delete-with-where": ["error", drizzleObjects],
      "drizzle/enforce-update-with-where": ["error", drizzleObjects],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through src/lib/env.ts, not process.env.",
        },
      ],
    },
  },
  {
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { alwaysTryTypes: true } },
      "boundaries/elements": [
        { type: "app", pattern: "src/app", partialMatch: false },
        { type: "components", pattern: "src/components", partialMatch: false },
        { type: "lib", pattern: "src/lib", partialMatch: false },
        { type: "db", pattern: "src/db", partialMatch: false },
        { type: "module", pattern: "src/modules/*", capture: ["module"], partialMatch: false },
      ],
    },
    rules: { "boundaries/dependencies": ["error", boundaryRules] },
  },
  {
    // Tests set up and inspect whatever they need; the boundaries are for the product's code.
    files: ["**/*.test.ts", "**/*.test.tsx", "src/test/**"],
    rules: { "boundaries/dependencies": "off" },
  },
  {
    // Scripts, configuration files and the env module itself may read the process environment.
    files: ["src/lib/env.ts", "src/instrumentation.ts", "scripts/**", "tests/**", "*.config.*", "src/test/**"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Playwright fixtures receive a function named `use`; they are not React hooks.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", "data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
