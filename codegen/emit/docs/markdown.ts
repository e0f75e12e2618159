/**
 * Markdown building blocks for the docs emitter: tables, code spans, paragraphs and the
 * anchors GitHub gives headings. Table cells go through `cell()` (code.ts), the one place
 * that escapes text from the document into markdown.
 */
import { cell } from "../code";

/** A GitHub-flavoured table; every cell must already be escaped with `cell()`. Columns are padded. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Inline code whose fence is longer than any run of backticks inside it (CommonMark §6.1). */
export function codeSpan(text: string): string {
  const single = text.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...(single.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad =
    single.startsWith("`") ||
    single.endsWith("`") ||
    (single.startsWith(" ") && single.endsWith(" ") && single.trim() !== "")
      ? " "
      : "";
  return `${fence}${pad}${single}${pad}${fence}`;
}

/** A table cell holding inline code (`cell()` escapes the pipes GFM would split on). */
export function codeCell(text: string): string {
  return cell(codeSpan(text));
}

/**
 * Description text from the document, which is markdown by definition, as a block. Line
 * endings are normalised and an unclosed code fence is closed, so one bad description cannot
 * swallow the rest of the page.
 */
export function paragraph(text: string | undefined): string {
  const body = (text ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .trim();
  if (!body) return "";
  const fences = body.split("\n").filter((l) => /^\s{0,3}(```|~~~)/.test(l)).length;
  return fences % 2 === 1 ? `${body}\n\`\`\`` : body;
}

/** One line of text (list items, headings): whitespace collapsed. */
export function oneLine(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** The first sentence or line of a text, for one-line summaries. */
export function firstSentence(text: string | undefined): string {
  const line = oneLine((text ?? "").trim().split(/\n\s*\n/)[0]);
  const sentence = /^(.*?[.!?])(\s|$)/.exec(line);
  return sentence ? sentence[1] : line;
}

/**
 * The anchors GitHub gives headings, in document order: lower-case, punctuation dropped,
 * spaces to dashes, and `-1`, `-2` ... for repeats.
 */
export class Slugger {
  private readonly occurrences = new Map<string, number>();

  /** github-slugger's algorithm: the first `x` is `x`, the next `x-1`, then `x-2`. */
  slug(heading: string): string {
    const original = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    let slug = original;
    while (this.occurrences.has(slug)) {
      const n = (this.occurrences.get(original) ?? 0) + 1;
      this.occurrences.set(original, n);
      slug = `${original}-${n}`;
    }
    this.occurrences.set(slug, 0);
    return slug;
  }
}
