// A fixed-row-height windowed grid: only the rows in view (plus a few) are in the DOM, so 10,000
// cookies cost what 30 do. Keyboard: arrows, Page Up/Down, Home/End move the active row; the grid
// keeps it in view and announces it through aria-activedescendant.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  /** Height of the scrolling body when it cannot be measured (tests, first paint). */
  fallbackHeight?: number;
  label: string;
  idPrefix: string;
  header: ComponentChildren;
  activeIndex: number;
  /** The active row moved: by a click or a key (the event tells a shift- or ctrl-click, a shift+arrow). */
  onActiveChange(index: number, event?: MouseEvent | KeyboardEvent): void;
  /** Multi-selection: whether a row is selected (aria-selected, and the grid says it is multi-selectable). Without it the active row is the selected one. */
  isSelected?(item: T): boolean;
  /** An extra class for a row (an expired cookie). */
  rowClass?(item: T): string | undefined;
  /** Keys the grid does not handle itself (Enter, Delete, ...). */
  onKeyDown?(event: KeyboardEvent, index: number): void;
  renderRow(item: T, index: number, active: boolean): ComponentChildren;
  rowKey(item: T): string;
  /** Columns of the header and rows, as a CSS grid-template-columns value. */
  columns: string;
  empty?: ComponentChildren;
}

const OVERSCAN = 6;

export function VirtualList<T>(props: VirtualListProps<T>): JSX.Element {
  const { items, rowHeight, activeIndex } = props;
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(props.fallbackHeight ?? 320);

  useLayoutEffect(() => {
    const element = body.current;
    if (element === null) return undefined;
    const measure = () => { if (element.clientHeight > 0) setViewport(element.clientHeight); };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => { observer.disconnect(); };
  }, []);

  // Keep the active row in view when it moves by keyboard.
  useEffect(() => {
    const element = body.current;
    if (element === null || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + viewport) element.scrollTop = top + rowHeight - viewport;
  }, [activeIndex, rowHeight, viewport]);

  // A shorter list (a filter) may leave the scroll position past its end.
  useEffect(() => {
    const element = body.current;
    if (element !== null && scrollTop > items.length * rowHeight) { element.scrollTop = 0; setScrollTop(0); }
  }, [items.length, rowHeight, scrollTop]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN);
  const visible: ComponentChildren[] = [];
  for (let index = first; index < last; index++) {
    const item = items[index] as T;
    const active = index === activeIndex;
    const selected = props.isSelected === undefined ? active : props.isSelected(item);
    const extra = props.rowClass?.(item);
    visible.push(
      <div
        key={props.rowKey(item)}
        id={`${props.idPrefix}-row-${index}`}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        class={`vrow${active ? ' active' : ''}${props.isSelected !== undefined && selected ? ' selected' : ''}${extra === undefined ? '' : ` ${extra}`}`}
        style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px`, gridTemplateColumns: props.columns }}
        onClick={(event) => { props.onActiveChange(index, event); }}
      >
        {props.renderRow(item, index, active)}
      </div>,
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, PageDown: activeIndex + page, PageUp: activeIndex - page,
      Home: 0, End: items.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined && items.length > 0) {
      event.preventDefault();
      props.onActiveChange(Math.min(items.length - 1, Math.max(0, target)), event);
      return;
    }
    props.onKeyDown?.(event, activeIndex);
  };

  return (
    <div
      class="vgrid"
      role="grid"
      aria-label={props.label}
      aria-rowcount={items.length + 1}
      aria-multiselectable={props.isSelected === undefined ? undefined : true}
      aria-activedescendant={activeIndex >= 0 && activeIndex < items.length ? `${props.idPrefix}-row-${activeIndex}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" class="vhead">
        <div role="row" aria-rowindex={1} class="vrow head" style={{ gridTemplateColumns: props.columns }}>{props.header}</div>
      </div>
      <div
        role="rowgroup"
        class="vbody"
        ref={body}
        onScroll={(event) => { setScrollTop(event.currentTarget.scrollTop); }}
      >
        {items.length === 0 ? <div class="empty">{props.empty ?? 'Nothing to show.'}</div> : (
          <div class="vspacer" style={{ height: `${items.length * rowHeight}px` }}>{visible}</div>
        )}
      </div>
    </div>
  );
}
