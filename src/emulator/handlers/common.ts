/** Helpers the handlers share: existing-file checks, deleted-object answers, timestamps. */
import { toSeconds } from "../clock";
import { badRequest } from "../errors";
import type { EmulatorState } from "../router";

export function nowSeconds(state: EmulatorState): number {
  return toSeconds(state.clock.now());
}

/** Every id names an uploaded file, or a 400 lists those that do not. */
export function checkFilesExist(state: EmulatorState, fileIds: readonly string[], param: string): void {
  const unknown = fileIds.filter((id) => !state.store.files.find(id));
  if (unknown.length > 0) {
    throw badRequest(`Files with ids [${unknown.map((id) => `'${id}'`).join(", ")}] were not found.`, param);
  }
}

export function deleted(id: string, object: string): { json: { id: string; object: string; deleted: true } } {
  return { json: { id, object, deleted: true } };
}
