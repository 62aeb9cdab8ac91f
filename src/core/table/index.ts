/** The columnar table: see `column-table.ts`. */
export * from './column-table.js';
export * from './encode.js';
export * from './cursor.js';
