/**
 * Markdown docs in the layout of the seed's SDK (Speakeasy style):
 * - `docs/sdks/<tag>/README.md`: overview, the list of operations, and per operation an
 *   example program, a parameters table and the response type;
 * - `docs/models/{shared,operations}/<type>.md`: one page per model, request and result class.
 * Pure: model in, file texts out. Every table cell goes through `cell()`.
 * Pages: tag-page.ts and model-pages.ts; what they share: links.ts; example programs: examples.ts.
 */
import type { GenConfig } from "../../config";
import type { ApiModel } from "../../model/ir";
import type { GeneratedFile } from "../file";
import { tagPagePath, modelPath } from "./links";
import { declPage, requestPage, responsePage } from "./model-pages";
import { tagPage } from "./tag-page";

export function emitDocs(model: ApiModel, config: GenConfig): GeneratedFile[] {
  const files = new Map<string, string>();
  const add = (path: string, content: string) => {
    // Two types whose names differ only in case share a page path; the first one keeps it.
    if (!files.has(path)) files.set(path, content.trimEnd() + "\n");
  };
  for (const tag of model.tags) add(tagPagePath(tag), tagPage(tag, model, config));
  for (const decl of model.decls) add(modelPath(decl.namespace, decl.name), declPage(decl, config));
  for (const tag of model.tags) {
    for (const op of tag.operations) {
      if (op.requestClass) add(modelPath("operations", op.requestClass), requestPage(op, tag));
      add(modelPath("operations", op.responseClass), responsePage(op, tag));
    }
  }
  return [...files]
    .map(([path, content]) => ({ path, content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
