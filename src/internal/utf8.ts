/**
 * UTF-8 bytes to text, chunk by chunk. A character cut between two chunks is held back until its
 * last byte arrives; every decode call is then a whole-buffer one (Node's fast UTF-8 path, which a
 * streaming TextDecoder gives up for good after its first `stream: true` call).
 */
export class Utf8Decoder {
  // The parser skips a byte order mark at the start of the stream; anywhere else it is text.
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  /** The first bytes of a character whose other bytes are in the next chunk. */
  private carry: Uint8Array | undefined;

  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.carry !== undefined) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = undefined;
    }
    const end = completeLength(bytes);
    if (end < bytes.length) {
      this.carry = bytes.slice(end);
      bytes = bytes.subarray(0, end);
    }
    return this.decoder.decode(bytes);
  }

  /** The end of the stream: bytes still held back were a cut-off character (decoded as U+FFFD). */
  flush(): string {
    const rest = this.carry;
    this.carry = undefined;
    return rest === undefined ? "" : this.decoder.decode(rest);
  }
}

/** How many bytes form whole characters: all of them, unless the last character is cut short. */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  // A character is at most 4 bytes: look back for its lead byte over at most 3 continuation bytes (10xxxxxx).
  for (let i = length - 1; i >= 0 && i >= length - 4; i--) {
    const byte = bytes[i];
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + size > length ? i : length;
  }
  return length;
}
