/**
 * Checks that our own openapi.yaml states exactly the same API facts as the
 * upstream OpenAI spec (2023-11-28) for the 33 operations we generate from,
 * while all prose (descriptions, summaries, titles) is our own wording.
 *
 * The upstream document is read as its facts (tests/facts/): the document without
 * prose, plus a hash of each of its texts by JSON pointer, so the checks on prose
 * (present where the original has some, never the original's words) need no text.
 */
import * as fs from "fs";
import * as path from "path";
import { gunzipSync } from "node:zlib";
import { parse } from "yaml";
import { readConfig } from "../../codegen/config";
import { readDocument } from "../../codegen/load/document";
import { applyOverlays } from "../../codegen/load/overlay";
import { normalizeProse, PROSE_KEYWORDS, proseHash } from "../../scripts/facts/openapi-facts";
import { documentFacts, documentFile, FACTS } from "../support/facts";
import { ROOT } from "../support/root";
import { UPSTREAM_DOCUMENT } from "../support/pinned-spec";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const OURS_PATH = path.join(ROOT, "openapi.yaml");
const GEN_YAML = path.join(ROOT, "gen.yaml");

const EXPECTED_OPERATIONS = [
  // Assistants
  "createAssistant",
  "listAssistants",
  "getAssistant",
  "modifyAssistant",
  "deleteAssistant",
  "createAssistantFile",
  "listAssistantFiles",
  "getAssistantFile",
  "deleteAssistantFile",
  "createThread",
  "getThread",
  "modifyThread",
  "deleteThread",
  "createMessage",
  "listMessages",
  "getMessage",
  "modifyMessage",
  "listMessageFiles",
  "getMessageFile",
  "createThreadAndRun",
  "createRun",
  "listRuns",
  "getRun",
  "modifyRun",
  "submitToolOuputsToRun", // (sic) upstream typo, kept on purpose
  "cancelRun",
  "listRunSteps",
  "getRunStep",
  // Files
  "listFiles",
  "createFile",
  "retrieveFile",
  "deleteFile",
  "downloadFile",
];

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
// Titles too: ours are reworded, so they are compared as prose.
const PROSE_KEYS = new Set([...PROSE_KEYWORDS, "title"]);
const SCHEMA_REF_PREFIX = "#/components/schemas/";

/** Where OpenAI's document is wrong for the real API, an overlay (named in gen.yaml) fixes it. */
const DOWNLOAD_CONTENT = "/paths/~1files~1{file_id}~1content/get/responses/200/content";

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function esc(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function loadYaml(file: string): JsonObject {
  const doc: unknown = parse(fs.readFileSync(file, "utf8"), { maxAliasCount: -1 });
  if (!isObject(doc)) throw new Error(`${file} is not a YAML mapping`);
  return doc;
}

function getObject(v: Json | undefined, what: string): JsonObject {
  if (!isObject(v)) throw new Error(`${what} is not an object`);
  return v;
}

interface OperationRef {
  operationId: string;
  path: string;
  method: string;
  op: JsonObject;
}

function listOperations(doc: JsonObject): OperationRef[] {
  const result: OperationRef[] = [];
  for (const [p, item] of Object.entries(getObject(doc.paths, "paths"))) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method) || !isObject(op)) continue;
      if (typeof op.operationId === "string") result.push({ operationId: op.operationId, path: p, method, op });
    }
  }
  return result;
}

function selectedOperations(doc: JsonObject): OperationRef[] {
  return listOperations(doc).filter((o) => EXPECTED_OPERATIONS.includes(o.operationId));
}

/** Names of all component schemas reachable from `roots` through `$ref`. */
function reachableSchemas(doc: JsonObject, roots: Json[]): string[] {
  const schemas = getObject(getObject(doc.components, "components").schemas, "components.schemas");
  const seen: string[] = [];
  const queue: Json[] = [...roots];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (isObject(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string") {
          if (!v.startsWith(SCHEMA_REF_PREFIX)) throw new Error(`unexpected $ref ${v}`);
          const name = v.slice(SCHEMA_REF_PREFIX.length);
          if (!seen.includes(name)) {
            seen.push(name);
            if (!(name in schemas)) throw new Error(`dangling $ref ${v}`);
            queue.push(schemas[name]);
          }
        } else {
          visit(v);
        }
      }
    }
  };
  while (queue.length > 0) visit(queue.shift() as Json);
  return seen;
}

