/**
 * Server-sent events (text/event-stream) as an async iterable of typed values: a `done`
 * event or `[DONE]` data ends the stream, an `error` event or error payload throws, and
 * `abort()` stops reading.
 */
import { APIStreamError, SDKError } from "./errors";

export interface ServerSentEvent {
  readonly event: string | undefined;
  readonly data: string;
  readonly id: string | undefined;
}

const LF = 10;
const COLON = 58;
const SPACE = 32;

/**
 * Splits text into events per the HTML living standard's event-stream rules (CRLF, LF or a
 * lone CR end a line; a blank line ends an event). Fed chunk by chunk, it keeps only the
 * unfinished line between chunks, so each byte is scanned once.
 */
export class EventParser {
  /** The start of a line whose end has not arrived yet. */
  private pending = "";
  /** The last chunk ended with CR: a LF opening the next one belongs to that line end. */
  private afterCR = false;
  private started = false;
  private event: string | undefined;
  private data: string | undefined;
  private id: string | undefined;

  /** Parses the next piece of text, appending every event it completes to `out`. */
  push(text: string, out: ServerSentEvent[]): void {
    let pos = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) pos = 1; // a byte order mark is not part of the first line
    }
    if (this.afterCR && text.length > 0) {
      this.afterCR = false;
      if (text.charCodeAt(pos) === LF) pos++;
    }
    const length = text.length;
    let lf = text.indexOf("\n", pos);
    let cr = text.indexOf("\r", pos);
    while (lf !== -1 || cr !== -1) {
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      let next = end + 1;
      if (end === cr) {
        if (next === length) this.afterCR = true;
        else if (text.charCodeAt(next) === LF) next++;
      }
      if (this.pending === "") this.line(text, pos, end, out);
      else {
        const line = this.pending + text.slice(pos, end);
        this.pending = "";
        this.line(line, 0, line.length, out);
      }
      pos = next;
      if (lf !== -1 && lf < pos) lf = text.indexOf("\n", pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf("\r", pos);
    }
    if (pos < length) this.pending += pos === 0 ? text : text.slice(pos);
  }

  /**
   * The source ended. An event whose blank line never came is still delivered: the body
   * ended cleanly (a cut connection is an error, not an end), so the server meant it.
   */
  finish(out: ServerSentEvent[]): void {
    if (this.pending !== "") {
      const line = this.pending;
      this.pending = "";
      this.line(line, 0, line.length, out);
    }
    this.dispatch(out);
  }

  /** One line, `text[start, end)`: a field, a comment, or the blank line that dispatches. */
  private line(text: string, start: number, end: number, out: ServerSentEvent[]): void {
    if (start === end) return this.dispatch(out);
    if (text.charCodeAt(start) === COLON) return; // a comment (keep-alive)
    let colon = text.indexOf(":", start);
    if (colon === -1 || colon > end) colon = end;
    let from = colon + 1;
    if (from < end && text.charCodeAt(from) === SPACE) from++;
    const value = from >= end ? "" : text.slice(from, end);
    const nameLength = colon - start;
    if (nameLength === 4 && text.startsWith("data", start)) {
      this.data = this.data === undefined ? value : `${this.data}\n${value}`;
    } else if (nameLength === 5 && text.startsWith("event", start)) {
      this.event = value;
    } else if (nameLength === 2 && text.startsWith("id", start) && !value.includes("\0")) {
      this.id = value;
    }
    // `retry` and unknown fields are ignored: the SDK does not reconnect on its own.
  }

  private dispatch(out: ServerSentEvent[]): void {
    if (this.data !== undefined) out.push({ event: this.event, data: this.data, id: this.id });
    this.data = undefined;
    this.event = undefined;
  }
}

/** The events of a stream of bytes or text, one array per chunk that completed any. */
export async function* eventBatches(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<ServerSentEvent[], void, undefined> {
  const parser = new EventParser();
  const decoder = new TextDecoder();
  for await (const chunk of source) {
    const batch: ServerSentEvent[] = [];
    // `stream: true` keeps a UTF-8 sequence cut between chunks for the next one.
    parser.push(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }), batch);
    if (batch.length > 0) yield batch;
  }
  const last: ServerSentEvent[] = [];
  parser.push(decoder.decode(), last);
  parser.finish(last);
  if (last.length > 0) yield last;
}

/** The events of a stream of bytes or text, one by one. */
export async function* parseEvents(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<ServerSentEvent, void, undefined> {
  for await (const batch of eventBatches(source)) yield* batch;
}

/** Turns one event's parsed data into the stream's value; `event` is the SSE event name, if any. */
export type EventDecoder<T> = (data: unknown, event: string | undefined) => T;

export class EventStream<T> implements AsyncIterable<T> {
  private consumed = false;

  private stopped = false;

  /** `stop` closes the connection; it is called once, when reading ends for any reason. */
  constructor(
    private readonly source: AsyncIterable<Uint8Array | string>,
    private readonly decode: EventDecoder<T>,
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
      // Events come in batches (a chunk usually completes several): one await per chunk, not per event.
      for await (const batch of eventBatches(this.source)) {
        for (let i = 0; i < batch.length; i++) {
          const message = batch[i];
          if (message.event === "done" || message.data === "[DONE]") return;
          yield this.value(message);
          if (this.stopped) return;
        }
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

  private value(message: ServerSentEvent): T {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      throw new SDKError(`${this.operationId}: stream event is not valid JSON: ${message.data.slice(0, 200)}`, { body: message.data });
    }
    if (message.event === "error" || (message.event === undefined && isErrorPayload(data))) {
      throw new APIStreamError(this.operationId, message.event, message.data, data);
    }
    return this.decode(data, message.event);
  }
}

/** `{ "error": ... }` and nothing else: how a stream without event names reports a failure. */
function isErrorPayload(value: unknown): boolean {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  for (const key in value) if (key !== "error") return false;
  return true;
}
