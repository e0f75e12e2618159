/** Markdown docs: one page per tag (operations with examples), one page per model. */
import type { GenConfig } from "../config";
import type { ApiModel } from "../model/ir";
import type { EmittedFile } from "./models";

export function emitDocs(_model: ApiModel, _config: GenConfig): EmittedFile[] {
  return [];
}
