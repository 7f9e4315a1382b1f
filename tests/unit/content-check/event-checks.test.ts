import { describe, expect, it } from 'vitest';
import { fixture, messages } from './fixtures.ts';

describe('content check: events', () => {
  it('names the file, line and field of each wrong event, with the fix', () => {
    expect(messages([fixture('articles/event-mistakes.mdx')])).toEqual([
      'content/articles/event-mistakes.mdx:15 events[0].date (event event-1) "2021-02-30" is not a date: it has no day 30 in month 2 of 2021 — write a real date: 2020, 2020-08 or 2020-08-05',
      'content/articles/event-mistakes.mdx:20 events[1].id "event-1" is already the id of events[0] (line 14) — give each event its own id, e.g. the next free event-N',
      'content/articles/event-mistakes.mdx:21 events[1].date (event event-1) "2021-09" is not the date printed, "8月初" — make the date say what is printed (8月初 in a 2020 article is 2020-08), or correct printed',
      'content/articles/event-mistakes.mdx:26 events[2].id "elderly-7296" is also the id of a metric of this article: the link #elderly-7296 would land on one of them only — give the event an id of its own, e.g. event-N',
      'content/articles/event-mistakes.mdx:30 events[2].quote (event elderly-7296) "县医院获评省级先进单位。" is not in the article\'s text — copy the sentence (or photo caption) exactly from the body (the body may have been edited since)',
      'content/articles/event-mistakes.mdx:32 events[3].date "2021年8月" is not in the right form — write the date as 2020, 2020-08 or 2020-08-05 (a span as 2023-07-06/2023-07-07), in quotes',
      'content/articles/event-mistakes.mdx:34 events[3].kind "festival" is not one of: dated, honour, milestone — use one of the listed values',
      'content/articles/event-mistakes.mdx:37 events[4].date (event event-5) "2021" is not the date printed, "10月" — make the date say what is printed (8月初 in a 2020 article is 2020-08), or correct printed',
      'content/articles/event-mistakes.mdx:38 events[4].printed (event event-5) "10月" is not in its quote "8月初，门诊楼投入使用。" — copy the date exactly as printed in the quote, or delete the printed line when the text prints no date',
    ]);
  });

  it('accepts events whose dates, printed dates and quotes agree with the body', () => {
    const juye = fixture('articles/juye-2021.mdx');
    const text = juye.text.replace(
      '\n---\n',
      '\nevents:\n  - id: event-1\n    date: "2021"\n    what: 服务城乡居家老年人\n    kind: milestone\n    quote: 服务城乡居家老年人7296人。\n---\n',
    );
    expect(messages([], { articles: [{ ...juye, text }, fixture('articles/yuncheng-2020.mdx')] })).toEqual([]);
  });
});
