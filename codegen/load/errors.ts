/** An error in the user's input, reported as file + JSON pointer (+ line) + what is wrong. */
export class SpecError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${pointer || "#"}: ${problem}`);
    this.name = "SpecError";
  }
}
