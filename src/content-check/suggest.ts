/** Levenshtein distance over code points, so one Chinese character counts as one edit. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/** Something a mistyped value might have meant: the canonical value and other forms that name it. */
export interface Candidate {
  value: string;
  /** Other spellings that mean this value (a region's name without 县, a topic's Chinese name). */
  aliases?: readonly string[];
}

/**
 * Best guesses for a mistyped value: an exact alias first, then names that
 * start with it (or it with them), then the closest by edit distance
 * (at most a third of the length, and at least one edit).
 */
export function suggest(input: string, candidates: readonly Candidate[], limit = 3): string[] {
  const wanted = input.trim();
  const lower = wanted.toLowerCase();
  if (!lower) return [];
  const forms = (c: Candidate) => [c.value, ...(c.aliases ?? [])].map((f) => f.toLowerCase());
  const exact = candidates.filter((c) => forms(c).includes(lower));
  if (exact.length > 0) return unique(exact.map((c) => c.value)).slice(0, limit);
  const prefixed = candidates.filter((c) => forms(c).some((f) => f.startsWith(lower) || lower.startsWith(f)));
  if (prefixed.length > 0 && prefixed.length <= limit) return unique(prefixed.map((c) => c.value));
  const maxEdits = Math.max(1, Math.floor([...wanted].length / 3));
  const scored = candidates
    .map((c) => ({ value: c.value, distance: Math.min(...forms(c).map((f) => editDistance(lower, f))) }))
    .filter((s) => s.distance <= maxEdits)
    .sort((a, b) => a.distance - b.distance || a.value.localeCompare(b.value));
  return unique(scored.map((s) => s.value)).slice(0, limit);
}

/** "did you mean 巨野县?" / "did you mean 市中区 or 市南区?", or the fallback when there is no guess. */
export function didYouMean(guesses: readonly string[], fallback: string): string {
  if (guesses.length === 0) return fallback;
  const last = guesses[guesses.length - 1];
  const list = guesses.length === 1 ? last : `${guesses.slice(0, -1).join(', ')} or ${last}`;
  return `did you mean ${list}?`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
