import type { PoolOptions } from '../../runtime/pool/pool.js';
import type { EditorHost } from './editor-host.js';

/** The shared pool the editor asks for: its worker URL, and its size (0: the main thread). */
export function poolOptions(editor: EditorHost): PoolOptions {
  const size = editor.poolSize;
  return {
    ...(editor.workerUrl ? { workerUrl: editor.workerUrl } : {}),
    ...(size === 0 ? { mode: 'main' as const, size: 1 } : size !== undefined && size > 0 ? { size } : {}),
  };
}

