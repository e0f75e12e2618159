/**
 * Writes a generated tree deterministically, all or nothing as far as the file system allows:
 * - a new (or empty) output folder is built whole beside its place and renamed in at once;
 * - an existing one has every changed file staged next to its target first; only when all are
 *   staged are they renamed into place, one rename per file (each atomic on its own), then
 *   stale files removed. A failure while staging leaves the tree untouched; a crash between two
 *   renames can leave some files new and some old, which the next run repairs.
 * `files.gen` lists what was generated, so stale generated files can be removed without
 * touching hand-written ones.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { GeneratedFile } from "../emit/file";

const MANIFEST = "files.gen";

export interface TreeDiff {
  readonly added: string[];
  readonly changed: string[];
  readonly unchanged: string[];
  /** Listed in the old files.gen but no longer generated. */
  readonly stale: string[];
}

function manifestText(files: readonly GeneratedFile[]): string {
  return files.map((f) => f.path).join("\n") + "\n";
}

export function diffTree(root: string, files: readonly GeneratedFile[]): TreeDiff {
  const all = withManifest(files);
  const diff: TreeDiff = { added: [], changed: [], unchanged: [], stale: [] };
  for (const file of all) {
    const target = safeJoin(root, file.path);
    if (!existsSync(target)) diff.added.push(file.path);
    else if (readFileSync(target, "utf8") !== file.content) diff.changed.push(file.path);
    else diff.unchanged.push(file.path);
  }
  const now = new Set(all.map((f) => f.path));
  for (const old of readManifest(root)) if (!now.has(old) && existsSync(safeJoin(root, old))) diff.stale.push(old);
  return diff;
}

export function writeTree(root: string, files: readonly GeneratedFile[]): TreeDiff {
  if (isMissingOrEmpty(root)) return writeFreshTree(root, files);
  const diff = diffTree(root, files);
  const outdated = new Set([...diff.added, ...diff.changed]);
  const toWrite = withManifest(files).filter((f) => outdated.has(f.path));
  const staged: { temp: string; target: string }[] = [];
  const made = new Set<string>();
  try {
    for (const file of toWrite) {
      const target = safeJoin(root, file.path);
      ensureDir(dirname(target), made);
      const temp = `${target}.gen-tmp-${process.pid}`;
      writeFileSync(temp, file.content);
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const old of diff.stale) {
    const target = safeJoin(root, old);
    rmSync(target, { force: true });
    removeEmptyDirs(root, dirname(target));
  }
  return diff;
}

/** A new output folder is built whole beside its final place, then renamed in at once. */
function writeFreshTree(root: string, files: readonly GeneratedFile[]): TreeDiff {
  const all = withManifest(files);
  const stage = `${resolve(root)}.gen-tmp-${process.pid}`;
  const made = new Set<string>();
  try {
    for (const file of all) {
      const target = safeJoin(stage, file.path);
      ensureDir(dirname(target), made);
      writeFileSync(target, file.content);
    }
    if (existsSync(root)) rmdirSync(root);
    mkdirSync(dirname(resolve(root)), { recursive: true });
    renameSync(stage, root);
  } catch (error) {
    rmSync(stage, { recursive: true, force: true });
    throw error;
  }
  return { added: all.map((f) => f.path), changed: [], unchanged: [], stale: [] };
}

function isMissingOrEmpty(root: string): boolean {
  return !existsSync(root) || (statSync(root).isDirectory() && readdirSync(root).length === 0);
}

/** Creates each folder once per write, not once per file. */
function ensureDir(dir: string, made: Set<string>): void {
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}

function withManifest(files: readonly GeneratedFile[]): GeneratedFile[] {
  return [...files, { path: MANIFEST, content: manifestText(files) }];
}

function readManifest(root: string): string[] {
  const file = join(root, MANIFEST);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .filter((l) => isInside(root, l));
}

/** A generated path must stay inside the output root (files.gen could have been edited). */
function safeJoin(root: string, path: string): string {
  if (!isInside(root, path)) throw new Error(`refusing to write outside the output folder: ${path}`);
  return resolve(root, path);
}

function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(root, path));
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep) && !rel.includes(`..${sep}`);
}

function removeEmptyDirs(root: string, dir: string): void {
  const top = resolve(root);
  let current = resolve(dir);
  while (current.startsWith(top + sep) && existsSync(current) && readdirSync(current).length === 0) {
    rmdirSync(current);
    current = dirname(current);
  }
}
