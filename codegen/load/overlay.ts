/**
 * OpenAPI Overlay 1.0: applies overlay files, in order, to a parsed document. Each action's
 * target (an RFC 9535 JSONPath query) selects nodes; `update` is merged into every selected
 * object (recursively) or appended to every selected array; `remove: true` takes every selected
 * node out of its parent. A target that selects nothing is an error, so a fix that stops
 * applying after a spec bump does not go unnoticed.
 */
import { JSONPathError, JSONPathRecursionLimitError, type JSONValue } from "json-p3";
import type { SourceDocument } from "./document";
import { SpecError } from "./errors";
import { childPointer } from "./pointer";
import { EditLog } from "./overlay-lines";
import { MAX_DESCENT_DEPTH, readOverlay, type Overlay, type OverlayAction } from "./overlay-shape";

type Container = Record<string, unknown> | unknown[];
type Location = readonly (string | number)[];
type Fail = (field: "" | "/target" | "/update", problem: string) => SpecError;

export function applyOverlays(doc: SourceDocument, files: readonly string[]): SourceDocument {
  return files.reduce((current, file) => applyOverlay(current, readOverlay(file)), doc);
}

/** A new document; `doc` is left as it was. Unchanged nodes keep their lines in `doc`. */
export function applyOverlay(doc: SourceDocument, overlay: Overlay): SourceDocument {
  // A private copy, which also parts YAML aliases (one object in several places): an edit changes one place only.
  const root = copyTree(doc.root) as Record<string, unknown>;
  const log = new EditLog();
  for (const action of overlay.actions) applyAction(root, action, overlay, doc.file, log);
  return {
    file: doc.file,
    root,
    lineOf(pointer) {
      const origin = log.originOf(pointer);
      return origin === undefined ? undefined : doc.lineOf(origin);
    },
  };
}

function applyAction(root: Container, action: OverlayAction, overlay: Overlay, docFile: string, log: EditLog): void {
  const fail: Fail = (field, problem) => {
    const pointer = `${action.pointer}${field}`;
    return new SpecError(overlay.source.file, pointer, problem, overlay.source.lineOf(pointer));
  };
  let selected: Location[];
  try {
    selected = uniqueLocations(action.query.query(root as JSONValue).nodes.map((node) => node.location));
  } catch (error) {
    // Compiling caught the syntax; what is left is `..` running out of depth in a deeply nested document.
    if (error instanceof JSONPathRecursionLimitError) {
      const problem = `target cannot be evaluated: \`..\` meets nodes nested over ${MAX_DESCENT_DEPTH} levels deep`;
      throw fail("/target", problem);
    }
    if (error instanceof JSONPathError) throw fail("/target", `target cannot be evaluated: ${error.message}`);
    throw error;
  }
  if (selected.length === 0) {
    throw fail("/target", `${actionName(action)} matches nothing in ${docFile}: ${action.target}`);
  }
  if (action.remove) removeAll(root, selected, fail, log);
  else updateAll(root, selected, action.update, fail, log);
}

function actionName(action: OverlayAction): string {
  const description = action.description?.replace(/\s+/g, " ").trim();
  return `action ${action.index}${description ? ` ("${description}")` : ""}`;
}

function updateAll(root: Container, selected: Location[], update: unknown, fail: Fail, log: EditLog): void {
  // All selected nodes are checked first: an action applies to all of them or to none.
  const nodes = selected.map((location) => ({ pointer: pointerOf(location), value: nodeAt(root, location) }));
  for (const { pointer, value } of nodes) {
    if (Array.isArray(value)) continue;
    if (!isRecord(value)) {
      throw fail("/update", `the target selects ${kindOf(value)} at ${pointer}; only objects and arrays take updates`);
    }
    if (!isRecord(update)) {
      throw fail("/update", `update must be an object to merge into the object at ${pointer}, not ${kindOf(update)}`);
    }
  }
  for (const { pointer, value } of nodes) {
    if (Array.isArray(value)) append(value, update, pointer, log);
    else mergeInto(value as Record<string, unknown>, update as Record<string, unknown>, pointer, log);
  }
}

/** Objects merge key by key, arrays get the update's items appended, anything else is replaced. */
function mergeInto(target: Record<string, unknown>, update: Record<string, unknown>, pointer: string, log: EditLog) {
  for (const [key, value] of Object.entries(update)) {
    const child = childPointer(pointer, key);
    const current = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
    if (isRecord(current) && isRecord(value)) {
      mergeInto(current, value, child, log);
    } else if (Array.isArray(current) && Array.isArray(value)) {
      for (const item of value) append(current, item, child, log);
    } else {
      setOwn(target, key, copyTree(value));
      log.written(child);
    }
  }
}

function append(array: unknown[], item: unknown, pointer: string, log: EditLog): void {
  array.push(copyTree(item));
  log.written(childPointer(pointer, array.length - 1));
}

function removeAll(root: Container, selected: Location[], fail: Fail, log: EditLog): void {
  if (selected.some((location) => location.length === 0)) {
    throw fail("/target", "remove cannot take away the whole document ($)");
  }
  // Deepest first, and the highest index of an array first, so no removal moves a node still to be removed.
  const lastIndex = (location: Location) => {
    const last = location[location.length - 1];
    return typeof last === "number" ? last : -1;
  };
  const ordered = [...selected].sort((a, b) => b.length - a.length || lastIndex(b) - lastIndex(a));
  for (const location of ordered) {
    const parentLocation = location.slice(0, -1);
    const parent = nodeAt(root, parentLocation);
    const key = location[location.length - 1];
    if (Array.isArray(parent) && typeof key === "number") {
      parent.splice(key, 1);
      log.removedItem(pointerOf(parentLocation), key);
    } else if (isRecord(parent)) {
      delete parent[key];
    }
  }
}

/** The same node selected twice (`$['a','a']`) is changed once. */
function uniqueLocations(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((location) => {
    const pointer = pointerOf(location);
    if (seen.has(pointer)) return false;
    seen.add(pointer);
    return true;
  });
}

/** A plain assignment would treat a "__proto__" key as the object's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function nodeAt(root: unknown, location: Location): unknown {
  let node = root;
  for (const key of location) {
    if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function pointerOf(location: Location): string {
  return location.reduce<string>((pointer, key) => childPointer(pointer, key), "#");
}

/** A deep copy of parsed YAML/JSON; values that are not plain objects or arrays (numbers, dates) are shared. */
function copyTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyTree);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, copyTree(child)]));
}

/** A plain object (a YAML mapping), not an array, a date or null. */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (isRecord(value)) return "an object";
  return typeof value === "object" ? "a value that is not JSON" : `a ${typeof value}`;
}
