/** Messages of a thread and the files attached to them. */
import { badRequest, notFound } from "../errors";
import { cachedJson, cachedPage, forget, pageJson } from "../json-cache";
import { paginate, parseListQuery } from "../pagination";
import { route, type EmulatorState, type Route } from "../router";
import type { MessageFileObject, MessageObject } from "../types";
import { Fields, invalidValue, LIMITS } from "../validation";
import { checkFilesExist, nowSeconds } from "./common";

export const messageRoutes: Route[] = [
  route("GET /threads/{thread_id}/messages", "listMessages", (state, call) => {
    const messages = messagesOf(state, call.params.thread_id);
    const query = parseListQuery(call.query);
    return { jsonBytes: cachedPage(messages, JSON.stringify(query), () => pageJson(paginate(messages.all(), query))) };
  }),
  route("POST /threads/{thread_id}/messages", "createMessage", (state, call) => ({
    json: createMessage(state, call.params.thread_id, call.body),
  })),
  route("GET /threads/{thread_id}/messages/{message_id}", "getMessage", (state, call) => ({
    jsonBytes: cachedJson(messagesOf(state, call.params.thread_id).get(call.params.message_id)),
  })),
  route("POST /threads/{thread_id}/messages/{message_id}", "modifyMessage", (state, call) => {
    const messages = messagesOf(state, call.params.thread_id);
    const message = messages.get(call.params.message_id);
    const metadata = new Fields(call.body ?? {}, ["metadata"]).metadata();
    forget(message, messages);
    if (metadata !== undefined) message.metadata = metadata;
    return { json: message };
  }),
  route("GET /threads/{thread_id}/messages/{message_id}/files", "listMessageFiles", (state, call) => {
    const message = messagesOf(state, call.params.thread_id).get(call.params.message_id);
    return { json: paginate(messageFiles(message), parseListQuery(call.query)) };
  }),
  route("GET /threads/{thread_id}/messages/{message_id}/files/{file_id}", "getMessageFile", (state, call) => {
    const message = messagesOf(state, call.params.thread_id).get(call.params.message_id);
    const file = messageFiles(message).find((item) => item.id === call.params.file_id);
    if (!file) throw notFound("file", call.params.file_id);
    return { json: file };
  }),
];

/** The thread's messages, with its runs brought up to now (a run may just have written one). */
function messagesOf(state: EmulatorState, threadId: string) {
  const messages = state.store.messagesOf(threadId);
  state.engine.catchUpThread(threadId);
  return messages;
}

function messageFiles(message: MessageObject): MessageFileObject[] {
  return message.file_ids.map((id) => ({
    id,
    object: "thread.message.file",
    created_at: message.created_at,
    message_id: message.id,
  }));
}

function createMessage(state: EmulatorState, threadId: string, body: unknown): MessageObject {
  state.store.threads.get(threadId);
  const active = state.engine.activeRun(threadId);
  const message = buildUserMessage(state, threadId, body, "");
  if (active) throw badRequest(`Can't add messages to ${threadId} while a run ${active.id} is active.`);
  return state.store.messagesOf(threadId).add(message);
}

/** A user message from a create-message body; `prefix` locates its fields (`messages[0].`) in errors. */
export function buildUserMessage(state: EmulatorState, threadId: string, body: unknown, prefix: string): MessageObject {
  const fields = new Fields(body, ["role", "content", "file_ids", "metadata"], prefix);
  const role = fields.requiredString("role");
  if (role !== "user") throw invalidValue(`${prefix}role`, role, ["user"]);
  const content = fields.requiredString("content", LIMITS.content);
  if (content.length === 0) {
    const param = `${prefix}content`;
    const message =
      `Invalid '${param}': string too short. ` +
      "Expected a string with minimum length 1, but got an empty string instead.";
    throw badRequest(message, param, "string_below_min_length");
  }
  const fileIds = fields.fileIds(LIMITS.messageFiles) ?? [];
  checkFilesExist(state, fileIds, `${prefix}file_ids`);
  return {
    id: state.ids("msg_"),
    object: "thread.message",
    created_at: nowSeconds(state),
    thread_id: threadId,
    role: "user",
    content: [{ type: "text", text: { value: content, annotations: [] } }],
    assistant_id: null,
    run_id: null,
    file_ids: fileIds,
    metadata: fields.metadata() ?? {},
  };
}
