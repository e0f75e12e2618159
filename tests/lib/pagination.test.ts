/**
 * The generated `...All` list methods (one gen.yaml rule, runtime Paginator): which requests
 * they make, with which cursors, and which items they yield.
 */
import { operations } from "../../src";
import { useMockApi } from "../support/mock-api";
import { THREAD, listWire, messageWire, newSdk } from "./fixtures";
import { BETA_HEADER_VALUE } from "../support/pinned-spec";

const api = useMockApi();
const sdk = newSdk(api);
const MESSAGES = `GET /threads/${THREAD}/messages`;

const m = (n: number) => messageWire(`msg_${n}`, `message ${n}`);

/** Three pages: msg_1..2, msg_3..4, msg_5. */
function replyThreePages() {
  api.reply(
    { json: listWire([m(1), m(2)], true) },
    { json: listWire([m(3), m(4)], true) },
    { json: listWire([m(5)], false) },
  );
}

describe("pagination", () => {
  test("3 pages: exactly 3 requests, after = the previous page's last_id, every item once, in order", async () => {
    replyThreePages();

    const ids: string[] = [];
    for await (const message of sdk.assistants.listMessagesAll({ threadId: THREAD })) ids.push(message.id);

    expect(ids).toEqual(["msg_1", "msg_2", "msg_3", "msg_4", "msg_5"]);
    expect(api.lines()).toEqual([MESSAGES, `${MESSAGES}?after=msg_2`, `${MESSAGES}?after=msg_4`]);
    expect(api.requests.every((s) => s.headers["openai-beta"] === BETA_HEADER_VALUE)).toBe(true);
  });

  test("items are parsed models", async () => {
    api.reply({ json: listWire([m(1)], false) });

    const [message] = await sdk.assistants.listMessagesAll({ threadId: THREAD }).toArray();

    expect(message).toMatchObject({
      id: "msg_1",
      threadId: THREAD,
      role: "assistant",
      content: [{ type: "text", text: { value: "message 1", annotations: [] } }],
    });
  });

  test("an empty list makes exactly 1 request and yields nothing", async () => {
    api.reply({ json: listWire([], false) });

    const all = await sdk.assistants.listMessagesAll({ threadId: THREAD }).toArray();

    expect(all).toEqual([]);
    expect(api.lines()).toEqual([MESSAGES]);
  });

  test("limit, order and before are sent on every page; the caller's after starts the walk", async () => {
    api.reply({ json: listWire([m(4), m(3)], true) }, { json: listWire([m(2), m(1)], false) });

    const all = await sdk.assistants
      .listMessagesAll({
        threadId: THREAD,
        limit: 2,
        order: operations.ListMessagesQueryParamOrder.Desc,
        before: "msg_0",
        after: "msg_5",
      })
      .toArray();

    expect(all.map((x) => x.id)).toEqual(["msg_4", "msg_3", "msg_2", "msg_1"]);
    expect(api.lines()).toEqual([
      `${MESSAGES}?after=msg_5&before=msg_0&limit=2&order=desc`,
      `${MESSAGES}?after=msg_3&before=msg_0&limit=2&order=desc`,
    ]);
  });

  test("positional list operations (listAssistantsAll) page the same way", async () => {
    const a = (n: number) => ({
      id: `asst_${n}`,
      object: "assistant",
      created_at: 1,
      name: null,
      description: null,
      model: "gpt-4",
      instructions: null,
      tools: [],
      file_ids: [],
      metadata: {},
    });
    api.reply({ json: listWire([a(1)], true) }, { json: listWire([a(2)], false) });

    const all = await sdk.assistants.listAssistantsAll({ limit: 1, order: operations.QueryParamOrder.Asc }).toArray();

    expect(all.map((x) => x.id)).toEqual(["asst_1", "asst_2"]);
    expect(api.lines()).toEqual([
      "GET /assistants?limit=1&order=asc",
      "GET /assistants?after=asst_1&limit=1&order=asc",
    ]);
  });

  test("toArray({ max }) stops fetching once it has max items", async () => {
    replyThreePages();
    expect((await sdk.assistants.listMessagesAll({ threadId: THREAD }).toArray({ max: 2 })).map((x) => x.id)).toEqual([
      "msg_1",
      "msg_2",
    ]);
    expect(api.lines()).toEqual([MESSAGES]);
  });

  test("toArray({ max }) across pages fetches only the pages it needs", async () => {
    replyThreePages();
    expect((await sdk.assistants.listMessagesAll({ threadId: THREAD }).toArray({ max: 3 })).map((x) => x.id)).toEqual([
      "msg_1",
      "msg_2",
      "msg_3",
    ]);
    expect(api.lines()).toEqual([MESSAGES, `${MESSAGES}?after=msg_2`]);
  });

  test("toArray({ max: 0 }) makes no request; a max above the total returns everything", async () => {
    expect(await sdk.assistants.listMessagesAll({ threadId: THREAD }).toArray({ max: 0 })).toEqual([]);
    expect(api.lines()).toEqual([]);

    replyThreePages();
    expect(await sdk.assistants.listMessagesAll({ threadId: THREAD }).toArray({ max: 100 })).toHaveLength(5);
    expect(api.lines()).toHaveLength(3);
  });

  test("breaking out of for await stops fetching", async () => {
    replyThreePages();

    for await (const message of sdk.assistants.listMessagesAll({ threadId: THREAD })) {
      if (message.id === "msg_1") break;
    }

    expect(api.lines()).toEqual([MESSAGES]);
  });

  test("pages() yields each page with its cursor and has_more", async () => {
    replyThreePages();

    const pages = [];
    for await (const page of sdk.assistants.listMessagesAll({ threadId: THREAD }).pages()) {
      pages.push([page.items.map((x) => x.id), page.nextCursor, page.hasMore]);
    }

    expect(pages).toEqual([
      [["msg_1", "msg_2"], "msg_2", true],
      [["msg_3", "msg_4"], "msg_4", true],
      [["msg_5"], "msg_5", false],
    ]);
  });

  test("a server that repeats a cursor does not loop forever", async () => {
    // Page 2 claims has_more but hands back page 1's cursor again.
    api.reply(
      { json: listWire([m(1), m(2)], true) },
      { json: listWire([m(3), m(2)], true) },
      { json: listWire([m(9)], false) },
    );

    const ids = (await sdk.assistants.listMessagesAll({ threadId: THREAD }).toArray()).map((x) => x.id);

    expect(api.lines()).toEqual([MESSAGES, `${MESSAGES}?after=msg_2`]);
    expect(ids).toEqual(["msg_1", "msg_2", "msg_3", "msg_2"]);
    expect(api.queued()).toBe(1);
  });

  test("a server that returns the same page forever stops after the second request", async () => {
    for (let i = 0; i < 5; i++) api.reply({ json: listWire([m(1), m(2)], true) });

    const ids = (await sdk.assistants.listMessagesAll({ threadId: THREAD }).toArray()).map((x) => x.id);

    expect(api.lines()).toEqual([MESSAGES, `${MESSAGES}?after=msg_2`]);
    // Documents current behaviour: the repeated page's items are yielded a second time.
    expect(ids).toEqual(["msg_1", "msg_2", "msg_1", "msg_2"]);
  });

  // The caller's own `after` counts as a cursor already seen.
  test("a server that echoes the caller's own cursor gets no second identical request", async () => {
    api.reply({ json: listWire([m(4), m(5)], true) }, { json: listWire([m(4), m(5)], true) });

    await sdk.assistants.listMessagesAll({ threadId: THREAD, after: "msg_5" }).toArray();

    expect(api.lines()).toEqual([`${MESSAGES}?after=msg_5`]);
  });

  test("has_more: true with an empty page stops (no cursor to continue from)", async () => {
    api.reply(
      { json: listWire([m(1)], true) },
      { json: { object: "list", data: [], first_id: null, last_id: null, has_more: true } },
    );

    const ids = (await sdk.assistants.listMessagesAll({ threadId: THREAD }).toArray()).map((x) => x.id);

    expect(ids).toEqual(["msg_1"]);
    expect(api.lines()).toEqual([MESSAGES, `${MESSAGES}?after=msg_1`]);
  });

  test("a failing page request rejects the iteration with the runtime's error", async () => {
    api.reply(
      { json: listWire([m(1)], true) },
      { status: 500, json: { error: { message: "boom", type: "server_error" } } },
    );

    const ids: string[] = [];
    const iterate = async () => {
      for await (const message of sdk.assistants.listMessagesAll({ threadId: THREAD })) ids.push(message.id);
    };

    await expect(iterate()).rejects.toMatchObject({ statusCode: 500 });
    expect(ids).toEqual(["msg_1"]);
  });

  test("each iteration starts over from the first page", async () => {
    api.reply({ json: listWire([m(1)], false) }, { json: listWire([m(1)], false) });
    const all = sdk.assistants.listMessagesAll({ threadId: THREAD });

    expect(await all.toArray()).toHaveLength(1);
    expect(await all.toArray()).toHaveLength(1);
    expect(api.lines()).toEqual([MESSAGES, MESSAGES]);
  });
});
