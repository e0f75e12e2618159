/**
 * Where a node of an overlaid document was in the original, so errors found after applying
 * overlays still name the original line. Applying records every edit in order; a pointer
 * into the result is walked back through the edits, newest first.
 */
type Edit =
  /** A value written by an overlay at this pointer: nothing at or below it has an original line. */
  | { readonly kind: "written"; readonly pointer: string }
  /** An array item removed: later items moved down by one. */
  | { readonly kind: "removedItem"; readonly array: string; readonly index: number };

export class EditLog {
  private readonly edits: Edit[] = [];

  written(pointer: string): void {
    this.edits.push({ kind: "written", pointer });
  }

  removedItem(array: string, index: number): void {
    this.edits.push({ kind: "removedItem", array, index });
  }

  /** The pointer a node had before the edits, or undefined when an overlay wrote it. */
  originOf(pointer: string): string | undefined {
    let current = pointer;
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const edit = this.edits[i];
      if (edit.kind === "written") {
        if (current === edit.pointer || current.startsWith(`${edit.pointer}/`)) return undefined;
      } else {
        current = shiftBack(current, edit.array, edit.index);
      }
    }
    return current;
  }
}

/** Item j >= index of `array` was item j + 1 before the removal. */
function shiftBack(pointer: string, array: string, index: number): string {
  if (!pointer.startsWith(`${array}/`)) return pointer;
  const rest = pointer.slice(array.length + 1);
  const slash = rest.indexOf("/");
  const token = slash < 0 ? rest : rest.slice(0, slash);
  if (!/^\d+$/.test(token) || Number(token) < index) return pointer;
  return `${array}/${Number(token) + 1}${slash < 0 ? "" : rest.slice(slash)}`;
}
