// Colour: escape codes only reach a terminal, never a file or a pipe (a CI variable does not change that).
import { describe, expect, it } from 'vitest';
import { colourWanted } from './output';

describe('colourWanted', () => {
  it('colours a terminal, not a pipe, whatever CI says', () => {
    expect(colourWanted({ TERM: 'xterm' }, [], true)).toBe(true);
    expect(colourWanted({ TERM: 'dumb' }, [], true)).toBe(false);
    expect(colourWanted({ CI: 'true' }, [], false)).toBe(false);
  });
  it('NO_COLOR and --no-color win; FORCE_COLOR and --color colour a pipe', () => {
    expect(colourWanted({ NO_COLOR: '', FORCE_COLOR: '1' }, [], true)).toBe(false);
    expect(colourWanted({}, ['--no-color'], true)).toBe(false);
    expect(colourWanted({ FORCE_COLOR: '1' }, [], false)).toBe(true);
    expect(colourWanted({}, ['--color'], false)).toBe(true);
  });
});
