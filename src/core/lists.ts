/**
 * Appends `item` to the list at `key`. Short lists are copied at their exact size (`concat`):
 * `push` or a spread would make room for 17 or more (V8 grows an array by half plus 16), and
 * these lists, one per node or grid cell, mostly hold one to four items. `grow`: push
 * whenever there is a list, for a caller filling many lists that trims them afterwards.
 */
export function addTo<K, T>(lists: Map<K, T[]>, key: K, item: T, grow = false): void {
  const list = lists.get(key) ?? [];
  if (list.length > (grow ? 0 : 16)) list.push(item);
  else lists.set(key, list.concat([item]));
}

/** Takes `item` out of the list at `key`, and the list out of `lists` once it is empty. */
export function removeFrom<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const list = lists.get(key) ?? [];
  const at = list.indexOf(item);
  if (at !== -1) list.splice(at, 1);
  if (!list.length) lists.delete(key);
}
