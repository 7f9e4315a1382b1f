/**
 * Labels judged blind by the rubric (npm run measure:labels-judged): what share of labels two readers
 * who never saw the code accept by the three tests of RUBRIC.md, where `measure:metrics` can only
 * compare wordings with a written list. The inputs, verdicts and keys are in
 * scripts/support/data/metrics-truth/judged/ (README.md there says how they were made):
 *  - round 1: the extractor's labels of the six articles and the truth sets' labels, each article's
 *    two versions in shuffled blocks with nothing saying which is which, judged by A and B;
 *  - round 2: the labels the site publishes (extractor + editors' corrections), judged by C and D;
 *  - round 3: the fresh held-out set's labels from the extractor before and after the day's rules, and
 *    its truth, and the held-out articles' labels after the rules (without corrections), judged by E and F;
 *  - round 4: the same for the second fresh set and the second round of rules, judged by G and H;
 *  - round 5: the third fresh set after the third round (one label differs from before it) and its truth, by I and J;
 *  - round 6: the same for the fourth fresh set and the fourth round, by K and L;
 *  - round 7: the fifth fresh set before and after the fifth round of rules, and its truth, by M and N;
 *  - round 8: the sixth fresh set with the labels of the session's start and after its two rounds, and its truth, by O and P;
 *  - round 9: the seventh fresh set, the same way after three rounds, by Q and R;
 *  - round 10: the eighth fresh set, the same way after four rounds, by S and T;
 *  - round 11: the ninth fresh set, the same way after five rounds, by U and V;
 *  - round 12: the tenth fresh set with the labels of session 13's start, and its truth, by W and X;
 *  - round 13: the eleventh fresh set with the labels of session 13's start and after its one round of rules
 *    (drawn from the tenth set), and its truth, by Y and Z;
 *  - round 14: the twelfth fresh set with the labels of session 14's start, and its truth, by AA and BB
 *    (the set then became tuning text: synthetic/labels-fresh-12.json);
 *  - round 15: the thirteenth fresh set (written blind at session 14's start, held out) with the labels of session
 *    14's start and after its first round of rules (drawn from the twelfth set), and its truth, by CC and DD;
 *  - round 16: the eleventh fresh set again, after that round (its labels before it were judged in round 13), and
 *    its truth, by EE and FF;
 *  - round 17: the fourteenth fresh set (written blind after that round, held out) with the labels before and after
 *    session 14's second round of rules (drawn from the eleventh and thirteenth sets), and its truth, by GG and HH;
 *  - round 18: the fifteenth fresh set (written blind after that round, held out) with the labels before and after
 *    session 14's third round (identical: the round changed none of them, so one block), and its truth, by II and JJ.
 *  - round 19: the sixteenth fresh set (written blind at session 15's start, held out until that session's second round)
 *    with the labels of session 15's start (the first round changed none of them), and its truth, by KK and LL;
 *  - round 20: the seventeenth fresh set (written blind at session 15's start, held out) with the labels of session 15's
 *    start, and its truth, by MM and NN;
 *  - round 21: the seventeenth fresh set after session 15's first round (one label changed; the second round changed
 *    none), and its truth, by OO and PP;
 *  - round 22: the eighteenth fresh set (written blind after session 15's first round, held out) with the labels before
 *    and after the second round (identical), and its truth, by QQ and RR;
 *  - round 23: the nineteenth fresh set (written blind after session 15's second round, held out) with the labels
 *    before and after the third round (identical), and its truth, by SS and TT;
 *  - rounds 24–26: the tuning sets 14, 15 and 16 at session 15's end, after the rounds drawn from them, and their
 *    truth, by UU and VV, WW and XX, YY and ZZ (the tuning half beside the held-out sets 17–19);
 *  - round 27: the seventeenth fresh set (held out) at session 15's end, and its truth, by AB and CD;
 *  - round 28: the twentieth fresh set (written blind at session 17's start, held out) with the labels before and after
 *    that session's round of rules (one label differs), and its truth, by EF and GH;
 *  - round 29: the twenty-first fresh set, the same way, by IJ and KL;
 *  - rounds 30 and 31: the seventeenth and eighteenth fresh sets (held out) after that round (two labels of each
 *    changed), and their truth, by MN and OP, QR and ST;
 *  - round 32: the twenty-second fresh set (written blind after that round, held out) with the labels before and after
 *    session 17's second round of rules (drawn from the twentieth set), and its truth, by UV and WX;
 *  - rounds 33 and 34: the eighteenth and nineteenth fresh sets (held out) after that second round, and their truth,
 *    by YZ and AC, BD and EG (the twenty-first and seventeenth sets' labels did not change in it);
 *  - rounds 35 and 36: the twenty-third and twenty-fourth fresh sets (written blind after that second round, held out)
 *    with the labels before and after session 17's third round (drawn from the twenty-first and twenty-second sets),
 *    and their truth, by HJ and KM, NQ and RS;
 *  - rounds 37 and 38: the seventeenth and nineteenth fresh sets (held out) after that third round, and their truth,
 *    by TV and WY, ZA and BC (the eighteenth set's labels did not change in it);
 *  - round 39: the twenty-fifth fresh set (written blind after that third round, held out) with the labels before and
 *    after session 17's fourth round (drawn from the twenty-third and twenty-fourth sets), and its truth, by DF and GJ;
 *  - round 40: the tuning half at session 17's end: the labels of sets 20–24, each spent on one of its rounds, by HK
 *    and LN (one block per set, no truth blocks: their truth was judged in rounds 28, 29, 32, 35 and 36);
 *  - rounds 41 and 42: the seventeenth and nineteenth fresh sets (held out) at session 17's end, after their people
 *    units were set to the printed 名 (13 more figures paired, so judged for the first time), and their truth, by PQ
 *    and RT, UW and XZ;
 *  - round 43: the six articles' extractor labels at session 17's end, without editors' corrections (figures whose
 *    quote holds two truth figures left out: 11 of 253), by VY and ZB;
 *  - round 44: the twenty-sixth and twenty-seventh fresh sets (written blind at session 19's start) with the labels of
 *    that start, and their truth, by AD and BE (session 19's first round of rules changed none of their labels; set 26
 *    was then spent as tuning text for its second round);
 *  - round 45: the twenty-seventh fresh set (held out) after session 19's second round (one label changed), and its
 *    truth, by CE and DG;
 *  - round 46: the twenty-sixth set (tuning) after session 19's second round, drawn from its failures, by FH and IK;
 *  - round 47: the seventeenth and nineteenth fresh sets (held out) after session 19's two rounds (3 and 2 of their
 *    labels changed; the eighteenth and twenty-fifth sets' did not), by JL and MO;
 *  - round 48: the twenty-eighth and twenty-ninth fresh sets (written blind after session 19's second round, held out)
 *    with the labels before its third round (drawn from the twenty-seventh set, then spent), which changed none of
 *    them, and their truth, by NP and QS.
 * A label counts as acceptable when both judges of its round accept it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = 'scripts/support/data/metrics-truth/judged';
const HELD_OUT = new Set(['jiyang-2024', 'juye-2020-2']);

interface Verdict {
  ok: boolean;
  tests?: number[];
}
interface KeyEntry {
  article: string;
  source?: string;
  /** The truth set a block holds, where a round judges several (round 40). */
  set?: string;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(DIR, path), 'utf8')) as T;
