export interface Misreading {
  /** Printed text with a character or two of context on each side. */
  before: string;
  after: string;
  reason: string;
}

interface Rule {
  wrong: RegExp;
  right: string;
  reason: string;
}

/**
 * OCR confuses 入 with 人, 干 with 于 and 已 with 己. Each rule fixes a form that is not a
 * word (纳人) or not one in that position (人选 as a verb before a list's name),
 * with guards where the misread form is also part of a real word
 * (吸纳人才, 系列人物, 金融人才, 资深人士).
 */
const RULES: Rule[] = [
  { wrong: /(?<![吸采接容收招])纳人(?![才员数口])/gu, right: '纳入', reason: '“纳人”是“纳入”的误识（人/入形近）' },
  { wrong: /(?<![系并排行序])列人(?![才员物])/gu, right: '列入', reason: '“列人”是“列入”的误识（人/入形近）' },
  { wrong: /(?<![金])融人(?![才员士])/gu, right: '融入', reason: '“融人”是“融入”的误识（人/入形近）' },
  { wrong: /(?<![资高])深人(?![士物])/gu, right: '深入', reason: '“深人”是“深入”的误识（人/入形近）' },
  { wrong: /投人(?=[使运资生建到了])/gu, right: '投入', reason: '“投人”是“投入”的误识（人/入形近）' },
  { wrong: /嵌人/gu, right: '嵌入', reason: '“嵌人”是“嵌入”的误识（人/入形近）' },
  { wrong: /写人(?=[政法规章条计报《“党])/gu, right: '写入', reason: '“写人”后接文件名，应为“写入”（人/入形近）' },
  {
    wrong: /(?<![候合适的])人选(?=[全国省市县区山中第首了为“《]|\d)/gu,
    right: '入选',
    reason: '“人选”在此作动词（人选+名单），应为“入选”（人/入形近）',
  },
  { wrong: /于(?=在实处|事创业)/gu, right: '干', reason: '“于在实处”“于事创业”中的“于”是“干”的误识（干/于形近）' },
  { wrong: /于部(?=群众|职工|队伍|作风)/gu, right: '干部', reason: '“于部”是“干部”的误识（干/于形近）' },
  {
    // "县医院一中心乡镇卫生院一乡镇卫生院": a dash joining institutions, scanned as 一 (a chain of levels, not a count).
    wrong: /(?<=(?:院|室|站|所|中心))一(?=(?:县|市|区|乡镇|镇|村|社区|中心)\p{Script=Han}{0,6}?(?:院|室|站|所|中心))/gu,
    right: '—',
    reason: '机构名称之间的连接号“—”误识为“一”（县医院—中心乡镇卫生院—乡镇卫生院）',
  },
  { wrong: /己经/gu, right: '已经', reason: '“己经”是“已经”的误识（己/已形近）' },
  { wrong: /自已/gu, right: '自己', reason: '“自已”是“自己”的误识（己/已形近）' },
  {
    wrong: /(?<=[\p{Script=Han}、，])\s*\b(?:and|AND|And)\b\s*(?=\p{Script=Han})/gu,
    right: '和',
    reason: '中文句中混入英文连词“and”，按原意作“和”',
  },
  {
    wrong: /(?<=[\p{Script=Han}、，])\s*\b(?:or|OR)\b\s*(?=\p{Script=Han})/gu,
    right: '或',
    reason: '中文句中混入英文连词“or”，按原意作“或”',
  },
];

/** Fix evident misreadings; each fix is returned for the corrections list. */
export function fixMisreadings(text: string): { text: string; fixes: Misreading[] } {
  const fixes: Misreading[] = [];
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.wrong, (match: string, ...rest: unknown[]) => {
      const offset = rest.find((r): r is number => typeof r === 'number') ?? 0;
      const whole = rest.find((r): r is string => typeof r === 'string') ?? out;
      const before = whole.slice(Math.max(0, offset - 3), offset + match.length + 3);
      fixes.push({ before, after: before.replace(match, rule.right), reason: rule.reason });
      return rule.right;
    });
  }
  return { text: out, fixes };
}
