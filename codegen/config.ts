/** gen.yaml: the generator's settings. Unknown keys are errors, so a typo never passes silently. */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { readDocument, type SourceDocument } from "./load/document";
import { SpecError } from "./load/errors";

export interface RetryDefaults {
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/** The list shape that pages with a cursor (wire names). */
export interface PaginationRule {
  /** Query parameter that takes the cursor (`after`). */
  readonly cursorParam: string;
  /** Response field holding the next cursor (`last_id`). */
  readonly cursorField: string;
  /** Response field saying whether another page exists (`has_more`). */
  readonly hasMoreField: string;
  /** Response field with the page's items (`data`). */
  readonly itemsField: string;
}

export interface GenConfig {
  /** Class users construct (`new Gpt(...)`). */
  readonly sdkClassName: string;
  readonly packageName: string;
  readonly packageVersion: string;
  /** Operations with at most this many arguments take them positionally. */
  readonly maxMethodParams: number;
  /** Tags to generate (all when absent). */
  readonly tags?: readonly string[];
  /** Headers sent by operations the spec marks `x-oaiMeta: { beta: true }`. */
  readonly betaHeaders: Readonly<Record<string, string>>;
  readonly retries: RetryDefaults;
  readonly timeoutMs: number;
  /** List operations matching this rule get an `...All` method that walks every page. */
  readonly pagination?: PaginationRule;
  /** Security scheme name → environment variable its credential defaults to (`ApiKeyAuth: OPENAI_API_KEY`). */
  readonly securityEnv?: Readonly<Record<string, string>>;
  /** Overlay files applied to the document before modelling, in order (absolute paths). */
  readonly overlays: readonly string[];
  /** gen.yaml itself, so a setting the document contradicts (an unknown tag) gets a located error. */
  readonly source?: SourceDocument;
}

/** gen.yaml as written, checked: what `settleConfig` completes with defaults. */
export interface ConfigFile {
  readonly settings: Readonly<Record<string, unknown>>;
  /** `overlays`, resolved against gen.yaml's folder; each file exists. */
  readonly overlays: readonly string[];
  readonly source?: SourceDocument;
}

const DEFAULTS = {
  maxMethodParams: 4,
  packageVersion: "0.1.0",
  betaHeaders: {},
  retries: { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000 },
  timeoutMs: 600_000,
} as const;

type Checker = (value: unknown, key: string) => string | undefined;

const isString: Checker = (v) => (typeof v === "string" && v.trim() !== "" ? undefined : "must be a non-empty string");
const isCount: Checker = (v) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : "must be a whole number >= 0");
const KEYS: Record<string, Checker> = {
  sdkClassName: (v) =>
    typeof v === "string" && /^[A-Z][A-Za-z0-9_]*$/.test(v) ? undefined : "must be a PascalCase identifier",
  packageName: (v) =>
    typeof v === "string" && /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(v)
      ? undefined
      : "must be a valid npm package name",
  packageVersion: isString,
  maxMethodParams: isCount,
  tags: (v) => (Array.isArray(v) && v.every((t) => typeof t === "string") ? undefined : "must be a list of tag names"),
  betaHeaders: (v) => (isStringMap(v) ? undefined : "must map header names to string values"),
  securityEnv: (v) =>
    isStringMap(v) && Object.values(v as object).every((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      ? undefined
      : "must map security scheme names to environment variable names (letters, digits, _)",
  retries: (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return "must be an object";
    for (const [key, value] of Object.entries(v)) {
      if (!["maxRetries", "initialDelayMs", "maxDelayMs"].includes(key)) return `has unknown key "${key}"`;
      if (isCount(value, key)) return `${key} ${isCount(value, key)}`;
    }
    return undefined;
  },
  timeoutMs: isCount,
  overlays: (v) =>
    Array.isArray(v) && v.every((path) => !isString(path, "")) ? undefined : "must be a list of file paths",
  pagination: (v) => {
    const keys = ["cursorParam", "cursorField", "hasMoreField", "itemsField"];
    if (typeof v !== "object" || v === null || Array.isArray(v)) return "must be an object";
    for (const [key, value] of Object.entries(v)) {
      if (!keys.includes(key)) return `has unknown key "${key}"`;
      if (typeof value !== "string" || !value) return `${key} must be a non-empty string`;
    }
    const missing = keys.filter((k) => !(k in v));
    return missing.length > 0 ? `needs ${missing.join(", ")}` : undefined;
  },
};

export function loadConfig(file: string | undefined, fallbackTitle: string): GenConfig {
  return settleConfig(readConfig(file), fallbackTitle);
}

/** Reads and checks gen.yaml; no file means no settings. */
export function readConfig(file: string | undefined): ConfigFile {
  if (file && !existsSync(file)) throw new SpecError(file, "", "config file not found");
  if (!file) return { settings: {}, overlays: [] };
  const source = readDocument(file, "the generator's settings");
  for (const [key, value] of Object.entries(source.root)) {
    const check = KEYS[key];
    if (!check) throw new SpecError(file, `#/${key}`, `unknown key "${key}" (known: ${Object.keys(KEYS).join(", ")})`);
    const problem = check(value, key);
    if (problem) throw new SpecError(file, `#/${key}`, `${key} ${problem}`);
  }
  const overlays = ((source.root.overlays ?? []) as string[]).map((path, i) => {
    const absolute = resolve(dirname(file), path);
    const pointer = `#/overlays/${i}`;
    if (existsSync(absolute)) return absolute;
    const problem = `overlay file "${path}" not found (looked for ${absolute})`;
    throw new SpecError(file, pointer, problem, source.lineOf(pointer));
  });
  return { settings: source.root, overlays, source };
}

/** The settings with defaults filled in; class and package names not set come from the document's title. */
export function settleConfig(file: ConfigFile, fallbackTitle: string): GenConfig {
  const raw = file.settings;
  return {
    ...DEFAULTS,
    ...raw,
    sdkClassName: (raw.sdkClassName as string) ?? classNameFromTitle(fallbackTitle),
    packageName: (raw.packageName as string) ?? packageNameFromTitle(fallbackTitle),
    retries: { ...DEFAULTS.retries, ...(raw.retries as object | undefined) },
    overlays: file.overlays,
    source: file.source,
  } as GenConfig;
}

function isStringMap(v: unknown): boolean {
  return (
    typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string")
  );
}

function classNameFromTitle(title: string): string {
  const name = title
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
  return /^[A-Z]/.test(name) ? name : `SDK${name}`;
}

function packageNameFromTitle(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "api-sdk"
  );
}
