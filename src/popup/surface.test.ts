import { describe, expect, it } from 'vitest';
import { surfaceOf } from './surface';

describe('where the UI is shown', () => {
  it('the side panel and the DevTools panel are what their pages declare, whatever their URL', () => {
    expect(surfaceOf('side', '')).toBe('side');
    expect(surfaceOf('devtools', '')).toBe('devtools');
    expect(surfaceOf('side', '?full=1')).toBe('side');
    expect(surfaceOf('devtools', '?full=1&tab=3')).toBe('devtools');
  });

  it('the popup’s page is the toolbar popup, or the full-size UI in a tab when opened with ?full=1', () => {
    expect(surfaceOf('popup', '')).toBe('popup');
    expect(surfaceOf('popup', '?full=1&tab=4')).toBe('tab');
    expect(surfaceOf(undefined, '?tab=4&full=1')).toBe('tab');
    // Only ?full=1 makes it the tab (a page of another name declares nothing the UI knows).
    expect(surfaceOf('popup', '?full=0')).toBe('popup');
    expect(surfaceOf('popup', '?tab=4')).toBe('popup');
    expect(surfaceOf('other', '')).toBe('popup');
    expect(surfaceOf(undefined, '')).toBe('popup');
  });
});
