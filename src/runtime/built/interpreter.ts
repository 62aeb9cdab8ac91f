import { isBuiltType, type BuiltNodeType } from '../../core/built-type.js';
import type { NodeResolver, ResolvedNode } from '../../core/engine/types.js';
import { builtLogicUrl } from './built-logic-url.js';

/** What the engine runs a builder-made type as: its manifest (logic included) and the interpreter module. */
export function builtRecipe(type: BuiltNodeType, moduleUrl = builtLogicUrl()): ResolvedNode {
  return { manifest: type, moduleUrl };
}

/**
 * `resolve` with builder-made types (their manifest carries the logic) run on this build's
 * interpreter module, whatever their registry entry says: a type stored by an older version
 * of the editor names no chunk of this one (entries say `v2u:built`).
 */
export function withInterpreter(resolve: NodeResolver, moduleUrl = builtLogicUrl()): NodeResolver {
  return (type) => {
    const found = resolve(type);
    return found && isBuiltType(found.manifest) ? { ...found, moduleUrl } : found;
  };
}
