import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPath, renderIcon } from './icons';
import { chromeManifest, firefoxManifest } from './manifest';

const ROOT = resolve(import.meta.dirname, '..');

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature and the chunk's length and type). */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('icons', () => {
  it('four sizes', () => { expect(ICON_SIZES).toEqual([16, 32, 48, 128]); });

  it.each(ICON_SIZES)('icon-%i.png is a square PNG of its size, rendered from icons/icon.svg as committed (else run `npm run icons`)', (size) => {
    const committed = readFileSync(resolve(ROOT, iconPath(size)));
    expect(pngSize(committed)).toEqual([size, size]);
    expect(committed.equals(renderIcon(size)), `icons/icon-${size}.png differs from icons/icon.svg: run npm run icons`).toBe(true);
  });

  it('both manifests name every size as the extension\'s icon and the toolbar button\'s', () => {
    const expected = Object.fromEntries(ICON_SIZES.map((size) => [String(size), iconPath(size)]));
    for (const manifest of [chromeManifest(), firefoxManifest(chromeManifest())]) {
      expect(manifest['icons']).toEqual(expected);
      expect((manifest['action'] as { default_icon?: unknown }).default_icon).toEqual(expected);
    }
  });
});