/**
 * Remove prose. `inProperties` marks a `properties` map, whose keys are
 * property names (a property may legitimately be called "description").
 * On operations, x-oaiMeta is reduced to `{beta: true}` (or dropped); elsewhere
 * it is dropped.
 */
function stripProse(node: Json, inProperties = false, isOperation = false): Json {
  if (Array.isArray(node)) return node.map((n) => stripProse(n));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (!inProperties && PROSE_KEYS.has(k)) continue;
    if (!inProperties && k === "x-oaiMeta") {
      if (isOperation && isObject(v) && v.beta === true) out[k] = { beta: true };
      continue;
    }
    out[k] = stripProse(v, !inProperties && k === "properties");
  }
  return out;
}

/** The facts of a document: the 33 operations and the schemas they reach, in document shape. */
function extractFacts(doc: JsonObject): JsonObject {
  const ops = selectedOperations(doc);
  const paths: JsonObject = {};
  for (const { path: p, method, op } of ops) {
    const item = (paths[p] ??= {}) as JsonObject;
    item[method] = stripProse(op, false, true);
  }
  const names = reachableSchemas(
    doc,
    ops.map((o) => o.op),
  );
  const all = getObject(getObject(doc.components, "components").schemas, "components.schemas");
  const schemas: JsonObject = {};
  for (const name of [...names].sort()) schemas[name] = stripProse(all[name]);
  return { paths, components: { schemas } };
}

/** Structural diff with JSON-pointer locations; checks key order of `properties` maps. */
function diff(a: Json | undefined, b: Json | undefined, ptr = "", parentKey = ""): string[] {
  const show = (v: Json | undefined): string => (v === undefined ? "<absent>" : JSON.stringify(v));
  if (a === undefined && b === undefined) return [];
  if (a === undefined) return [`${ptr}: missing in original, ours has ${show(b)}`];
  if (b === undefined) return [`${ptr}: missing in ours, original has ${show(a)}`];
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return [`${ptr}: original ${show(a)} vs ours ${show(b)}`];
    const out: string[] = [];
    if (a.length !== b.length) out.push(`${ptr}: array length ${a.length} in original vs ${b.length} in ours`);
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...diff(a[i], b[i], `${ptr}/${i}`));
    return out;
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return [`${ptr}: original ${show(a)} vs ours ${show(b)}`];
    const out: string[] = [];
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) out.push(...diff(a[k], b[k], `${ptr}/${esc(k)}`, k));
    if (parentKey === "properties" && out.length === 0) {
      const ka = Object.keys(a).join(",");
      const kb = Object.keys(b).join(",");
      if (ka !== kb) out.push(`${ptr}: property order differs: original [${ka}] vs ours [${kb}]`);
    }
    return out;
  }
  return a === b ? [] : [`${ptr}: original ${show(a)} vs ours ${show(b)}`];
}

function resolvePointer(doc: Json, pointer: string): Json | undefined {
  let cur: Json | undefined = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isObject(cur)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** Every prose string (description/summary) in the facts' scope, keyed by JSON pointer. */
function collectProse(node: Json, keys: string[], ptr = "", inProperties = false, out = new Map<string, string>()) {
  if (Array.isArray(node)) {
    node.forEach((n, i) => collectProse(n, keys, `${ptr}/${i}`, false, out));
  } else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (inProperties) {
        collectProse(v, keys, `${ptr}/${esc(k)}`, false, out);
      } else if (k === "x-oaiMeta" || k === "example" || k === "examples") {
        continue;
      } else if (keys.includes(k) && typeof v === "string") {
        out.set(`${ptr}/${k}`, v);
      } else {
        collectProse(v, keys, `${ptr}/${esc(k)}`, k === "properties", out);
      }
    }
  }
  return out;
}

