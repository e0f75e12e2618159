/**
 * Threads: the exact wire request and the exact parsed result of each of the 4 operations,
 * including `createThread()` with no body at all, and ids that are dot segments.
 */
import { Gpt, shared } from "../../src";
import { useMockApi } from "../support/mock-api";
import { API_KEY, expectJsonResult, expectRequest } from "./expect-request";
import { threadModel, threadWire } from "./fixtures";

const api = useMockApi();
let sdk: Gpt;
beforeAll(() => {
  sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: api.baseURL });
});

describe("threads", () => {
  test("createThread: nested messages are sent snake_case with every metadata entry intact", async () => {
    api.reply({ json: threadWire });

    const res = await sdk.assistants.createThread({
      messages: [
        {
          role: shared.CreateMessageRequestRole.User,
          content: "Hello, what is AI?",
          fileIds: ["file-abc123"],
          metadata: { "Message Tag": "greeting", source_app: "ios" },
        },
        { role: "user", content: "How does AI work? Explain it in simple terms." },
      ],
      metadata: { "Session ID": "sess-9", user_tier: "pro", channelName: "web" },
    });

    expectRequest(api.single(), {
      method: "POST",
      path: "/threads",
      beta: true,
      json: {
        messages: [
          {
            role: "user",
            content: "Hello, what is AI?",
            file_ids: ["file-abc123"],
            metadata: { "Message Tag": "greeting", source_app: "ios" },
          },
          { role: "user", content: "How does AI work? Explain it in simple terms." },
        ],
        metadata: { "Session ID": "sess-9", user_tier: "pro", channelName: "web" },
      },
    });
    expectJsonResult(res);
    expect(res.threadObject).toEqual(threadModel);
  });

  test("createThread(): no argument sends a POST without a body and without a content type", async () => {
    api.reply({ json: { id: "thread_def456", object: "thread", created_at: 1699014083, metadata: {} } });

    const res = await sdk.assistants.createThread();

    expectRequest(api.single(), { method: "POST", path: "/threads", beta: true });
    expectJsonResult(res);
    expect(res.threadObject).toEqual({ id: "thread_def456", object: "thread", createdAt: 1699014083, metadata: {} });
  });

  test("getThread: GET by id", async () => {
    api.reply({ json: threadWire });

    const res = await sdk.assistants.getThread("thread_abc123");

    expectRequest(api.single(), { method: "GET", path: "/threads/thread_abc123", beta: true });
    expectJsonResult(res);
    expect(res.threadObject).toEqual(threadModel);
  });

  test("modifyThread: POST { metadata } with keys untouched; null metadata parses as null", async () => {
    api.reply({ json: { ...threadWire, metadata: null, tool_resources: {} } });

    const res = await sdk.assistants.modifyThread(
      { metadata: { modified: "true", "User Name": "Jane Doe", userId: "user_abc123" } },
      "thread_abc123",
    );

    expectRequest(api.single(), {
      method: "POST",
      path: "/threads/thread_abc123",
      beta: true,
      json: { metadata: { modified: "true", "User Name": "Jane Doe", userId: "user_abc123" } },
    });
    expectJsonResult(res);
    expect(res.threadObject).toEqual({ ...threadModel, metadata: null, tool_resources: {} });
  });

  test("deleteThread: DELETE by id; parses the deletion status", async () => {
    api.reply({ json: { id: "thread_abc123", object: "thread.deleted", deleted: true } });

    const res = await sdk.assistants.deleteThread("thread_abc123");

    expectRequest(api.single(), { method: "DELETE", path: "/threads/thread_abc123", beta: true });
    expectJsonResult(res);
    expect(res.deleteThreadResponse).toEqual({ id: "thread_abc123", object: "thread.deleted", deleted: true });
  });

  // URL parsers (WHATWG URL, used by axios) resolve "." and ".." segments, encoded as %2E or
  // not, so such an id would address another endpoint (`DELETE /v1/` for ".."). The only
  // safe behaviour is to refuse before anything is sent.
  test.each([".", ".."])(
    "deleteThread(%j) is refused and sends nothing (a dot segment would leave /threads/{id})",
    async (id) => {
      api.reply({ json: { id: "thread_abc123", object: "thread.deleted", deleted: true } });

      await expect(sdk.assistants.deleteThread(id)).rejects.toThrow();

      expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    },
  );
});
