import { ArrowUpDown, Braces, Calculator, ChartColumn, ClipboardPaste, Clock, Columns3, CopyMinus, Dices, Download, FileText, FileUp, FingerprintPattern, Funnel, Globe, Grid3x3, Group, Link, Merge, ScrollText, Send, ShieldCheck, Sigma, Split, StickyNote, Table, Table2, Timer, Variable, Box } from './lucide.js';
import type { IconShape, NodeIcon } from '../../core/icon.js';
import { renderIcon } from './icon.js';

/**
 * The icon set that manifests name (`icon: 'funnel'`): the Lucide icons of the built-in
 * node types. Only the palette's chunk imports it, so none of it loads before first paint.
 * A pack that wants another picture brings the geometry itself (see `NodeIcon`).
 */
export const NODE_ICONS: Readonly<Record<string, readonly IconShape[]>> = {
  'arrow-up-down': ArrowUpDown,
  'braces': Braces,
  'calculator': Calculator,
  'chart-column': ChartColumn,
  'clipboard-paste': ClipboardPaste,
  'clock': Clock,
  'columns-3': Columns3,
  'copy-minus': CopyMinus,
  'dices': Dices,
  'download': Download,
  'file-text': FileText,
  'file-up': FileUp,
  'fingerprint-pattern': FingerprintPattern,
  'funnel': Funnel,
  'globe': Globe,
  'grid-3x3': Grid3x3,
  'group': Group,
  'link': Link,
  'merge': Merge,
  'scroll-text': ScrollText,
  'send': Send,
  'shield-check': ShieldCheck,
  'sigma': Sigma,
  'split': Split,
  'sticky-note': StickyNote,
  'table': Table,
  'table-2': Table2,
  'timer': Timer,
  'variable': Variable,
} as unknown as Record<string, readonly IconShape[]>;

/** Shown for a name the set does not have, and for a manifest with no icon. */
export const FALLBACK_ICON = Box as unknown as readonly IconShape[];

/** The geometry to draw for a manifest's `icon`. */
export function nodeIconShapes(icon: NodeIcon | undefined): readonly IconShape[] {
  if (Array.isArray(icon)) return icon;
  return (typeof icon === 'string' && Object.hasOwn(NODE_ICONS, icon) ? NODE_ICONS[icon] : undefined) ?? FALLBACK_ICON;
}

/** A manifest's icon as inline SVG, as the palette's items show it. */
export const renderNodeIcon = (icon: NodeIcon | undefined) => renderIcon(nodeIconShapes(icon));
