/**
 * Synthetic documents k× the size of a real one: every path, webhook and component (schemas,
 * responses, parameters, request bodies, headers, examples, links, callbacks) is copied k−1
 * more times under new names, with every `#/components/...` reference rewritten to the copy.
 * Security schemes, tags and top-level metadata are shared. The 1× document goes through the
 * same load → dump pipeline, so every scale is written in the same style.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { rootRequire } from "./util";

const COPIED_COMPONENTS = [
  "schemas",
  "responses",
  "parameters",
  "requestBodies",
  "headers",
  "examples",
  "links",
  "callbacks",
];

type Json = unknown;

// js-yaml is one of the generator's own dependencies, so it is in the root node_modules.
const yaml = rootRequire("js-yaml") as {
  load(text: string): unknown;
  dump(value: unknown, options?: Record<string, unknown>): string;
};

function suffixName(name: string, copy: number): string {
  return `${name}Copy${copy}`;
}

function rewriteRefs(value: Json, copy: number): Json {
  if (typeof value === "string") {
    const m = /^#\/components\/([^/]+)\/([^/]+)(.*)$/.exec(value);
    // Appending letters and digits to an escaped pointer segment escapes the suffixed name.
    if (m && COPIED_COMPONENTS.includes(m[1])) return `#/components/${m[1]}/${suffixName(m[2], copy)}${m[3]}`;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, copy));
  if (value && typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === "operationId" && typeof v === "string" ? `${v}Copy${copy}` : rewriteRefs(v, copy);
    }
    return out;
  }
  return value;
}

export interface SyntheticStats {
  paths: number;
  operations: number;
  schemas: number;
  bytes: number;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Writes the document `scale` times the source to `outFile` (YAML). */
export function writeScaledDocument(sourceFile: string, scale: number, outFile: string): SyntheticStats {
  const doc = yaml.load(readFileSync(sourceFile, "utf8")) as Record<string, Json>;
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  const webhooks = doc.webhooks as Record<string, Json> | undefined;
  const components = (doc.components ?? {}) as Record<string, Record<string, Json>>;
  const outPaths: Record<string, Json> = { ...paths };
  const outWebhooks: Record<string, Json> | undefined = webhooks ? { ...webhooks } : undefined;
  const outComponents: Record<string, Record<string, Json>> = {};
  for (const [section, entries] of Object.entries(components)) outComponents[section] = { ...entries };
  for (let copy = 2; copy <= scale; copy++) {
    for (const [path, item] of Object.entries(paths)) outPaths[`/copy${copy}${path}`] = rewriteRefs(item, copy);
    if (webhooks && outWebhooks)
      for (const [name, item] of Object.entries(webhooks))
        outWebhooks[suffixName(name, copy)] = rewriteRefs(item, copy);
    for (const section of COPIED_COMPONENTS) {
      const entries = components[section];
      if (!entries) continue;
      for (const [name, item] of Object.entries(entries))
        outComponents[section][suffixName(name, copy)] = rewriteRefs(item, copy);
    }
  }
  const out: Record<string, Json> = { ...doc, paths: outPaths, components: outComponents };
  if (outWebhooks) out.webhooks = outWebhooks;
  const text = yaml.dump(out, { noRefs: true, lineWidth: -1 });
  writeFileSync(outFile, text);
  const operations = Object.values(outPaths).reduce<number>(
    (n, item) => n + Object.keys((item ?? {}) as object).filter((k) => METHODS.includes(k)).length,
    0,
  );
  return {
    paths: Object.keys(outPaths).length,
    operations,
    schemas: Object.keys(outComponents.schemas ?? {}).length,
    bytes: Buffer.byteLength(text),
  };
}
