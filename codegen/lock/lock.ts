/**
 * gen.lock: the memory of the SDK's public surface between generations. It records, per
 * operation, whether the method takes its inputs one by one or as a request object and in
 * which order, and the name given to every generated type. Regenerating onto a newer
 * document keeps both, so code written against the previous SDK keeps compiling and keeps
 * meaning what it meant (see docs/ARCHITECTURE.md, "The stable surface").
 */
import { existsSync, readFileSync } from "node:fs";
import { parseText } from "../load/document";
import { SpecError } from "../load/errors";
import { childPointer } from "../load/pointer";
import { isPlainObject } from "../load/validate";
import { isIdentifier } from "../model/names";

export const LOCK_FILE = "gen.lock";
const LOCK_VERSION = 1;

/** One operation's method shape as users compile against it. */
export interface LockedCall {
  readonly style: "positional" | "request";
  /** Positional methods: the inputs in argument order (`body`, `path:thread_id`, `query:limit`). */
  readonly args?: readonly string[];
}

export interface SurfaceLock {
  /** By operationId. */
  readonly operations: ReadonlyMap<string, LockedCall>;
  /** Where a type was declared (a stable key, e.g. `schema:AssistantObject`) → its name. */
  readonly names: ReadonlyMap<string, string>;
}

export const EMPTY_LOCK: SurfaceLock = { operations: new Map(), names: new Map() };

/** The lock at `file`, or the empty lock when there is none yet. */
export function readLock(file: string): SurfaceLock {
  if (!existsSync(file)) return EMPTY_LOCK;
  const doc = parseText(file, readFileSync(file, "utf8"));
  const fail = (pointer: string, problem: string) =>
    new SpecError(file, pointer, `${problem} (regenerate with --reset-lock to start a new lock)`, doc.lineOf(pointer));
  const root = doc.root;
  if (root.lockVersion !== LOCK_VERSION)
    throw fail("#/lockVersion", `unsupported lock version ${JSON.stringify(root.lockVersion)}`);
  return { operations: readOperations(root.operations, fail), names: readNames(root.names, fail) };
}

type Fail = (pointer: string, problem: string) => SpecError;

function readOperations(value: unknown, fail: Fail): Map<string, LockedCall> {
  if (!isPlainObject(value)) throw fail("#/operations", "must map operationIds to call shapes");
  const out = new Map<string, LockedCall>();
  for (const [operationId, entry] of Object.entries(value)) {
    const at = childPointer("#/operations", operationId);
    if (!isPlainObject(entry) || (entry.style !== "positional" && entry.style !== "request")) {
      throw fail(at, 'must have `style: "positional"` or `style: "request"`');
    }
    if (entry.style === "request") {
      out.set(operationId, { style: "request" });
      continue;
    }
    const args = entry.args;
    if (!Array.isArray(args) || !args.every((a) => typeof a === "string" && isInputKey(a))) {
      throw fail(childPointer(at, "args"), 'must list inputs as "body" or "<in>:<name>"');
    }
    out.set(operationId, { style: "positional", args });
  }
  return out;
}

function readNames(value: unknown, fail: Fail): Map<string, string> {
  if (!isPlainObject(value)) throw fail("#/names", "must map type keys to names");
  const out = new Map<string, string>();
  for (const [key, name] of Object.entries(value)) {
    if (typeof name !== "string" || !isIdentifier(name))
      throw fail(childPointer("#/names", key), "must be a type name");
    out.set(key, name);
  }
  return out;
}

function isInputKey(key: string): boolean {
  return key === "body" || /^(path|query|header|cookie):.+/.test(key);
}

/** The lock's text: sorted keys, so regenerating an unchanged document rewrites it byte for byte. */
export function lockText(lock: SurfaceLock): string {
  const sorted = <T>(map: ReadonlyMap<string, T>) =>
    Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const body = {
    generator: "gpt-sdk",
    lockVersion: LOCK_VERSION,
    operations: sorted(lock.operations),
    names: sorted(lock.names),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
