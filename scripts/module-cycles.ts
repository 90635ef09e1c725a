import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** One import that crosses from one module into another: the file that imports and the file it names. */
export type FileEdge = { from: string; to: string };

/** The modules' dependency graph: for each module, the modules it imports and the file edges behind each. */
export type ModuleGraph = Map<string, Map<string, FileEdge[]>>;

/** A cycle of modules, first module repeated at the end, with the file edges that make each step. */
export type ModuleCycle = { modules: string[]; steps: { from: string; to: string; edges: FileEdge[] }[] };

const SOURCE = /\.(ts|tsx|mts)$/;
const SKIPPED = /(\.d\.ts|\.test\.tsx?)$/;

/** Every source file under a folder (tests and declaration files left out), as paths relative to root. */
export function listSourceFiles(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (SOURCE.test(entry.name) && !SKIPPED.test(entry.name)) found.push(relative);
    }
  };
  walk(folder);
  return found.sort();
}

/**
 * The file an import specifier names, relative to root, or null for a package
 * or a file that does not exist. `@/` is `src/` (tsconfig's one path alias).
 */
export function resolveImport(root: string, importer: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.posix.join("src", specifier.slice(2));
  else if (specifier.startsWith("./") || specifier.startsWith("../"))
    base = path.posix.join(path.posix.dirname(importer), specifier);
  else return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  for (const candidate of candidates) {
    const full = path.join(root, candidate);
    if (existsSync(full) && statSync(full).isFile() && SOURCE.test(candidate)) return candidate;
  }
  return null;
}

/**
 * The specifiers a file imports or re-exports, type-only ones included (a
 * cycle through types is still two modules that each need the other), and
 * dynamic `import()`s.
 */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/**
 * The request edge: each module's server actions, JSON API handlers and React
 * components, and the access module's files that turn a request into an actor
 * (the session read, which joins billing's subscription facts, and the Better
 * Auth endpoint, whose hooks queue notifications' reset email). They stand on
 * the same layer as src/app, above every module's core, so their imports are
 * not edges of the graph; the core (what takes `db` and an actor) must be
 * acyclic. Decision record 019 explains the choice.
 */
const ADAPTER =
  /^src\/modules\/([^/]+\/(actions\.ts|api\.ts|components\/.*)|access\/(actor|session|auth|auth-endpoint)\.ts)$/;

export function isAdapter(file: string): boolean {
  return ADAPTER.test(file);
}

/** The module a core file belongs to (`src/modules/<name>/...`), or null (adapters included). */
export function moduleOf(file: string): string | null {
  const match = /^src\/modules\/([^/]+)\//.exec(file);
  return match ? match[1]! : null;
}

/**
 * Builds the graph of the modules' core files from file-level imports:
 * imports inside one module are not edges, and neither are imports made by
 * adapters, which stand above every module's core.
 */
export function buildModuleGraph(fileImports: Map<string, string[]>): ModuleGraph {
  const graph: ModuleGraph = new Map();
  for (const [from, targets] of fileImports) {
    const source = moduleOf(from);
    if (!source || isAdapter(from)) continue;
    if (!graph.has(source)) graph.set(source, new Map());
    for (const to of targets) {
      const target = moduleOf(to);
      if (!target || target === source) continue;
      const edges = graph.get(source)!;
      if (!edges.has(target)) edges.set(target, []);
      edges.get(target)!.push({ from, to });
      if (!graph.has(target)) graph.set(target, new Map());
    }
  }
  return graph;
}

/**
 * Every elementary cycle of the graph, each once: it starts at its
 * alphabetically first module and only passes through modules after it.
 * The module graph is small (a dozen nodes), so plain enumeration is enough.
 */
export function findCycles(graph: ModuleGraph): ModuleCycle[] {
  const nodes = [...graph.keys()].sort();
  const cycles: ModuleCycle[] = [];
  for (const start of nodes) {
    const path: string[] = [start];
    const onPath = new Set(path);
    const visit = (node: string) => {
      const targets = [...(graph.get(node)?.keys() ?? [])].sort();
      for (const next of targets) {
        if (next === start) {
          const modules = [...path, start];
          cycles.push({
            modules,
            steps: modules.slice(0, -1).map((from, index) => {
              const to = modules[index + 1]!;
              return { from, to, edges: graph.get(from)!.get(to)! };
            }),
          });
        } else if (next > start && !onPath.has(next)) {
          path.push(next);
          onPath.add(next);
          visit(next);
          onPath.delete(next);
          path.pop();
        }
      }
    };
    visit(start);
  }
  return cycles;
}

/** The cycles as text, one block per cycle with the imports that make each step. */
export function describeCycles(cycles: ModuleCycle[]): string {
  return cycles
    .map((cycle) =>
      [
        `Import cycle between modules: ${cycle.modules.join(" -> ")}`,
        ...cycle.steps.flatMap((step) =>
          step.edges.map((edge) => `  ${step.from} -> ${step.to}: ${edge.from} imports ${edge.to}`),
        ),
      ].join("\n"),
    )
    .join("\n");
}

/** Reads every non-test source file under src/ and returns its resolved project imports. */
export function readFileImports(root: string): Map<string, string[]> {
  const imports = new Map<string, string[]>();
  for (const file of listSourceFiles(root, "src")) {
    const text = readFileSync(path.join(root, file), "utf8");
    const targets = importSpecifiers(text)
      .map((specifier) => resolveImport(root, file, specifier))
      .filter((target): target is string => target !== null);
    imports.set(file, [...new Set(targets)]);
  }
  return imports;
}
