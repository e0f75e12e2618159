/**
 * Server-sent events (text/event-stream) as an async iterable of typed values: `[DONE]`
 * ends the stream, an error event or error payload throws, and `abort()` stops reading.
 */
import { SDKError } from "./errors";

export interface ServerSentEvent {
  readonly event: string | undefined;
  readonly data: string;
  readonly id: string | undefined;
}

/** Splits a byte stream into events per the HTML living standard's event-stream rules. */
export async function* parseEvents(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<ServerSentEvent, void, undefined> {
  const decoder = new TextDecoder();
  let buffer = "";
  let event: string | undefined;
  let id: string | undefined;
  let data: string[] = [];
  const dispatch = (): ServerSentEvent | undefined => {
    const ready = data.length > 0 ? { event, data: data.join("\n"), id } : undefined;
    event = undefined;
    data = [];
    return ready;
  };
  const line = (text: string): ServerSentEvent | undefined => {
    if (text === "") return dispatch();
    if (text.startsWith(":")) return undefined;
    const colon = text.indexOf(":");
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
    else if (field === "id") id = value;
    return undefined;
  };
  for await (const chunk of source) {
    buffer += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let match: RegExpExecArray | null;
    const newline = /\r\n|\r|\n/g;
    let start = 0;
    while ((match = newline.exec(buffer)) !== null) {
      // A lone "\r" at the very end may be the first half of "\r\n": wait for more.
      if (match[0] === "\r" && match.index === buffer.length - 1) break;
      const ready = line(buffer.slice(start, match.index));
      if (ready) yield ready;
      start = match.index + match[0].length;
    }
    buffer = buffer.slice(start);
  }
  buffer += decoder.decode();
  if (buffer !== "") {
    const ready = line(buffer);
    if (ready) yield ready;
  }
  const last = dispatch();
  if (last) yield last;
}

export class EventStream<T> implements AsyncIterable<T> {
  private consumed = false;

  private stopped = false;

  /** `stop` closes the connection; it is called once, when reading ends for any reason. */
  constructor(
    private readonly source: AsyncIterable<Uint8Array | string>,
    private readonly decode: (value: unknown) => T,
    private readonly operationId: string,
    private readonly stop: () => void,
    /** The caller's abort error, when their AbortSignal ended the stream. */
    private readonly abortedByCaller: () => Error | undefined = () => undefined,
  ) {}

  /** Stops the stream: the connection is closed and iteration ends. */
  abort(): void {
    this.close();
  }

  private close(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stop();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    if (this.consumed) throw new SDKError(`${this.operationId}: a stream can be read only once`);
    this.consumed = true;
    try {
      for await (const message of parseEvents(this.source)) {
        if (message.data === "[DONE]") return;
        let value: unknown;
        try {
          value = JSON.parse(message.data);
        } catch {
          throw new SDKError(`${this.operationId}: stream event is not valid JSON: ${message.data.slice(0, 200)}`, { body: message.data });
        }
        if (message.event === "error" || (isErrorPayload(value) && message.event === undefined)) {
          const detail = (value as { error?: { message?: unknown } }).error?.message ?? message.data.slice(0, 200);
          throw new SDKError(`${this.operationId}: the server reported an error mid-stream: ${String(detail)}`, { body: message.data });
        }
        yield this.decode(value);
      }
    } catch (error) {
      const abort = this.abortedByCaller();
      if (abort) throw abort;
      if (this.stopped) return;
      throw error;
    } finally {
      // Leaving the loop early (break, return, throw) closes the connection.
      this.close();
    }
  }
}

function isErrorPayload(value: unknown): boolean {
  return typeof value === "object" && value !== null && "error" in value && Object.keys(value).length === 1;
}
