/**
 * An MDX file's YAML frontmatter and body, split on the two "---" lines. The one splitter of the
 * project: ingest, the content check, `npm run new`, the benchmark generator and the tests use it.
 */
export type FrontmatterSplit =
  | {
      ok: true;
      /** The YAML between the fences. */
      yaml: string;
      /** Everything after the closing fence. */
      body: string;
      /** File line (1-based) the YAML starts on, and the body. */
      yamlLine: number;
      bodyLine: number;
      /** The whole file as split: byte-order mark dropped, CRLF and CR read as LF (line numbers unchanged). */
      text: string;
    }
  | { ok: false; problem: 'missing' | 'unclosed'; text: string };

const FENCE = '---';

export function splitFrontmatter(raw: string): FrontmatterSplit {
  const text = raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== FENCE) return { ok: false, problem: 'missing', text };
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === FENCE);
  if (close < 0) return { ok: false, problem: 'unclosed', text };
  return {
    ok: true,
    yaml: lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    yamlLine: 2,
    bodyLine: close + 2,
    text,
  };
}
