/**
 * The event-stream format (HTML living standard, "server-sent events"): bytes or text in, events
 * out, chunk by chunk. Lines end with CRLF, LF or a lone CR; a blank line ends an event.
 */
import { Utf8Decoder } from "./utf8";

export interface ServerSentEvent {
  readonly event: string | undefined;
  readonly data: string;
  readonly id: string | undefined;
}

const LF = 10;
const COLON = 58;
const SPACE = 32;

/** Fed chunk by chunk, it keeps only the unfinished line between chunks, so each byte is scanned once. */
export class EventParser {
  /** The start of a line whose end has not arrived yet. */
  private pending = "";
  /** The last chunk ended with CR: a LF opening the next one belongs to that line end. */
  private afterCR = false;
  private started = false;
  private event: string | undefined;
  private data: string | undefined;
  private id: string | undefined;

  private readonly utf8 = new Utf8Decoder();

  /** Parses the next chunk of bytes or text, appending every event it completes to `out`. */
  push(chunk: Uint8Array | string, out: ServerSentEvent[]): void {
    this.pushText(typeof chunk === "string" ? chunk : this.utf8.decode(chunk), out);
  }

  private pushText(text: string, out: ServerSentEvent[]): void {
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
    this.pushText(this.utf8.flush(), out);
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