const pct = (a: number, n: number): string => `${a}/${n} (${((100 * a) / n).toFixed(1)} %)`;

function report(round: string, judges: [string, string], groupOf: (entry: KeyEntry) => string): void {
  const key = readJson<Record<string, KeyEntry>>(`${round}/key.json`);
  const [first, second] = judges.map((j) => readJson<Record<string, Verdict>>(`${round}/verdicts-${j}.json`)) as [
    Record<string, Verdict>,
    Record<string, Verdict>,
  ];
  const rows = new Map<string, { n: number; a: number; b: number; both: number; agree: number }>();
  for (const [id, entry] of Object.entries(key)) {
    const a = first[id]?.ok === true;
    const b = second[id]?.ok === true;
    for (const group of [groupOf(entry), `${entry.source ?? 'published'} ${entry.article}`]) {
      const row = rows.get(group) ?? { n: 0, a: 0, b: 0, both: 0, agree: 0 };
      row.n += 1;
      row.a += Number(a);
      row.b += Number(b);
      row.both += Number(a && b);
      row.agree += Number(a === b);
      rows.set(group, row);
    }
  }
  console.log(`\n${round}: judges ${judges.join(' and ')}`);
  console.log(
    `${'labels'.padEnd(44)}${judges[0].padEnd(20)}${judges[1].padEnd(20)}${'both accept'.padEnd(20)}judges agree`,
  );
  for (const [group, r] of [...rows].sort(([x], [y]) => x.localeCompare(y)))
    console.log(
      `${group.padEnd(44)}${pct(r.a, r.n).padEnd(20)}${pct(r.b, r.n).padEnd(20)}${pct(r.both, r.n).padEnd(20)}${pct(r.agree, r.n)}`,
    );
}

