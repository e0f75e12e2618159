/** load → model → emit, as one pure-ish function the CLI and the tests both call. */
import { readConfig, settleConfig, type GenConfig } from "./config";
import { readDocument } from "./load/document";
import { applyOverlays } from "./load/overlay";
import { Resolver } from "./load/refs";
import { validateDocument } from "./load/validate";
import { buildModel } from "./model/build";
import type { ApiModel } from "./model/ir";
import { emitSdk } from "./emit";
import { emitPackage } from "./emit/package";
import type { GeneratedFile } from "./write/tree";
import { changesMarkdown, compareSurfaces } from "./diff/compare";
import { surfaceOf } from "./diff/surface";
import { basename } from "node:path";

export interface GenerateInput {
  readonly specFile: string;
  readonly configFile?: string;
  /** "repo": src/sdk + docs for this repository; "package": a complete standalone package. */
  readonly mode: "repo" | "package";
}

export interface GenerateOutput {
  readonly model: ApiModel;
  readonly config: GenConfig;
  readonly files: GeneratedFile[];
}

/** Reads one document, applies gen.yaml's overlays to it, then validates and models it. */
export function modelDocument(specFile: string, configFile: string | undefined): { model: ApiModel; config: GenConfig } {
  const configured = readConfig(configFile);
  const doc = applyOverlays(readDocument(specFile), configured.overlays);
  const resolver = new Resolver(doc);
  validateDocument(resolver);
  const title = typeof (doc.root.info as { title?: unknown })?.title === "string" ? (doc.root.info as { title: string }).title : "Api";
  const config = settleConfig(configured, title);
  return { model: buildModel(resolver, config), config };
}

export function generate(input: GenerateInput): GenerateOutput {
  const { model, config } = modelDocument(input.specFile, input.configFile);
  const files = emitSdk(model, config);
  if (input.mode === "package") files.push(...emitPackage(model, config));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, config, files };
}

/** Markdown listing the SDK surface changes from an older document to the current one. */
export function diffDocuments(olderFile: string, currentFile: string, configFile: string | undefined): string {
  const before = modelDocument(olderFile, configFile).model;
  const after = modelDocument(currentFile, configFile).model;
  return changesMarkdown(compareSurfaces(surfaceOf(before), surfaceOf(after)), basename(olderFile), basename(currentFile));
}
