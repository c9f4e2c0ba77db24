// The UI's width class. The same views fill a 780 px popup, a full tab, a DevTools panel and a side
// panel of 320-400 px; below NARROW_WIDTH they show fewer grid columns and stack their forms. The
// shell measures its own width (a side panel is resized by dragging) and tells the views through
// NarrowContext; the CSS reads the same state from the `narrow` class on `.app`.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export const NARROW_WIDTH = 560;

export const NarrowContext = createContext(false);

export function useNarrow(): boolean {
  return useContext(NarrowContext);
}
