/** `1 fout`, `2 fouten`: a count with the Dutch singular or plural. */
export function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}
