// A rollup plugin that squeezes the whitespace and comments out of Lit `css` tagged
// templates, which terser leaves as they are, drops the quotes around attribute values
// that are plain names (`[data-side='in']` is `[data-side=in]`) and the zero before a
// decimal point (`0.6` is `.6`). Interpolations (`${...}`) are kept intact.

const CSS_TEMPLATE = /\bcss\s*`([^`]*)`/g;

export function minifyCss(text) {
  return text
    .split(/(\$\{[^}]*\})/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}')
            .replace(/\[([\w-]+)=(['"])(-?[A-Za-z_][\w-]*)\2\]/g, '[$1=$3]')
            .replace(/([\s:,/])0\.(\d)/g, '$1.$2'),
    )
    .join('')
    .trim();
}

export function minifyCssTemplates() {
  return {
    name: 'v2u-minify-css',
    transform(code, id) {
      if (!id.endsWith('.js') || !CSS_TEMPLATE.test(code)) return null;
      CSS_TEMPLATE.lastIndex = 0;
      return { code: code.replace(CSS_TEMPLATE, (_, body) => `css\`${minifyCss(body)}\``), map: null };
    },
  };
}
