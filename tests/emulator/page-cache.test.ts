/**
 * A message page asked for again is served from a cache while the thread's messages stay put: every change
 * (a new message, one written by a run, edited metadata, a deleted thread) must show on the next read.
 */
import { apiError, raw, useEmulator, type WireJson } from "./support";

const t = useEmulator({ seed: "page-cache" });

async function list(thread: string, query = ""): Promise<WireJson> {
  const answer = await raw(t.emu, "GET", `/v1/threads/${thread}/messages${query}`);
  expect(answer.status).toBe(200);
  return answer.json;
}

const texts = (page: WireJson): string[] =>
  page.data.map((message: WireJson) => message.content[0]?.text?.value ?? message.content[0].type);

async function newThread(...contents: string[]): Promise<string> {
  const messages = contents.map((content) => ({ role: "user", content }));
  return (await raw(t.emu, "POST", "/v1/threads", { body: { messages } })).json.id;
}

test("a new message shows on the next read of a page read before", async () => {
  const thread = await newThread("one");
  expect(texts(await list(thread))).toEqual(["one"]);
  await raw(t.emu, "POST", `/v1/threads/${thread}/messages`, { body: { role: "user", content: "two" } });
  expect(texts(await list(thread))).toEqual(["two", "one"]);
});

test("edited metadata shows in the page, not the bytes cached before the edit", async () => {
  const thread = await newThread("one");
  const [message] = (await list(thread)).data;
  expect(message.metadata).toEqual({});
  await raw(t.emu, "POST", `/v1/threads/${thread}/messages/${message.id}`, { body: { metadata: { seen: "yes" } } });
  expect((await list(thread)).data[0].metadata).toEqual({ seen: "yes" });
  expect((await raw(t.emu, "GET", `/v1/threads/${thread}/messages/${message.id}`)).json.metadata).toEqual({
    seen: "yes",
  });
});

test("a run's reply shows once the run has written it", async () => {
  const assistant = (await raw(t.emu, "POST", "/v1/assistants", { body: { model: "m" } })).json.id;
  const thread = await newThread("hello");
  await raw(t.emu, "POST", `/v1/threads/${thread}/runs`, { body: { assistant_id: assistant } });
  expect(texts(await list(thread))).toEqual(["hello"]);
  t.clock.advance(5_000);
  const page = await list(thread);
  expect(page.data.map((message: WireJson) => message.role)).toEqual(["assistant", "user"]);
});

test("each query has its own page", async () => {
  const thread = await newThread("a", "b", "c");
  expect(texts(await list(thread))).toEqual(["c", "b", "a"]);
  expect(texts(await list(thread, "?order=asc"))).toEqual(["a", "b", "c"]);
  const first = await list(thread, "?limit=1");
  expect([texts(first), first.has_more]).toEqual([["c"], true]);
  expect(texts(await list(thread, `?limit=1&after=${first.last_id}`))).toEqual(["b"]);
  expect(texts(await list(thread))).toEqual(["c", "b", "a"]);
});

test("a deleted thread's pages are gone with it", async () => {
  const thread = await newThread("one");
  await list(thread);
  await raw(t.emu, "DELETE", `/v1/threads/${thread}`);
  const answer = await raw(t.emu, "GET", `/v1/threads/${thread}/messages`);
  expect([answer.status, answer.json]).toEqual([404, apiError(`No thread found with id '${thread}'.`)]);
});
