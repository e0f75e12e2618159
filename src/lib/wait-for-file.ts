/**
 * Waiting for uploaded files: poll `retrieveFile` until the file is `processed` (returned) or
 * `error` (thrown as FileProcessingError with the server's status details), within a deadline.
 */
import { SDKError } from "../internal/errors";
import type { BaseResult } from "../internal/runtime";
import type { Gpt } from "../sdk/sdk";
import type { CreateFileRequest, OpenAIFile } from "../sdk/models/shared";
import { FileProcessingError } from "./errors";
import { type Observation, pollUntilDone } from "./poll";
import type { WaitOptions } from "./wait-options";
import { withSession, type WaitSession } from "./wait-session";

/** Options for waiting on a file; `onStatus` receives each file state seen. */
export type WaitForFileOptions = WaitOptions<OpenAIFile>;

const FILE_DONE_STATUSES: readonly (string | undefined)[] = ["processed", "error"];
const FILE_KNOWN_STATUSES: readonly (string | undefined)[] = ["uploaded", "processed", "error"];

/**
 * Polls a file until it is processed, and returns it. Throws FileProcessingError when its status
 * is `error`, WaitTimeoutError at the deadline, WaitAbortedError when `signal` aborts.
 */
export function waitForProcessing(sdk: Gpt, fileId: string, options: WaitForFileOptions = {}): Promise<OpenAIFile> {
  return withSession(`file ${fileId}`, options, (session) => waitForFile(sdk, session, fileId, options, undefined));
}

/** The seed's `files.createAndWaitForProcessing(key, { purpose, file })`: uploads (createFile), then waits like waitForProcessing. */
export function createAndWaitForProcessing(
  sdk: Gpt,
  request: CreateFileRequest,
  options: WaitForFileOptions = {},
): Promise<OpenAIFile> {
  return withSession("new file", options, async (session) => {
    const created = fileObservation(
      "createFile",
      await session.run(sdk.files.createFile(request, session.requestOptions())),
    );
    session.subject = `file ${created.value.id}`;
    return waitForFile(sdk, session, created.value.id, options, created);
  });
}

async function waitForFile(
  sdk: Gpt,
  session: WaitSession,
  fileId: string,
  options: WaitForFileOptions,
  first: Observation<OpenAIFile> | undefined,
): Promise<OpenAIFile> {
  const file = await pollUntilDone(session, {
    first,
    fetch: async (requestOptions) =>
      fileObservation("retrieveFile", await sdk.files.retrieveFile(fileId, requestOptions)),
    status: fileStatus,
    isDone: (status) => FILE_DONE_STATUSES.includes(status),
    isKnown: (status) => FILE_KNOWN_STATUSES.includes(status),
    onStatus: options.onStatus,
  });
  if (fileStatus(file) === "error") throw new FileProcessingError(file);
  return file;
}

function fileStatus(file: OpenAIFile): string | undefined {
  // `status` is marked deprecated by the API, but it is the only processing state files have.
  return file.status;
}

function fileObservation(operation: string, res: BaseResult & { openAIFile?: OpenAIFile }): Observation<OpenAIFile> {
  if (!res.openAIFile) throw new SDKError(`${operation}: the response carried no file`, { statusCode: res.statusCode });
  return { value: res.openAIFile, headers: res.rawResponse.headers };
}
