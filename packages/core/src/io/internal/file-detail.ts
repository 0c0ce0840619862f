/** `{ file }` when a file name is known, else `{}` (error details take no explicit `undefined`). */
export function fileDetail(file: string | undefined): { file?: string } {
  return file === undefined ? {} : { file };
}