/** The upstream document's prose hashes (JSON pointer → proseHash) within the selected operations' scope. */
function upstreamProse(original: JsonObject, keys: string[]): Map<string, string> {
  const file = path.join(FACTS, UPSTREAM_DOCUMENT.replace(/\.yaml$/, ".prose-hashes.json.gz"));
  const hashes = JSON.parse(gunzipSync(fs.readFileSync(file)).toString("utf8")) as Record<string, string>;
  const ops = selectedOperations(original);
  const scopes = [
    ...ops.map((o) => `/paths/${esc(o.path)}/${o.method}/`),
    ...reachableSchemas(
      original,
      ops.map((o) => o.op),
    ).map((name) => `/components/schemas/${esc(name)}/`),
  ];
  const inScope = ([ptr]: [string, string]) =>
    keys.includes(ptr.slice(ptr.lastIndexOf("/") + 1)) && scopes.some((scope) => ptr.startsWith(scope));
  return new Map(Object.entries(hashes).filter(inScope));
}

/** The raw (unstripped) operations and reachable schemas, in document shape, for prose checks. */
function scopedRaw(doc: JsonObject): JsonObject {
  const ops = selectedOperations(doc);
  const paths: JsonObject = {};
  for (const { path: p, method, op } of ops) ((paths[p] ??= {}) as JsonObject)[method] = op;
  const all = getObject(getObject(doc.components, "components").schemas, "components.schemas");
  const schemas: JsonObject = {};
  for (const name of reachableSchemas(
    doc,
    ops.map((o) => o.op),
  ))
    schemas[name] = all[name];
  return { paths, components: { schemas } };
}

