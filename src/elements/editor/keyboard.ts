/** Editor commands that keys and toolbar buttons share. */
export type EditorAction =
  | 'delete'
  | 'select-all'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'undo'
  | 'redo'
  | 'zoom-in'
  | 'zoom-out'
  | 'fit-view'
  | 'escape'
  | 'quick-add'
  | 'connect'
  | 'toggle-select'
  | 'next-edge'
  | 'tidy-up'
  | 'group'
  | 'ungroup'
  | 'make-subflow'
  | 'open-subflow'
  | 'new-node-type'
  | 'context-menu'
  | 'toggle-inspector'
  | `focus-${Direction}`
  | `nudge-${Direction}`;

export type Direction = 'left' | 'right' | 'up' | 'down';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The action a key press on the canvas asks for, or undefined to let the browser have it. */
export function actionForKey(event: KeyboardEvent): EditorAction | undefined {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'g') return event.shiftKey ? 'ungroup' : 'group';
    const withMod: Record<string, EditorAction> = { y: 'redo', a: 'select-all', c: 'copy', x: 'cut', v: 'paste', d: 'duplicate' };
    return withMod[key];
  }
  if (key === 'ContextMenu' || (event.shiftKey && key === 'F10')) return 'context-menu';
  // By code, not key: Alt changes the character a letter types (Option+Shift+L is "Ò" on a Mac).
  if (event.altKey) return event.shiftKey && event.code === 'KeyL' ? 'tidy-up' : undefined;
  const direction = ARROWS[key];
  if (direction) return event.shiftKey ? `nudge-${direction}` : `focus-${direction}`;
  const plain: Record<string, EditorAction> = {
    Delete: 'delete',
    Backspace: 'delete',
    Escape: 'escape',
    '+': 'zoom-in',
    '=': 'zoom-in',
    '-': 'zoom-out',
    '0': 'fit-view',
    '/': 'quick-add',
    c: 'connect',
    e: 'next-edge',
    i: 'toggle-inspector',
    Enter: 'toggle-select',
    ' ': 'toggle-select',
  };
  return plain[key];
}

export const DIRECTION_VECTORS: Record<Direction, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/** The nearest point in a direction: distance along it, with sideways drift weighing double. */
export function nearestInDirection<T extends { x: number; y: number }>(from: { x: number; y: number }, direction: Direction, candidates: Iterable<[string, T]>): string | undefined {
  const v = DIRECTION_VECTORS[direction];
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [id, p] of candidates) {
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const along = dx * v.x + dy * v.y;
    if (along <= 0) continue;
    const score = along + 2 * Math.abs(dx * v.y - dy * v.x);
    if (score < bestScore) [best, bestScore] = [id, score];
  }
  return best;
}
