/** load → model → emit, as one pure-ish function the CLI and the tests both call. */
import { readConfig, settleConfig, type GenConfig } from "./config";
import { readDocument } from "./load/document";
import { applyOverlays } from "./load/overlay";
import { Resolver } from "./load/refs";
import { validateDocument } from "./load/validate";
import { buildModel } from "./model/build";
import type { ApiModel } from "./model/ir";
import { emitSdk } from "./emit";
import { emitLock } from "./emit/lock";
import { EMPTY_LOCK, readLock, type SurfaceLock } from "./lock/lock";
import { emitPackage } from "./emit/sdk/package";
import type { GeneratedFile } from "./emit/file";
import { compareSurfaces } from "./diff/compare";
import { changesMarkdown } from "./diff/markdown";
import { surfaceOf } from "./diff/surface";
import { basename } from "node:path";

export interface GenerateInput {
  readonly specFile: string;
  readonly configFile?: string;
  /** "repo": src/sdk + docs for this repository; "package": a complete standalone package. */
  readonly mode: "repo" | "package";
  /** gen.lock to keep the surface of (absent: a first generation, the replaced SDK's surface). */
  readonly lockFile?: string;
}

export interface GenerateOutput {
  readonly model: ApiModel;
  readonly config: GenConfig;
  readonly files: GeneratedFile[];
}

/** Reads one document, applies gen.yaml's overlays to it, then validates and models it. */
export function modelDocument(
  specFile: string,
  configFile: string | undefined,
  lock: SurfaceLock = EMPTY_LOCK,
): { model: ApiModel; config: GenConfig } {
  const configured = readConfig(configFile);
  const doc = applyOverlays(readDocument(specFile), configured.overlays);
  const resolver = new Resolver(doc);
  validateDocument(resolver);
  const title =
    typeof (doc.root.info as { title?: unknown })?.title === "string"
      ? (doc.root.info as { title: string }).title
      : "Api";
  const config = settleConfig(configured, title);
  return { model: buildModel(resolver, config, lock), config };
}

export function generate(input: GenerateInput): GenerateOutput {
  const lock = input.lockFile ? readLock(input.lockFile) : EMPTY_LOCK;
  const { model, config } = modelDocument(input.specFile, input.configFile, lock);
  const files = [...emitSdk(model, config), emitLock(model)];
  if (input.mode === "package") files.push(...emitPackage(model, config));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, config, files };
}

export interface DiffInput {
  readonly older: { readonly specFile: string; readonly configFile?: string };
  readonly current: { readonly specFile: string; readonly configFile?: string };
  /** Both sides keep this lock: the diff shows what users of the current SDK would see change. */
  readonly lockFile?: string;
}

/** Markdown listing the SDK surface changes from an older document to the current one. */
export function diffDocuments(input: DiffInput): string {
  const lock = input.lockFile ? readLock(input.lockFile) : EMPTY_LOCK;
  const before = modelDocument(input.older.specFile, input.older.configFile, lock).model;
  const { model: after, config } = modelDocument(input.current.specFile, input.current.configFile, lock);
  const changes = compareSurfaces(surfaceOf(before), surfaceOf(after), (tag) => tagHint(tag, config));
  return changesMarkdown(changes, basename(input.older.specFile), basename(input.current.specFile));
}

/** Where gen.yaml selects tags, so the diff can say which line would add an unselected one. */
function tagHint(tag: string, config: GenConfig): string {
  const line = config.source?.lineOf("#/tags");
  const where = config.source ? ` (${basename(config.source.file)}${line ? ` line ${line}` : ""})` : "";
  return `add ${JSON.stringify(tag)} to \`tags:\`${where} to generate them`;
}
