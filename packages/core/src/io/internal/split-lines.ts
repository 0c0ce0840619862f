/**
 * Splits text into lines on LF, CRLF or a lone CR (classic Mac files such as HTRU2 use CR), and
 * drops blank lines at the end only; blank lines elsewhere stay so callers can report them with
 * their line number.
 */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end--;
  return lines.slice(0, end);
}
