/** Assistants and their attached files. */
import { badRequest } from "../errors";
import { paginate, parseListQuery } from "../pagination";
import { route, type EmulatorState, type Route } from "../router";
import type { AssistantObject } from "../types";
import { Fields, LIMITS } from "../validation";
import { checkAssistantFiles, deleted, nowSeconds } from "./common";

const FIELDS = ["model", "name", "description", "instructions", "tools", "file_ids", "metadata"];

export const assistantRoutes: Route[] = [
  route("GET /assistants", "listAssistants", (state, call) => ({
    json: paginate(state.store.assistants.all(), parseListQuery(call.query)),
  })),
  route("POST /assistants", "createAssistant", (state, call) => ({ json: createAssistant(state, call.body) })),
  route("GET /assistants/{assistant_id}", "getAssistant", (state, call) => ({
    json: state.store.assistants.get(call.params.assistant_id),
  })),
  route("POST /assistants/{assistant_id}", "modifyAssistant", (state, call) => ({
    json: modifyAssistant(state, call.params.assistant_id, call.body),
  })),
  route("DELETE /assistants/{assistant_id}", "deleteAssistant", (state, call) => {
    state.store.deleteAssistant(call.params.assistant_id);
    return deleted(call.params.assistant_id, "assistant.deleted");
  }),
  route("GET /assistants/{assistant_id}/files", "listAssistantFiles", (state, call) => ({
    json: paginate(state.store.filesOf(call.params.assistant_id).all(), parseListQuery(call.query)),
  })),
  route("POST /assistants/{assistant_id}/files", "createAssistantFile", (state, call) => ({
    json: attachFile(state, call.params.assistant_id, call.body),
  })),
  route("GET /assistants/{assistant_id}/files/{file_id}", "getAssistantFile", (state, call) => ({
    json: state.store.filesOf(call.params.assistant_id).get(call.params.file_id),
  })),
  route("DELETE /assistants/{assistant_id}/files/{file_id}", "deleteAssistantFile", (state, call) => {
    const { assistant_id: assistantId, file_id: fileId } = call.params;
    state.store.filesOf(assistantId).get(fileId);
    setFileIds(
      state,
      state.store.assistants.get(assistantId),
      state.store.assistants.get(assistantId).file_ids.filter((id) => id !== fileId),
    );
    return deleted(fileId, "assistant.file.deleted");
  }),
];

function createAssistant(state: EmulatorState, body: unknown): AssistantObject {
  const fields = new Fields(body, FIELDS);
  const model = fields.requiredString("model");
  const fileIds = fields.fileIds(LIMITS.assistantFiles) ?? [];
  const assistant: AssistantObject = {
    id: state.ids("asst_"),
    object: "assistant",
    created_at: nowSeconds(state),
    name: fields.optionalString("name", LIMITS.name) ?? null,
    description: fields.optionalString("description", LIMITS.description) ?? null,
    model,
    instructions: fields.optionalString("instructions", LIMITS.instructions) ?? null,
    tools: fields.tools(LIMITS.assistantTools) ?? [],
    file_ids: [],
    metadata: fields.metadata() ?? {},
  };
  checkAssistantFiles(state, fileIds, "file_ids");
  state.store.addAssistant(assistant);
  setFileIds(state, assistant, fileIds);
  return assistant;
}

function modifyAssistant(state: EmulatorState, id: string, body: unknown): AssistantObject {
  const assistant = state.store.assistants.get(id);
  const fields = new Fields(body ?? {}, FIELDS);
  const changes: Partial<AssistantObject> = {};
  if (fields.has("model")) changes.model = fields.requiredString("model");
  for (const [name, max] of [
    ["name", LIMITS.name],
    ["description", LIMITS.description],
    ["instructions", LIMITS.instructions],
  ] as const) {
    const value = fields.optionalString(name, max);
    if (value !== undefined) changes[name] = value;
  }
  const tools = fields.tools(LIMITS.assistantTools);
  if (tools !== undefined) changes.tools = tools;
  const metadata = fields.metadata();
  if (metadata !== undefined) changes.metadata = metadata;
  const fileIds = fields.fileIds(LIMITS.assistantFiles);
  if (fileIds !== undefined) checkAssistantFiles(state, fileIds, "file_ids");
  Object.assign(assistant, changes);
  if (fileIds !== undefined) setFileIds(state, assistant, fileIds);
  return assistant;
}

function attachFile(state: EmulatorState, assistantId: string, body: unknown) {
  const assistant = state.store.assistants.get(assistantId);
  const fileId = new Fields(body, ["file_id"]).requiredString("file_id");
  checkAssistantFiles(state, [fileId], "file_id");
  const attached = state.store.filesOf(assistantId).find(fileId);
  if (attached) return attached;
  if (assistant.file_ids.length >= LIMITS.assistantFiles) {
    throw badRequest(`An assistant can have at most ${LIMITS.assistantFiles} files attached.`, "file_id");
  }
  setFileIds(state, assistant, [...assistant.file_ids, fileId]);
  return state.store.filesOf(assistantId).get(fileId);
}

/** Keeps `file_ids` and the assistant's file objects in step: new ones attached now, dropped ones removed. */
function setFileIds(state: EmulatorState, assistant: AssistantObject, fileIds: string[]): void {
  const files = state.store.filesOf(assistant.id);
  for (const file of files.all()) if (!fileIds.includes(file.id)) files.delete(file.id);
  for (const id of fileIds) {
    if (!files.find(id))
      files.add({ id, object: "assistant.file", created_at: nowSeconds(state), assistant_id: assistant.id });
  }
  assistant.file_ids = [...fileIds];
}
