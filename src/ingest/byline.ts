import type { Author } from '../schemas/article.ts';

/** Roles printed before names in a byline, longest first so 本报记者 wins over 记者. */
const ROLES = [
  '特约通讯员',
  '本报通讯员',
  '首席记者',
  '本报记者',
  '见习记者',
  '实习记者',
  '摄影记者',
  '融媒记者',
  '全媒体记者',
  '责任编辑',
  '记者',
  '通讯员',
  '实习生',
  '编辑',
  '摄影',
  '整理',
  '撰稿',
  '供稿',
  '作者',
  '摄',
].sort((a, b) => b.length - a.length);

/** Credits for the whole byline: text and pictures. */
const CREDITS = ['文/图', '文/片', '图/文', '文／图', '文／片', '图／文', '文图', '图文', '文', '图'];

/** Typographic marks some papers print before the names instead of a role. */
const MARKERS = ['□', '■', '◎', '●', '○', '◆', '▲'];

/** A person's name: two to four Han characters (or a transliterated name with ·). */
const NAME = /^\p{Script=Han}{2,4}$|^\p{Script=Han}{1,6}·\p{Script=Han}{1,6}$/u;
/** An outlet: ends the way newspaper and app names do, or joins two names with ·. */
const PUBLICATION = /(?:报|报社|网|台|壹点|客户端|新闻|周刊|杂志)$|^\p{Script=Han}{2,}·\p{Script=Han}{2,}$/u;

export interface Byline {
  authors: Author[];
  publication?: string;
}

function splitGluedRole(token: string): string[] {
  for (const role of ROLES) {
    if (token.startsWith(role) && token.length > role.length && NAME.test(token.slice(role.length))) {
      return [role, token.slice(role.length)];
    }
  }
  return [token];
}

/**
 * Read a byline such as "文/片 齐鲁晚报·齐鲁壹点 记者 李云云 通讯员 吴如明 徐迎春"
 * or "□ 姜秀峰 韩东伟 王雷". Returns undefined when the line is not a byline:
 * every token must be a role, credit, marker, outlet or name, with at least one
 * name and something (role, credit or marker) that says these are credits.
 */
export function parseByline(text: string, previousWasByline = false): Byline | undefined {
  const tokens = text.split(/\s+/u).flatMap(splitGluedRole).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 12) return undefined;
  const authors: Author[] = [];
  let role: string | undefined;
  let credit: string | undefined;
  let publication: string | undefined;
  let announced = previousWasByline;
  for (const token of tokens) {
    if (MARKERS.includes(token)) {
      announced = true;
    } else if (CREDITS.includes(token)) {
      credit = token.replace('／', '/');
      announced = true;
    } else if (ROLES.includes(token)) {
      role = token;
      announced = true;
    } else if (PUBLICATION.test(token) && token.length >= 3) {
      publication = token;
    } else if (NAME.test(token)) {
      authors.push({ name: token, role: role ?? '作者', ...(credit ? { credit } : {}) });
    } else {
      return undefined;
    }
  }
  if (!announced || authors.length === 0) return undefined;
  return { authors, ...(publication ? { publication } : {}) };
}

/**
 * A byline run on at the end of a paragraph ("…绚烂绽放。记者 都慧芳"): the
 * paragraph text and the byline, or undefined.
 */
export function splitTrailingByline(text: string): { body: string; byline: string } | undefined {
  const roles = ROLES.filter((r) => r.length >= 2).join('|');
  const match = new RegExp(
    `^(.*[。！？!?”」』）)])\\s*((?:${roles})\\s*\\p{Script=Han}{2,4}(?:\\s+\\p{Script=Han}{2,4})*)$`,
    'u',
  ).exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return parseByline(match[2]) ? { body: match[1], byline: match[2] } : undefined;
}

/** Notes printed with the byline: "（照片均为资料片）", "（本版文字由金增秀整理）", "（图片由XX提供）". */
const NOTE = /^[（(【[](.{2,40})[）)】\]]$/u;
const NOTE_WORDS = /照片|图片|资料片|整理|供图|供稿|撰稿|摄|编辑|提供|来源/u;
const NOTE_PERSON = /由\s*(\p{Script=Han}{2,4}?)\s*(整理|撰稿|供稿|供图|提供|摄)/u;

export interface CreditNote {
  /** The note as published, with full-width brackets. */
  text: string;
  /** A person the note credits, such as 金增秀 (整理). */
  author?: Author;
}

export function parseCreditNote(text: string): CreditNote | undefined {
  const match = NOTE.exec(text.trim());
  if (!match?.[1] || !NOTE_WORDS.test(match[1])) return undefined;
  const inner = match[1].trim();
  const person = NOTE_PERSON.exec(inner);
  const role = person?.[2] === '提供' ? '供图' : person?.[2];
  return {
    text: `（${inner}）`,
    ...(person?.[1] && role ? { author: { name: person[1], role } } : {}),
  };
}
