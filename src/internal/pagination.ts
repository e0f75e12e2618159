/**
 * Cursor pagination over a list operation: the next page's cursor is the previous page's
 * last id, and paging stops when the server says there is no more (no extra empty request).
 */

export interface Page<Item> {
  readonly items: readonly Item[];
  /** Cursor for the next page (the page's last id). */
  readonly nextCursor: string | undefined;
  readonly hasMore: boolean;
}

export class Paginator<Item> implements AsyncIterable<Item> {
  constructor(
    private readonly fetchPage: (cursor: string | undefined) => Promise<Page<Item>>,
    private readonly firstCursor: string | undefined,
  ) {}

  /** Each page in turn, starting from the caller's own cursor (if any). */
  async *pages(): AsyncGenerator<Page<Item>, void, undefined> {
    let cursor = this.firstCursor;
    // The caller's own cursor counts as seen: a server echoing it back must not loop.
    const seen = new Set<string>(cursor ? [cursor] : []);
    for (;;) {
      const page = await this.fetchPage(cursor);
      yield page;
      const next = page.nextCursor;
      // A server that repeats a cursor would loop forever; stop instead.
      if (!page.hasMore || page.items.length === 0 || !next || seen.has(next)) return;
      seen.add(next);
      cursor = next;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects items into an array; with `max`, stops fetching once that many are in hand. */
  async toArray(options: { max?: number } = {}): Promise<Item[]> {
    const max = options.max ?? Infinity;
    const out: Item[] = [];
    if (max <= 0) return out;
    for await (const page of this.pages()) {
      for (const item of page.items) {
        out.push(item);
        if (out.length >= max) return out;
      }
    }
    return out;
  }
}

/** What a generated method's typed accessor reads from one list body. */
export interface PageFields<Item> {
  readonly items: readonly Item[] | null | undefined;
  /** The page's last id: the next page's cursor. */
  readonly cursor: string | null | undefined;
  readonly hasMore: boolean | null | undefined;
}

/**
 * A Paginator over a generated list method. `body` picks the list out of a result and
 * `read` its fields; both are typed arrows the generator writes, so tsc checks the names.
 */
export function paginate<Result, List, Item>(
  /** The caller's own cursor, if any (`null` where the API document allows it: no cursor). */
  firstCursor: string | null | undefined,
  call: (cursor: string | undefined) => Promise<Result>,
  body: (result: Result) => List | undefined,
  read: (list: List) => PageFields<Item>,
): Paginator<Item> {
  return new Paginator<Item>(async (cursor) => {
    const list = body(await call(cursor));
    if (list === undefined || list === null) return { items: [], nextCursor: undefined, hasMore: false };
    const page = read(list);
    const items = Array.isArray(page.items) ? page.items : [];
    const next = page.cursor;
    return { items, nextCursor: typeof next === "string" ? next : undefined, hasMore: page.hasMore === true };
  }, firstCursor ?? undefined);
}
