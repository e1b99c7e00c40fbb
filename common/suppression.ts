// Small-number suppression (prikking): no child may be recognised from a figure. It is the one rule
// for every place figures leave the server — the team overview, the indicator report on screen, its
// PDF and CSV, and the API — so each of them calls these functions and none has its own.
//
// - Primary: a count of 1 to threshold − 1 is shown as "fewer than <threshold>". Zero is shown: it
//   describes nobody.
// - Secondary: where a total is shown beside its parts, a single hidden part could be worked out as
//   the total minus the others. So when exactly one part is hidden, the smallest other part (a
//   non-zero one first) is hidden too; with no other part, the total is hidden.
// - Anything computed from a hidden count (a share, an average) is hidden with it: an average over
//   fewer than <threshold> answers would be close to one family's own answer.

/** The default threshold; an operator sets another with SUPPRESSION_THRESHOLD. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** A figure as it may be shown: the number, or why it is not. */
export type Cell =
  | { value: number }
  | { suppressed: 'small'; fewerThan: number }
  | { suppressed: 'secondary' };

export const isShown = (cell: Cell): cell is { value: number } => 'value' in cell;

/** The number behind a cell, or null when it is hidden. */
export const shownValue = (cell: Cell): number | null => ('value' in cell ? cell.value : null);

const small = (n: number, threshold: number) => n > 0 && n < threshold;

/** One count on its own. */
export function suppressCount(n: number, threshold: number): Cell {
  return small(n, threshold) ? { suppressed: 'small', fewerThan: threshold } : { value: n };
}

/**
 * A total and the parts it is the sum of. The parts' order is kept; the total is hidden when it is
 * small itself or when hiding it is the only way to protect a single hidden part.
 */
export function suppressTable(total: number, parts: readonly number[], threshold: number): { total: Cell; parts: Cell[] } {
  const cells: Cell[] = parts.map((n) => suppressCount(n, threshold));
  let totalCell = suppressCount(total, threshold);
  if (!isShown(totalCell)) return { total: totalCell, parts: parts.map((n) => (n === 0 ? { value: 0 } : { suppressed: 'small', fewerThan: threshold })) };
  const hidden = cells.filter((c) => !isShown(c)).length;
  if (hidden === 1) {
    const candidates = parts
      .map((n, i) => ({ n, i }))
      .filter(({ i }) => isShown(cells[i]!))
      // A hidden zero protects little: a non-zero part is taken first, then the smallest.
      .sort((a, b) => Number(a.n === 0) - Number(b.n === 0) || a.n - b.n || a.i - b.i);
    const next = candidates[0];
    if (next) cells[next.i] = { suppressed: 'secondary' };
    else totalCell = { suppressed: 'secondary' };
  }
  return { total: totalCell, parts: cells };
}

/**
 * A share (0–1, three decimals) of a part in a whole: hidden when either count is hidden, since the
 * share and the whole give the part back. Null when the whole is zero: there is nothing to share.
 */
export function suppressShare(part: Cell, whole: Cell): Cell | null {
  if (isShown(whole) && whole.value === 0) return null;
  if (!isShown(part) || !isShown(whole)) return { suppressed: 'secondary' };
  return { value: Math.round((part.value / whole.value) * 1000) / 1000 };
}

/** An average (or any figure made from individual answers): shown only over enough of them. */
export function suppressMeasure(value: number | null, basis: number, threshold: number): Cell | null {
  if (basis === 0 || value === null) return null;
  if (small(basis, threshold)) return { suppressed: 'small', fewerThan: threshold };
  return { value };
}
