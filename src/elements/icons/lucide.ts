/**
 * The Lucide icons V2U draws, each imported from its own module. Lucide's index imports
 * all of its ~2,000 icons: a bundler keeps only these, but an unbundled load (the test
 * server, an import map, a dev server without pre-bundling) fetched every one, about 20 s
 * on the editing code's first load here. Import icons from this module, not from Lucide's index.
 */
export { default as ArrowUpDown } from 'lucide/dist/esm/icons/arrow-up-down.mjs';
export { default as Box } from 'lucide/dist/esm/icons/box.mjs';
export { default as Boxes } from 'lucide/dist/esm/icons/boxes.mjs';
export { default as Braces } from 'lucide/dist/esm/icons/braces.mjs';
export { default as Calculator } from 'lucide/dist/esm/icons/calculator.mjs';
export { default as ChartColumn } from 'lucide/dist/esm/icons/chart-column.mjs';
export { default as ChevronDown } from 'lucide/dist/esm/icons/chevron-down.mjs';
export { default as ChevronRight } from 'lucide/dist/esm/icons/chevron-right.mjs';
export { default as ClipboardPaste } from 'lucide/dist/esm/icons/clipboard-paste.mjs';
export { default as Clock } from 'lucide/dist/esm/icons/clock.mjs';
export { default as Columns3 } from 'lucide/dist/esm/icons/columns-3.mjs';
export { default as CopyMinus } from 'lucide/dist/esm/icons/copy-minus.mjs';
export { default as Dices } from 'lucide/dist/esm/icons/dices.mjs';
export { default as Download } from 'lucide/dist/esm/icons/download.mjs';
export { default as FileText } from 'lucide/dist/esm/icons/file-text.mjs';
export { default as FileUp } from 'lucide/dist/esm/icons/file-up.mjs';
export { default as FingerprintPattern } from 'lucide/dist/esm/icons/fingerprint-pattern.mjs';
export { default as FlaskConical } from 'lucide/dist/esm/icons/flask-conical.mjs';
export { default as FolderOpen } from 'lucide/dist/esm/icons/folder-open.mjs';
export { default as Funnel } from 'lucide/dist/esm/icons/funnel.mjs';
export { default as Globe } from 'lucide/dist/esm/icons/globe.mjs';
export { default as Grid3x3 } from 'lucide/dist/esm/icons/grid-3x3.mjs';
export { default as Group } from 'lucide/dist/esm/icons/group.mjs';
export { default as Import } from 'lucide/dist/esm/icons/import.mjs';
export { default as Link } from 'lucide/dist/esm/icons/link.mjs';
export { default as Magnet } from 'lucide/dist/esm/icons/magnet.mjs';
export { default as Maximize } from 'lucide/dist/esm/icons/maximize.mjs';
export { default as Merge } from 'lucide/dist/esm/icons/merge.mjs';
export { default as Network } from 'lucide/dist/esm/icons/network.mjs';
export { default as PackagePlus } from 'lucide/dist/esm/icons/package-plus.mjs';
export { default as Pencil } from 'lucide/dist/esm/icons/pencil.mjs';
export { default as Play } from 'lucide/dist/esm/icons/play.mjs';
export { default as Plus } from 'lucide/dist/esm/icons/plus.mjs';
export { default as Redo2 } from 'lucide/dist/esm/icons/redo-2.mjs';
export { default as Save } from 'lucide/dist/esm/icons/save.mjs';
export { default as ScrollText } from 'lucide/dist/esm/icons/scroll-text.mjs';
export { default as Send } from 'lucide/dist/esm/icons/send.mjs';
export { default as ShieldCheck } from 'lucide/dist/esm/icons/shield-check.mjs';
export { default as Sigma } from 'lucide/dist/esm/icons/sigma.mjs';
export { default as Split } from 'lucide/dist/esm/icons/split.mjs';
export { default as Square } from 'lucide/dist/esm/icons/square.mjs';
export { default as SquareDashed } from 'lucide/dist/esm/icons/square-dashed.mjs';
export { default as StickyNote } from 'lucide/dist/esm/icons/sticky-note.mjs';
export { default as Table } from 'lucide/dist/esm/icons/table.mjs';
export { default as Table2 } from 'lucide/dist/esm/icons/table-2.mjs';
export { default as Timer } from 'lucide/dist/esm/icons/timer.mjs';
export { default as Trash } from 'lucide/dist/esm/icons/trash.mjs';
export { default as Trash2 } from 'lucide/dist/esm/icons/trash.mjs';
export { default as Undo2 } from 'lucide/dist/esm/icons/undo-2.mjs';
export { default as Ungroup } from 'lucide/dist/esm/icons/ungroup.mjs';
export { default as Variable } from 'lucide/dist/esm/icons/variable.mjs';
export { default as X } from 'lucide/dist/esm/icons/x.mjs';
export { default as Zap } from 'lucide/dist/esm/icons/zap.mjs';
export { default as ZoomIn } from 'lucide/dist/esm/icons/zoom-in.mjs';
export { default as ZoomOut } from 'lucide/dist/esm/icons/zoom-out.mjs';
