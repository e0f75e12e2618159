/**
 * Given/want tables: each row names a case, the input it is given and the output it must give,
 * run with `test.each(rows)("%s", (_, { given, want }) => ...)`.
 */
export type Row<Given, Want> = [name: string, row: { given: Given; want: Want }];
