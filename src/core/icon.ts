/**
 * A node type's icon, as a manifest carries it: either the name of an icon in the editor's
 * set (kebab-case, e.g. `"funnel"`), or the icon's own geometry as data: a list of SVG
 * shapes drawn on a 24×24 stroke grid, `[tag, attributes]` (the format of Lucide's icon
 * nodes). Geometry is data, never markup: only the shapes and attributes below are drawn,
 * each attribute set as a value, so a pack's icon cannot inject elements or handlers.
 *
 * @example
 * icon: 'funnel'
 * icon: [['circle', { cx: 12, cy: 12, r: 9 }], ['path', { d: 'M8 12h8' }]]
 */
export type NodeIcon = string | readonly IconShape[];

/** One shape of an icon's geometry: `['path', { d: 'M4 12h16' }]`. */
export type IconShape = readonly [tag: IconTag, attributes: Readonly<Record<string, string | number>>];

/** The SVG shapes an icon may draw; the renderer binds each shape's own geometry attributes only. */
export const ICON_TAGS = ['path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon'] as const;
/** Every geometry attribute a shape may carry. */
const ATTRIBUTES = 'd cx cy r rx ry x y width height x1 y1 x2 y2 points'.split(' ');

/** The SVG elements a pack's own icon may use: shapes only, never script, image or foreignObject. */
export type IconTag = (typeof ICON_TAGS)[number];

const NAME = /^[a-z][a-z0-9-]{0,63}$/;
/** Numbers, path commands and separators: no quotes, brackets or `url(`. */
const GEOMETRY = /^[\d\sa-zA-Z.,+-]{0,4000}$/;

/**
 * Whether a manifest's `icon` is a name or drawable geometry. Kept small: manifests are
 * validated while the library loads (a lazy chunk, with `validateManifest`). (The palette
 * draws only allowed shapes anyway.)
 */
export const validIcon = (icon: unknown): boolean =>
  typeof icon === 'string' ? NAME.test(icon) : Array.isArray(icon) && icon.length > 0 && icon.length <= 32 && icon.every(drawable);

function drawable(shape: unknown): boolean {
  const [tag, attributes] = Array.isArray(shape) ? shape : [];
  return ICON_TAGS.includes(tag) && typeof attributes === 'object' && !!attributes &&
    Object.entries(attributes).every(([key, value]) => ATTRIBUTES.includes(key) && (typeof value === 'number' ? isFinite(value) : typeof value === 'string' && GEOMETRY.test(value)));
}
