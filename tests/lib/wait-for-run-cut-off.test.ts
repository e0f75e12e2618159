/**
 * waitForRun ending a poll that never gets an answer, by abort or by its deadline: the call
 * rejects and the request's connection is closed. On the real loopback server, because the
 * closed connection is what is asserted (and msw keeps the parser of a request cut off in
 * flight, which jest --detectOpenHandles reports).
 */
import { WaitAbortedError, WaitTimeoutError, waitForRun, type Gpt } from "../../src";
import { type Handler, useRecordingServer } from "../support/recording-server";
import { RUN, THREAD, newSdk } from "./fixtures";

const server = useRecordingServer();
let sdk: Gpt;
beforeAll(() => {
  sdk = newSdk(server);
});
const GET_RUN = `GET /threads/${THREAD}/runs/${RUN}`;

/** Never answers; `closed` settles once the client has closed the request's connection. */
function hangUntilClosed(): { handler: Handler; closed: Promise<void> } {
  let onClose!: () => void;
  const closed = new Promise<void>((resolve) => (onClose = resolve));
  return { handler: (_req, res) => void res.on("close", onClose), closed };
}

test("abort during a request that hangs rejects with WaitAbortedError and closes the connection", async () => {
  const { handler, closed } = hangUntilClosed();
  server.reply(handler);
  const controller = new AbortController();
  server.onRequest = () => controller.abort();

  await expect(waitForRun(sdk, THREAD, RUN, { signal: controller.signal })).rejects.toBeInstanceOf(WaitAbortedError);
  await closed;
  expect(server.lines()).toEqual([GET_RUN]);
});

test("the deadline also ends a request that hangs, and closes its connection", async () => {
  const { handler, closed } = hangUntilClosed();
  server.reply(handler);

  const error = await waitForRun(sdk, THREAD, RUN, { timeoutMs: 100 }).catch((e) => e);

  expect(error).toBeInstanceOf(WaitTimeoutError);
  expect(error.message).toBe(`run ${RUN} (thread ${THREAD}) did not finish within 100 ms: no status was received`);
  expect(error.lastStatus).toBeUndefined();
  await closed;
  expect(server.lines()).toEqual([GET_RUN]);
});
