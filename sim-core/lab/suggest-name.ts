/**
 * "Did you mean …?" for the lab loader: the candidate closest to a misspelt key, device name,
 * kind or zone by edit distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), compared case-insensitively. A suggestion is offered only when it is close enough
 * to be a typo: at most one edit for short words, about a third of the word for longer ones.
 */

/** Edit distance between two strings (optimal string alignment, Damerau's transposition). */
export function measureEditDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** Longest word compared; longer input is never a typo of a short key (and keeps the cost small). */
const MAX_COMPARED_CHARS = 64;

/** The closest candidate within typo distance, or undefined. Ties go to the earlier candidate. */
export function suggestClosest(input: string, candidates: readonly string[]): string | undefined {
  if (input.length === 0 || input.length > MAX_COMPARED_CHARS) return undefined;
  const word = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate.length > MAX_COMPARED_CHARS) continue;
    const distance = measureEditDistance(word, candidate.toLowerCase());
    const allowed = Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