const half = (entry: KeyEntry): string =>
  `${entry.source ?? 'published'} ${entry.article === 'fresh' ? 'FRESH set' : entry.article === 'tuning' ? 'TUNING set' : HELD_OUT.has(entry.article) ? 'HELD-OUT two' : 'tuned four'}`;
report('round1', ['A', 'B'], half);
report('round2', ['C', 'D'], half);
report('round3', ['E', 'F'], half);
report('round4', ['G', 'H'], half);
report('round5', ['I', 'J'], half);
report('round6', ['K', 'L'], half);
report('round7', ['M', 'N'], half);
report('round8', ['O', 'P'], half);
report('round9', ['Q', 'R'], half);
report('round10', ['S', 'T'], half);
report('round11', ['U', 'V'], half);
report('round12', ['W', 'X'], half);
report('round13', ['Y', 'Z'], half);
report('round14', ['AA', 'BB'], half);
report('round15', ['CC', 'DD'], half);
report('round16', ['EE', 'FF'], half);
report('round17', ['GG', 'HH'], half);
report('round18', ['II', 'JJ'], half);
report('round19', ['KK', 'LL'], half);
report('round20', ['MM', 'NN'], half);
report('round21', ['OO', 'PP'], half);
report('round22', ['QQ', 'RR'], half);
report('round23', ['SS', 'TT'], half);
report('round24', ['UU', 'VV'], half);
report('round25', ['WW', 'XX'], half);
report('round26', ['YY', 'ZZ'], half);
report('round27', ['AB', 'CD'], half);
report('round28', ['EF', 'GH'], half);
report('round29', ['IJ', 'KL'], half);
report('round30', ['MN', 'OP'], half);
report('round31', ['QR', 'ST'], half);
report('round32', ['UV', 'WX'], half);
report('round33', ['YZ', 'AC'], half);
report('round34', ['BD', 'EG'], half);
report('round35', ['HJ', 'KM'], half);
report('round36', ['NQ', 'RS'], half);
report('round37', ['TV', 'WY'], half);
report('round38', ['ZA', 'BC'], half);
report('round39', ['DF', 'GJ'], half);
report('round40', ['HK', 'LN'], (entry) => `${entry.source ?? 'published'} TUNING ${entry.set ?? ''}`);
report('round41', ['PQ', 'RT'], half);
report('round42', ['UW', 'XZ'], half);
report('round43', ['VY', 'ZB'], half);
report('round44', ['AD', 'BE'], (entry) => `${entry.source ?? 'published'} FRESH ${entry.article}`);
report('round45', ['CE', 'DG'], (entry) => `${entry.source ?? 'published'} FRESH ${entry.article}`);
report('round46', ['FH', 'IK'], (entry) => `${entry.source ?? 'published'} TUNING ${entry.article}`);
report('round47', ['JL', 'MO'], (entry) => `${entry.source ?? 'published'} FRESH ${entry.article}`);
report('round48', ['NP', 'QS'], (entry) => `${entry.source ?? 'published'} FRESH ${entry.article}`);
