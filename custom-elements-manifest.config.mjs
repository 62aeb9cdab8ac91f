export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/types/**'],
  outdir: '.',
  litelement: true,
  dev: false,
};
