import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { removeInnerHtmlSink } from './noInnerHtml';

const preactBundle = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');

describe('Preact without its innerHTML sink', () => {
  it('the installed Preact bundle loses its one innerHTML assignment and keeps the rest', () => {
    expect(preactBundle).toMatch(/\.innerHTML=/);
    const out = removeInnerHtmlSink(preactBundle);
    expect(out).not.toMatch(/\.innerHTML\s*=[^=]/);
    expect(out).toContain('dangerouslySetInnerHTML is disabled');
    expect(out.length - preactBundle.length).toBeLessThan(200);
  });

  it('a bundle whose sink changed shape stops the build', () => {
    expect(() => removeInnerHtmlSink('e.innerHTML = html;')).toThrow(/exactly one innerHTML sink/);
    expect(() => removeInnerHtmlSink('a.innerHTML=b.__html;c.innerHTML=d')).toThrow(/somewhere else/);
  });
});
