/**
 * What the inspector dock remembers between visits: its width beside the canvas, its height
 * as a bottom sheet, and whether the person collapsed it. Kept in `localStorage` (small,
 * synchronous, so the dock opens at its size in its first frame); storage that is missing,
 * full or refused only means the dock forgets.
 */
export interface DockMemory {
  width?: number;
  height?: number;
  /** Absent until the person opens or collapses the dock themselves. */
  collapsed?: boolean;
}

const PREFIX = 'v2u-inspector';

/** One entry per editor `storage-key`, and one shared by the editors without a key. */
export function dockKey(storageKey: string | undefined): string {
  return storageKey ? `${PREFIX}:${storageKey}` : PREFIX;
}

/** The remembered sizes and state; anything of the wrong type is dropped, never trusted. */
export function readDock(key: string): DockMemory {
  let saved: Record<string, unknown>;
  try {
    saved = Object(JSON.parse(localStorage.getItem(key) ?? '{}'));
  } catch {
    return {};
  }
  const size = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);
  const memory: DockMemory = { width: size(saved.width), height: size(saved.height) };
  if (typeof saved.collapsed === 'boolean') memory.collapsed = saved.collapsed;
  return memory;
}

export function writeDock(key: string, memory: DockMemory): void {
  try {
    localStorage.setItem(key, JSON.stringify(memory));
  } catch {
    // Storage refused (private mode, quota): the dock keeps its state for this visit only.
  }
}
