/**
 * A finding's message as pieces: plain text, and the related rows it names ("finns redan på rad
 * 47") as links. Related rows the message does not name are added at the end.
 */
export type Piece = { text: string } | { text: string; row: number };

const ROW_WORDS = /\b(rad|raderna|row|rows)\s+(\d+)/gi;

export function messagePieces(message: string, relatedRows: readonly number[] | undefined): { pieces: Piece[]; extra: number[] } {
  const related = new Set(relatedRows ?? []);
  const pieces: Piece[] = [];
  const named = new Set<number>();
  let at = 0;
  for (const m of message.matchAll(ROW_WORDS)) {
    const row = Number(m[2]);
    if (!related.has(row)) continue;
    if (m.index > at) pieces.push({ text: message.slice(at, m.index) });
    pieces.push({ text: m[0], row });
    named.add(row);
    at = m.index + m[0].length;
  }
  if (at < message.length) pieces.push({ text: message.slice(at) });
  return { pieces, extra: [...related].filter((r) => !named.has(r)) };
}
