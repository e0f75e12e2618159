/**
 * Messages and message files: the exact wire request and the exact parsed result of each of
 * the 6 operations, with the `content` union (image_file, text) and the text `annotations`
 * union (file_citation, file_path) narrowed on `type`.
 */
import { Gpt, operations } from "../../src";
import { useMockApi } from "../support/mock-api";
import { API_KEY, expectJsonResult, expectRequest } from "./expect-request";
import {
  assistantMessageModel,
  assistantMessageWire,
  messageFileModel,
  messageFileWire,
  pageModel,
  pageWire,
  userMessageModel,
  userMessageWire,
} from "./fixtures";

const api = useMockApi();
let sdk: Gpt;
beforeAll(() => {
  sdk = new Gpt({ apiKeyAuth: API_KEY, serverURL: api.baseURL });
});

describe("messages", () => {
  test("createMessage: snake_case body with metadata intact; thread id in the path", async () => {
    api.reply({ json: userMessageWire });

    const res = await sdk.assistants.createMessage(
      {
        role: "user",
        content: "How does AI work? Explain it in simple terms.",
        fileIds: ["file-abc123"],
        metadata: { "Request Source": "mobile app", user_id: "user_abc123" },
      },
      "thread_abc123",
    );

    expectRequest(api.single(), {
      method: "POST",
      path: "/threads/thread_abc123/messages",
      beta: true,
      json: {
        role: "user",
        content: "How does AI work? Explain it in simple terms.",
        file_ids: ["file-abc123"],
        metadata: { "Request Source": "mobile app", user_id: "user_abc123" },
      },
    });
    expectJsonResult(res);
    expect(res.messageObject).toEqual(userMessageModel);
  });

  test("listMessages: request object with every query parameter; parses both content members", async () => {
    api.reply({ json: pageWire([assistantMessageWire, userMessageWire], "msg_abc123", "msg_def456", true) });

    const res = await sdk.assistants.listMessages({
      threadId: "thread_abc123",
      after: "msg_aaa000",
      before: "msg_zzz999",
      limit: 2,
      order: operations.ListMessagesQueryParamOrder.Desc,
    });

    expectRequest(api.single(), {
      method: "GET",
      path: "/threads/thread_abc123/messages?after=msg_aaa000&before=msg_zzz999&limit=2&order=desc",
      beta: true,
    });
    expectJsonResult(res);
    expect(res.listMessagesResponse).toEqual(
      pageModel([assistantMessageModel, userMessageModel], "msg_abc123", "msg_def456", true),
    );
  });

  test("listMessages: only the thread id means no query string", async () => {
    api.reply({ json: pageWire([], "", "", false) });

    const res = await sdk.assistants.listMessages({ threadId: "thread_abc123" });

    expectRequest(api.single(), { method: "GET", path: "/threads/thread_abc123/messages", beta: true });
    expect(res.listMessagesResponse).toEqual(pageModel([], "", "", false));
  });

  test("getMessage: narrows content (image_file, text) and annotations (file_citation, file_path) on type", async () => {
    api.reply({ json: assistantMessageWire });

    const res = await sdk.assistants.getMessage("msg_abc123", "thread_abc123");

    expectRequest(api.single(), { method: "GET", path: "/threads/thread_abc123/messages/msg_abc123", beta: true });
    expectJsonResult(res);
    expect(res.messageObject).toEqual(assistantMessageModel);

    const [image, text] = res.messageObject!.content;
    if (image.type !== "image_file") throw new Error(`expected image_file, got ${image.type}`);
    expect(image.imageFile.fileId).toBe("file-img456");
    if (text.type !== "text") throw new Error(`expected text, got ${text.type}`);
    expect(text.text.value).toBe("Revenue grew 12%【4†source】. Download the data: sandbox:/mnt/data/revenue.csv");

    const [citation, path] = text.text.annotations;
    if (citation.type !== "file_citation") throw new Error(`expected file_citation, got ${citation.type}`);
    expect(citation.fileCitation).toEqual({ fileId: "file-cite789", quote: "Revenue grew 12% year over year" });
    expect([citation.startIndex, citation.endIndex]).toEqual([16, 26]);
    if (path.type !== "file_path") throw new Error(`expected file_path, got ${path.type}`);
    expect(path.filePath.fileId).toBe("file-path012");
    expect([path.startIndex, path.endIndex]).toEqual([47, 76]);
  });

  test("getMessage: both path parameters are percent-encoded", async () => {
    api.reply({ json: userMessageWire });

    await sdk.assistants.getMessage("msg/../../files", "thread 1?x=#%");

    expectRequest(api.single(), {
      method: "GET",
      path: "/threads/thread%201%3Fx%3D%23%25/messages/msg%2F..%2F..%2Ffiles",
      beta: true,
    });
  });

  test("modifyMessage: POST { metadata } with keys untouched; body first, then message id, then thread id", async () => {
    api.reply({ json: { ...userMessageWire, metadata: { "Reviewed By": "QA Team", reviewStatus: "approved" } } });

    const res = await sdk.assistants.modifyMessage(
      { metadata: { "Reviewed By": "QA Team", reviewStatus: "approved" } },
      "msg_def456",
      "thread_abc123",
    );

    expectRequest(api.single(), {
      method: "POST",
      path: "/threads/thread_abc123/messages/msg_def456",
      beta: true,
      json: { metadata: { "Reviewed By": "QA Team", reviewStatus: "approved" } },
    });
    expectJsonResult(res);
    expect(res.messageObject).toEqual({
      ...userMessageModel,
      metadata: { "Reviewed By": "QA Team", reviewStatus: "approved" },
    });
  });
});

describe("message files", () => {
  test("listMessageFiles: request object with every query parameter", async () => {
    const second = { ...messageFileWire, id: "file-def456", created_at: 1699061800 };
    api.reply({ json: pageWire([messageFileWire, second], "file-abc123", "file-def456", false) });

    const res = await sdk.assistants.listMessageFiles({
      threadId: "thread_abc123",
      messageId: "msg_abc123",
      after: "file-aaa000",
      before: "file-zzz999",
      limit: 10,
      order: operations.ListMessageFilesQueryParamOrder.Asc,
    });

    expectRequest(api.single(), {
      method: "GET",
      path: "/threads/thread_abc123/messages/msg_abc123/files?after=file-aaa000&before=file-zzz999&limit=10&order=asc",
      beta: true,
    });
    expectJsonResult(res);
    expect(res.listMessageFilesResponse).toEqual(
      pageModel(
        [messageFileModel, { ...messageFileModel, id: "file-def456", createdAt: 1699061800 }],
        "file-abc123",
        "file-def456",
        false,
      ),
    );
  });

  test("getMessageFile: file id, message id, thread id (alphabetical) land in the right segments", async () => {
    api.reply({ json: messageFileWire });

    const res = await sdk.assistants.getMessageFile("file-abc123", "msg_abc123", "thread_abc123");

    expectRequest(api.single(), {
      method: "GET",
      path: "/threads/thread_abc123/messages/msg_abc123/files/file-abc123",
      beta: true,
    });
    expectJsonResult(res);
    expect(res.messageFileObject).toEqual(messageFileModel);
  });
});
