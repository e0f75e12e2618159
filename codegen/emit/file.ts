/** What every emitter returns and the writer writes: a path relative to the output root, and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}
