/**
 * Last step of `npm run build`: deletes the declarations (.d.ts) in dist/ that no entry point's
 * types reach. tsc declares every module the entries import, also those used only inside a
 * function (a clock, a parser), whose types a user can never name; those would ship unread.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

/** The `types` of every entry point in package.json's `exports`. */
function entryDeclarations() {
  const { exports } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const types = Object.values(exports).flatMap((target) => (typeof target === "object" ? [target.types] : []));
  return [...new Set(types)].map((file) => resolve(root, file));
}

/** The declaration file a relative specifier in `from` names: `./x` is x.d.ts or x/index.d.ts. */
function resolveDeclaration(from, specifier) {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ""));
  return [`${base}.d.ts`, join(base, "index.d.ts")].find((file) => existsSync(file));
}

function reachable() {
  const seen = new Set();
  const queue = entryDeclarations();
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`prune-declarations: ${relative(root, file)} is missing`);
    seen.add(file);
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const ref of [...info.importedFiles, ...info.referencedFiles]) {
      if (!ref.fileName.startsWith(".")) continue;
      const target = resolveDeclaration(file, ref.fileName);
      if (!target)
        throw new Error(
          `prune-declarations: ${relative(root, file)} imports ${ref.fileName}, which has no declaration`,
        );
      queue.push(target);
    }
  }
  return seen;
}

function declarations(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declarations(path);
    return name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Removes the folders under `dir` that pruning left empty. */
function removeEmptyFolders(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    removeEmptyFolders(path);
    if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
  }
}

const keep = reachable();
for (const file of declarations(dist)) if (!keep.has(file)) rmSync(file);
removeEmptyFolders(dist);
