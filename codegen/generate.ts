/** load → model → emit, as one pure-ish function the CLI and the tests both call. */
import { loadConfig, type GenConfig } from "./config";
import { readDocument } from "./load/document";
import { Resolver } from "./load/refs";
import { validateDocument } from "./load/validate";
import { buildModel } from "./model/build";
import type { ApiModel } from "./model/ir";
import { emitSdk } from "./emit";
import { emitPackage } from "./emit/package";
import type { GeneratedFile } from "./write/tree";

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

export function generate(input: GenerateInput): GenerateOutput {
  const doc = readDocument(input.specFile);
  const resolver = new Resolver(doc);
  validateDocument(resolver);
  const title = typeof (doc.root.info as { title?: unknown })?.title === "string" ? ((doc.root.info as { title: string }).title) : "Api";
  const config = loadConfig(input.configFile, title);
  const model = buildModel(resolver, config);
  const files = emitSdk(model, config);
  if (input.mode === "package") files.push(...emitPackage(model, config));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, config, files };
}
