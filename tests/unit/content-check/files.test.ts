import { describe, expect, it } from 'vitest';
import { messages } from './fixtures.ts';

describe('content check: files the site would skip', () => {
  it('names a .md file and a file in a subfolder, and leaves dotfiles alone', () => {
    const strayFiles = [
      'content/articles/juye-2022.md',
      'content/articles/2022/juye.mdx',
      'content/articles/.DS_Store',
      'content/stories/notes.docx',
    ];
    expect(messages([], { strayFiles })).toEqual([
      'content/articles/2022/juye.mdx:1 file is in a subfolder: entries sit directly in content/articles/ (page names have no folders) — move it up to content/articles/',
      'content/articles/juye-2022.md:1 file is not an .mdx file, so the site ignores it — rename it to juye-2022.mdx',
      'content/stories/notes.docx:1 file is not an .mdx file, so the site ignores it — move it out of content/stories/ (only .mdx entries belong there)',
    ]);
  });
});
