/**
 * Which files of an installed package a user can reach: package.json's entry points (`main`,
 * `types`, `bin`, every `exports` and `typesVersions` target), then every relative `require`/`import` of the
 * JavaScript and every relative import or reference of the declarations, as Node and TypeScript
 * resolve them (`./x` is x.js, x/index.js; x.d.ts, x/index.d.ts).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export interface Reach {
  /** Reached files, relative to the package folder. */
  readonly files: ReadonlySet<string>;
  /** `from: specifier` for each relative reference that names no file. */
  readonly broken: readonly string[];
}

function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(exportTargets);
  return [];
}

function entryPoints(pkg: Record<string, unknown>): string[] {
  const bins = typeof pkg.bin === "string" ? [pkg.bin] : Object.values((pkg.bin ?? {}) as Record<string, string>);
  return [pkg.main, pkg.types, ...bins, ...exportTargets(pkg.exports), ...exportTargets(pkg.typesVersions)].filter(
    (f): f is string => typeof f === "string",
  );
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** The file a relative specifier names, as the kind of file it appears in resolves it. */
function resolveFrom(file: string, specifier: string): string | undefined {
  const base = resolve(dirname(file), specifier);
  const candidates = file.endsWith(".d.ts")
    ? [`${base.replace(/\.js$/, "")}.d.ts`, join(base, "index.d.ts")]
    : [base, `${base}.js`, join(base, "index.js")];
  return candidates.find(isFile);
}

export function reachableFiles(packageDir: string): Reach {
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const seen = new Set<string>();
  const broken: string[] = [];
  const queue = entryPoints(pkg).map((entry) => resolve(packageDir, entry));
  while (queue.length > 0) {
    const file = queue.pop()!;
    const name = relative(packageDir, file);
    if (seen.has(name)) continue;
    if (!isFile(file)) {
      broken.push(`package.json: ${name}`);
      continue;
    }
    seen.add(name);
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const ref of [...info.importedFiles, ...info.referencedFiles]) {
      if (!ref.fileName.startsWith(".")) continue;
      const target = resolveFrom(file, ref.fileName);
      if (target) queue.push(target);
      else broken.push(`${name}: ${ref.fileName}`);
    }
  }
  return { files: seen, broken };
}
