import { describe, expect, it } from 'vitest';
import { changeCounts, compareParagraphs } from '../../src/archive/compare.ts';
import { paragraphTexts } from '../../src/archive/texts.ts';

describe('a section’s paragraphs as text', () => {
  it('numbers top-level paragraphs as the page does, and reads links as their words', () => {
    expect(paragraphTexts('First [paragraph](https://example.org/a) here.\n\nSecond, with \\{ braces \\}.\n')).toEqual([
      'First paragraph here.',
      'Second, with { braces }.',
    ]);
  });
});

describe('comparing a section in two editions', () => {
  it('marks words removed in the older text and added in the newer, keeping every word of both', () => {
    const [pair] = compareParagraphs(['The law was adopted in March.'], ['The law was signed in March.']);
    const older = pair!.older!.runs;
    const newer = pair!.newer!.runs;
    expect(older.map((r) => r.text).join('')).toBe('The law was adopted in March.');
    expect(newer.map((r) => r.text).join('')).toBe('The law was signed in March.');
    expect(older.filter((r) => r.change === 'removed').map((r) => r.text.trim())).toEqual(['adopted']);
    expect(newer.filter((r) => r.change === 'added').map((r) => r.text.trim())).toEqual(['signed']);
  });

  it('shows a paragraph only one edition has as wholly added or removed, with its number', () => {
    const pairs = compareParagraphs(['One.'], ['One.', 'Two more words.']);
    expect(pairs[1]).toEqual({ newer: { n: 2, runs: [{ text: 'Two more words.', change: 'added' }] } });
    expect(changeCounts(pairs)).toEqual({ added: 3, removed: 0 });
  });
});
