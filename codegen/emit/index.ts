/** Model → every generated file (path relative to the output root → text). Pure: no I/O. */
import type { GenConfig } from "../config";
import type { ApiModel } from "../model/ir";
import { emitDocs } from "./docs";
import type { GeneratedFile } from "./file";
import { emitDecl, emitIndex, emitOperationClasses } from "./sdk/models";
import { emitClient, emitErrorsIndex, emitSdkIndex } from "./sdk/client";
import { emitTag } from "./sdk/tag";

export function emitSdk(model: ApiModel, config: GenConfig): GeneratedFile[] {
  const sdk: GeneratedFile[] = [];
  for (const decl of model.decls) sdk.push(emitDecl(decl));
  const operations = model.tags.flatMap((t) => t.operations);
  for (const op of operations) sdk.push(...emitOperationClasses(op));
  const names = (namespace: string) =>
    sdk
      .filter((f) => f.path.startsWith(`models/${namespace}/`))
      .map((f) => f.path.replace(/^.*\//, "").replace(/\.ts$/, ""));
  sdk.push(
    emitIndex("models/shared", names("shared")),
    emitIndex("models/operations", names("operations")),
    emitErrorsIndex(),
  );
  for (const tag of model.tags) sdk.push(emitTag(tag));
  sdk.push(emitClient(model, config), emitSdkIndex(model));
  const files = sdk.map((f) => ({ path: `src/sdk/${f.path}`, content: f.content }));
  files.push(...emitDocs(model, config));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