describe("openapi.yaml facts match the original OpenAI spec", () => {
  const original = documentFacts(UPSTREAM_DOCUMENT) as JsonObject;
  const ours = loadYaml(OURS_PATH);

  test("contains exactly the 33 selected operations", () => {
    const ourIds = listOperations(ours).map((o) => o.operationId);
    expect([...ourIds].sort()).toEqual([...EXPECTED_OPERATIONS].sort());
    expect(new Set(ourIds).size).toBe(ourIds.length);
    const originalIds = selectedOperations(original).map((o) => o.operationId);
    expect([...originalIds].sort()).toEqual([...EXPECTED_OPERATIONS].sort());
  });

  test("operations keep the original paths and methods, in the original order", () => {
    const where = (doc: JsonObject) =>
      selectedOperations(doc).map((o) => `${o.method.toUpperCase()} ${o.path} ${o.operationId}`);
    expect(where(ours)).toEqual(where(original));
    expect(Object.keys(getObject(ours.paths, "paths"))).toEqual([
      ...new Set(selectedOperations(original).map((o) => o.path)),
    ]);
  });

  test("component schemas are exactly those reachable from the operations", () => {
    const ourSchemas = Object.keys(getObject(getObject(ours.components, "components").schemas, "schemas"));
    const reachable = reachableSchemas(
      original,
      selectedOperations(original).map((o) => o.op),
    );
    expect([...ourSchemas].sort()).toEqual([...reachable].sort());
  });

  test("operations and schemas are structurally identical (prose removed), with no deviation", () => {
    expect(diff(extractFacts(original), extractFacts(ours))).toEqual([]);
  });

  test("gen.yaml's overlays, not openapi.yaml, turn downloadFile into octet-stream binary", () => {
    const json = { "application/json": { schema: { type: "string" } } };
    expect(resolvePointer(original, DOWNLOAD_CONTENT)).toEqual(json);
    expect(resolvePointer(ours, DOWNLOAD_CONTENT)).toEqual(json);
    const { overlays } = readConfig(GEN_YAML);
    expect(overlays).toEqual([path.resolve(__dirname, "../../overlays/download-file-bytes.yaml")]);
    const bytes = { "application/octet-stream": { schema: { type: "string", format: "binary" } } };
    const originalFixed = applyOverlays(readDocument(documentFile(UPSTREAM_DOCUMENT)), overlays).root as JsonObject;
    const oursFixed = applyOverlays(readDocument(OURS_PATH), overlays).root as JsonObject;
    expect(resolvePointer(originalFixed, DOWNLOAD_CONTENT)).toEqual(bytes);
    expect(resolvePointer(oursFixed, DOWNLOAD_CONTENT)).toEqual(bytes);
    expect(diff(extractFacts(originalFixed), extractFacts(oursFixed))).toEqual([]);
  });

  test("top-level security, servers, tags and info", () => {
    expect(ours.openapi).toBe("3.0.0");
    expect(ours.security).toEqual([{ ApiKeyAuth: [] }]);
    expect(ours.security).toEqual(original.security);
    expect(ours.servers).toEqual([{ url: "https://api.openai.com/v1" }]);
    expect(getObject(ours.components, "components").securitySchemes).toEqual({
      ApiKeyAuth: { type: "http", scheme: "bearer" },
    });
    const tags = ours.tags as JsonObject[];
    expect(tags.map((t) => t.name)).toEqual(["Assistants", "Files"]);
    for (const t of tags) expect(typeof t.description === "string" && t.description.trim() !== "").toBe(true);
    const info = getObject(ours.info, "info");
    expect(info.title).toBe("OpenAI API");
    expect(info.version).toBe("2.0.0");
    expect(typeof info.description === "string" && info.description.trim() !== "").toBe(true);
  });

  test("no examples, and x-oaiMeta only as {beta: true} on operations", () => {
    const offenders: string[] = [];
    const walk = (node: Json, ptr: string, inProperties: boolean, isOperation: boolean): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${ptr}/${i}`, false, false));
      if (!isObject(node)) return;
      for (const [k, v] of Object.entries(node)) {
        const p = `${ptr}/${esc(k)}`;
        if (!inProperties && (k === "example" || k === "examples")) offenders.push(p);
        else if (!inProperties && k === "x-oaiMeta") {
          if (!isOperation || JSON.stringify(v) !== JSON.stringify({ beta: true })) offenders.push(p);
        } else walk(v, p, !inProperties && k === "properties", false);
      }
    };
    for (const [p, item] of Object.entries(getObject(ours.paths, "paths"))) {
      for (const [method, op] of Object.entries(getObject(item, p)))
        walk(op, `/paths/${esc(p)}/${method}`, false, true);
    }
    walk(getObject(ours.components, "components"), "/components", false, false);
    expect(offenders).toEqual([]);
  });

  test("summaries are single lines", () => {
    const multi = [...collectProse(scopedRaw(ours), ["summary"])].filter(([, s]) => s.trim().includes("\n"));
    expect(multi).toEqual([]);
  });

  test("everything described in the original is described in ours", () => {
    const theirs = upstreamProse(original, ["description", "summary", "title"]);
    expect(theirs.size).toBeGreaterThan(300);
    const mine = collectProse(scopedRaw(ours), ["description", "summary", "title"]);
    const missing = [...theirs.keys()].filter((ptr) => !(mine.get(ptr) ?? "").trim());
    expect(missing).toEqual([]);
  });

  test("prose is our own wording", () => {
    const MIN_LENGTH = 40; // very short phrases may coincide by accident
    const theirs = upstreamProse(original, ["description", "summary", "title"]);
    const mine = [...collectProse(scopedRaw(ours), ["description", "summary", "title"])]
      .filter(([, text]) => normalizeProse(text).length >= MIN_LENGTH)
      .map(([ptr, text]) => [ptr, proseHash(text)] as const);
    // Same location, same text.
    expect(mine.filter(([ptr, hash]) => theirs.get(ptr) === hash).map(([ptr]) => ptr)).toEqual([]);
    // Same text anywhere in the original's scope (catches text moved to another location).
    const originalTexts = new Set(theirs.values());
    expect(mine.filter(([, hash]) => originalTexts.has(hash)).map(([ptr]) => ptr)).toEqual([]);
  });
});
