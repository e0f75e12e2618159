/**
 * Errors the workflow helpers throw. Each extends the SDK's one base class (SDKError), so
 * `catch (e) { if (e instanceof SDKError) ... }` sees them next to the runtime's HTTP errors.
 */
import { APIUserAbortError, SDKError } from "../internal/errors";
import type { OpenAIFile } from "../sdk/models/shared";

/** A wait reached its deadline (`timeoutMs`) before the run or file reached a final state. */
export class WaitTimeoutError extends SDKError {
  /** What was being waited for, e.g. `run run_abc123 (thread thread_abc123)`. */
  readonly subject: string;
  readonly timeoutMs: number;
  /** The last status seen, or undefined when no response arrived in time. */
  readonly lastStatus: string | undefined;
  /** False when the last status is one this SDK does not know (a newer API value). */
  readonly statusKnown: boolean;

  constructor(subject: string, timeoutMs: number, lastStatus: string | undefined, statusKnown: boolean) {
    const seen =
      lastStatus === undefined
        ? "no status was received"
        : `last status "${lastStatus}"${statusKnown ? "" : " (a status this SDK does not know)"}`;
    super(`${subject} did not finish within ${timeoutMs} ms: ${seen}`);
    this.subject = subject;
    this.timeoutMs = timeoutMs;
    this.lastStatus = lastStatus;
    this.statusKnown = statusKnown;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      subject: this.subject,
      timeoutMs: this.timeoutMs,
      lastStatus: this.lastStatus,
      statusKnown: this.statusKnown,
    };
  }
}

/**
 * The caller's AbortSignal fired while waiting. `cause` is the signal's reason. It is an
 * APIUserAbortError, like an aborted single request, so one `instanceof` check covers both.
 */
export class WaitAbortedError extends APIUserAbortError {
  readonly subject: string;

  constructor(subject: string, reason: unknown) {
    super(`waiting for ${subject} was aborted`, reason === undefined ? {} : { cause: reason });
    this.subject = subject;
  }
}

/** A file finished processing with status `error`. */
export class FileProcessingError extends SDKError {
  /** The file as last retrieved. */
  readonly file: OpenAIFile;
  /** The server's explanation (`status_details`), when it gave one. */
  readonly statusDetails: string | undefined;

  constructor(file: OpenAIFile) {
    const details = file.statusDetails ?? undefined;
    super(`file ${file.id} failed processing${details ? `: ${details}` : ""}`);
    this.file = file;
    this.statusDetails = details;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), fileId: this.file.id, statusDetails: this.statusDetails };
  }
}
