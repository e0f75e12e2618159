/**
 * Reads an Overlay 1.0 file and checks its shape, so applying it can trust every action.
 * Unknown keys are errors (as in gen.yaml): a misspelt `remove` must not turn into a no-op.
 */
import { JSONPathEnvironment, JSONPathError, type JSONPathQuery } from "json-p3";
import { readDocument, type SourceDocument } from "./document";
import { SpecError } from "./errors";
import { childPointer } from "./pointer";
import { isPlainObject } from "./validate";

export interface OverlayAction {
  /** "#/actions/N", for errors. */
  readonly pointer: string;
  readonly index: number;
  readonly target: string;
  readonly query: JSONPathQuery;
  readonly description?: string;
  /** Absent when the action removes. */
  readonly update?: unknown;
  readonly remove: boolean;
}

export interface Overlay {
  readonly source: SourceDocument;
  readonly actions: readonly OverlayAction[];
}

/**
 * How deep `..` may descend before evaluating a target is an error. json-p3 stops at 50 by default;
 * js-yaml reads documents up to 100 levels deep, so `..` must be able to go further.
 */
export const MAX_DESCENT_DEPTH = 128;
const JSONPATH = new JSONPathEnvironment({ maxRecursionDepth: MAX_DESCENT_DEPTH });

const OVERLAY_KEYS = ["overlay", "info", "extends", "actions"];
const INFO_KEYS = ["title", "version"];
const ACTION_KEYS = ["target", "description", "update", "remove"];

export function readOverlay(file: string): Overlay {
  const source = readDocument(file, "an Overlay document");
  const fail = (pointer: string, problem: string) => new SpecError(file, pointer, problem, source.lineOf(pointer));
  const root = source.root;
  checkKeys(root, "#", OVERLAY_KEYS, fail);
  checkVersion(root.overlay, fail);
  checkInfo(root.info, fail);
  if (root.extends !== undefined && typeof root.extends !== "string") {
    throw fail("#/extends", "extends must be a URL string");
  }
  if (!Array.isArray(root.actions) || root.actions.length === 0) {
    throw fail(root.actions === undefined ? "#" : "#/actions", "actions must be a non-empty list of actions");
  }
  const actions = root.actions.map((raw, index) => checkAction(raw, index, fail));
  return { source, actions };
}

type Fail = (pointer: string, problem: string) => SpecError;

function checkVersion(version: unknown, fail: Fail): void {
  if (version === undefined) throw fail("#", 'missing "overlay" version field (Overlay 1.0.x documents are supported)');
  if (typeof version !== "string" || !/^1\.0\.\d+$/.test(version)) {
    const problem = `Overlay version ${JSON.stringify(version)} is not supported (1.0.x is, written as a string)`;
    throw fail("#/overlay", problem);
  }
}

function checkInfo(info: unknown, fail: Fail): void {
  if (!isPlainObject(info)) {
    throw fail(info === undefined ? "#" : "#/info", "info must be an object with a title and a version");
  }
  checkKeys(info, "#/info", INFO_KEYS, fail);
  for (const key of INFO_KEYS) {
    const value = info[key];
    if (typeof value === "string" && value !== "") continue;
    throw fail(value === undefined ? "#/info" : `#/info/${key}`, `info.${key} must be a non-empty string`);
  }
}

function checkAction(raw: unknown, index: number, fail: Fail): OverlayAction {
  const pointer = `#/actions/${index}`;
  if (!isPlainObject(raw)) throw fail(pointer, "an action must be an object with a target");
  checkKeys(raw, pointer, ACTION_KEYS, fail);
  const { target, description, update, remove } = raw;
  if (target === undefined) throw fail(pointer, "the action has no target (a JSONPath query)");
  if (typeof target !== "string") throw fail(`${pointer}/target`, "target must be a JSONPath query string");
  if (description !== undefined && typeof description !== "string") {
    throw fail(`${pointer}/description`, "description must be a string");
  }
  if (remove !== undefined && typeof remove !== "boolean") {
    throw fail(`${pointer}/remove`, "remove must be true or false");
  }
  if (remove === true && update !== undefined) {
    throw fail(pointer, "the action has both update and remove: true; use one action for each");
  }
  if (remove !== true && update === undefined) throw fail(pointer, "the action needs either update or remove: true");
  const query = compileTarget(target, `${pointer}/target`, fail);
  return { pointer, index, target, query, description, update, remove: remove === true };
}

function compileTarget(target: string, pointer: string, fail: Fail): JSONPathQuery {
  try {
    return JSONPATH.compile(target);
  } catch (error) {
    if (error instanceof JSONPathError) throw fail(pointer, `target is not a valid JSONPath query: ${error.message}`);
    throw error;
  }
}

/** Keys outside `known` are errors, except specification extensions (`x-...`). */
function checkKeys(node: Record<string, unknown>, pointer: string, known: readonly string[], fail: Fail): void {
  for (const key of Object.keys(node)) {
    if (known.includes(key) || key.startsWith("x-")) continue;
    throw fail(childPointer(pointer, key), `unknown key "${key}" (known: ${known.join(", ")}, x-...)`);
  }
}
