// `npm run icons`: renders icons/icon.svg to the PNG sizes both manifests name (16, 32, 48, 128).
// The PNGs are committed (the build and the stores read them); a unit test renders the SVG again
// and fails if they no longer match it.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const ROOT = resolve(import.meta.dirname, '..');
export const ICONS_DIR = resolve(ROOT, 'icons');

/** The manifest path of the PNG of one size (relative to the project root). */
export const iconPath = (size: number): string => `icons/icon-${size}.png`;

export function renderIcon(size: number): Buffer {
  const svg = readFileSync(resolve(ICONS_DIR, 'icon.svg'), 'utf8');
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  for (const size of ICON_SIZES) {
    writeFileSync(resolve(ROOT, iconPath(size)), renderIcon(size));
    console.log(`wrote ${iconPath(size)}`);
  }
}
