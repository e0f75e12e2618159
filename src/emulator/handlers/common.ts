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
  if (unknown.length > 0) throw badRequest(`Files with ids ${idList(unknown)} were not found.`, param);
}

/** An assistant's files exist and were uploaded with purpose `assistants`, as the API's reference requires. */
export function checkAssistantFiles(state: EmulatorState, fileIds: readonly string[], param: string): void {
  checkFilesExist(state, fileIds, param);
  const others = fileIds.filter((id) => state.store.files.get(id).object.purpose !== "assistants");
  if (others.length > 0) {
    const message = `Files with ids ${idList(others)} were not uploaded with purpose 'assistants', the only purpose an assistant can use.`;
    throw badRequest(message, param);
  }
}

const idList = (ids: readonly string[]): string => `[${ids.map((id) => `'${id}'`).join(", ")}]`;

export function deleted(id: string, object: string): { json: { id: string; object: string; deleted: true } } {
  return { json: { id, object, deleted: true } };
}
