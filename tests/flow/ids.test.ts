import { describe, expect, it } from 'vitest';
import { freshId, idWords } from '../../src/flow/ids.js';

describe('idWords', () => {
  it('keeps letters of any alphabet, as the flow format allows (hauptmenü)', () => {
    expect(idWords('Hauptmenü — Kündigung!')).toBe('hauptmenü-kündigung');
    // The same word with its umlaut written as u and a combining mark.
    expect(idWords('Hauptmenu\u0308')).toBe('hauptmenü');
  });

  it('keeps the first words only when asked', () => {
    expect(idWords('/billing/menu/options/more', 2)).toBe('billing-menu');
    expect(idWords('  ...  ')).toBe('');
  });
});

describe('freshId', () => {
  it('puts a label that starts with a digit, or has no words, after the fallback', () => {
    expect(freshId('1 for sales', 'press', new Set())).toBe('press-1-for-sales');
    expect(freshId('!!', 'menu', new Set())).toBe('menu');
  });

  it('numbers a label already taken', () => {
    expect(freshId('Main menu', 'menu', new Set(['main-menu', 'main-menu-2']))).toBe('main-menu-3');
  });
});
