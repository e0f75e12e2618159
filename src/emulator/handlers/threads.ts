/** Threads; deleting one deletes its messages and runs. */
import { route, type EmulatorState, type Route } from "../router";
import type { MessageObject, ThreadObject } from "../types";
import { Fields, invalidType } from "../validation";
import { deleted, nowSeconds } from "./common";
import { buildUserMessage } from "./messages";

export const threadRoutes: Route[] = [
  route("POST /threads", "createThread", (state, call) => ({ json: createThread(state, call.body ?? {}, "") })),
  route("GET /threads/{thread_id}", "getThread", (state, call) => ({
    json: state.store.threads.get(call.params.thread_id),
  })),
  route("POST /threads/{thread_id}", "modifyThread", (state, call) => {
    const thread = state.store.threads.get(call.params.thread_id);
    const metadata = new Fields(call.body ?? {}, ["metadata"]).metadata();
    if (metadata !== undefined) thread.metadata = metadata;
    return { json: thread };
  }),
  route("DELETE /threads/{thread_id}", "deleteThread", (state, call) => {
    state.store.deleteThread(call.params.thread_id);
    return deleted(call.params.thread_id, "thread.deleted");
  }),
];

/** A thread and its first messages, all checked before anything is stored. */
export function createThread(state: EmulatorState, body: unknown, prefix: string): ThreadObject {
  const fields = new Fields(body, ["messages", "metadata"], prefix);
  const metadata = fields.metadata() ?? {};
  const rawMessages = fields.raw("messages") ?? [];
  if (!Array.isArray(rawMessages)) throw invalidType(`${prefix}messages`, "an array", rawMessages);
  const thread: ThreadObject = { id: state.ids("thread_"), object: "thread", created_at: nowSeconds(state), metadata };
  const messages: MessageObject[] = rawMessages.map((message, i) =>
    buildUserMessage(state, thread.id, message, `${prefix}messages[${i}].`),
  );
  state.store.addThread(thread);
  for (const message of messages) state.store.messagesOf(thread.id).add(message);
  return thread;
}
