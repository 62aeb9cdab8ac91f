// Lucide ships types for its index only; each icon module's default export is one icon's geometry.
declare module 'lucide/dist/esm/icons/*.mjs' {
  const icon: import('lucide').IconNode;
  export default icon;
}
