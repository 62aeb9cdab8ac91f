import type { CSSResult } from 'lit';

/** Adds a stylesheet to a shadow root once: for styles that arrive with a lazily loaded chunk. */
export function adoptStyles(root: Node, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!sheet || !(root instanceof ShadowRoot) || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
