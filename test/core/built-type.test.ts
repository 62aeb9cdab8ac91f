import { expect } from '@open-wc/testing';
import { builtManifest, builtSubflow, isBuiltType, type BuiltNodeType } from '../../src/core/built-type.js';
import { ErrorCodes, type V2uError } from '../../src/core/errors.js';
import { validateBuiltType } from '../../src/core/validate-built-type.js';
import { addTen, lineTotal } from '../fixtures/built-types.js';

function failure(value: unknown): V2uError {
  try {
    validateBuiltType(value);
  } catch (error) {
    return error as V2uError;
  }
  throw new Error('expected validateBuiltType to throw');
}

const patched = (base: BuiltNodeType, edit: (t: BuiltNodeType) => void): BuiltNodeType => {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
};

describe('built node types', () => {
  it('accepts valid expression and subflow types and returns them typed', () => {
    expect(validateBuiltType(lineTotal()).type).to.equal('shop/line-total');
    expect(validateBuiltType(addTen()).logic.kind).to.equal('subflow');
    expect(isBuiltType(lineTotal())).to.equal(true);
    expect(isBuiltType(builtManifest(lineTotal())), 'the manifest carries no logic').to.equal(false);
    expect(builtSubflow(addTen())).to.include({ id: 'shop/add-ten', title: 'Add ten', version: 1 });
  });

  it('names the JSON path of the field at fault', () => {
    const cases: Array<[BuiltNodeType | unknown, string, string]> = [
      [patched(lineTotal(), (t) => (t.inputs.price.type = 'money')), '$.inputs.price.type', ErrorCodes.badDefinition],
      [patched(lineTotal(), (t) => (t.inputs['unit price'] = { type: 'decimal' })), '$.inputs["unit price"].type', ErrorCodes.badDefinition],
      [patched(lineTotal(), (t) => (t.title = ' ')), '$.title', ErrorCodes.badDefinition],
      [patched(lineTotal(), (t) => (t.type = 'No Slash')), '$.type', ErrorCodes.badDefinition],
      [patched(lineTotal(), (t) => delete (t.logic as { outputs: Record<string, string> }).outputs.total), '$.logic.outputs.total', ErrorCodes.badExpression],
      [patched(lineTotal(), (t) => ((t.logic as { outputs: Record<string, string> }).outputs.total = 'price * (')), '$.logic.outputs.total', ErrorCodes.badExpression],
      [patched(lineTotal(), (t) => ((t.logic as { outputs: Record<string, string> }).outputs.extra = '1')), '$.logic.outputs.extra', ErrorCodes.missingPort],
      [patched(lineTotal(), (t) => ((t.logic as { kind: string }).kind = 'script')), '$.logic.kind', ErrorCodes.badDefinition],
      [patched(lineTotal(), (t) => (t.config = { $logic: { type: 'json' } })), '$.config["$logic"]', ErrorCodes.badDefinition],
      [patched(lineTotal(), (t) => (t.config!.mode = { type: 'enum' })), '$.config.mode.options', ErrorCodes.badDefinition],
      [patched(addTen(), (t) => (t.inputs.value.type = 'string')), '$.logic.subflow.inputs[0].type', ErrorCodes.typeMismatch],
      [patched(addTen(), (t) => (t.outputs = { total: { type: 'number' } })), '$.logic.subflow.outputs[0].name', ErrorCodes.missingPort],
      [patched(addTen(), (t) => (t.inputs.extra = { type: 'number' })), '$.inputs.extra', ErrorCodes.missingPort],
      [patched(addTen(), (t) => ((t.logic as { subflow: { outputs: { from: unknown }[] } }).subflow.outputs[0].from = { node: 'nope', port: 'x' })), '$.logic.subflow.outputs[0].from', ErrorCodes.missingNode],
      [patched(addTen(), (t) => ((t.logic as { subflow: { nodes: { type: string }[] } }).subflow.nodes[0].type = 'shop/add-ten')), '$.logic.subflow.nodes[0].type', ErrorCodes.cycle],
      ['not an object', '$', ErrorCodes.badDefinition],
    ];
    for (const [value, path, code] of cases) {
      const error = failure(value);
      expect(error.name, path).to.equal('V2uError');
      expect(error.path, `${path}: ${error.message}`).to.equal(path);
      expect(error.code, path).to.equal(code);
      if (path !== '$') expect(error.message, 'the message names the field').to.contain(path);
    }
  });

  it('quotes the expression and where it breaks', () => {
    const error = failure(patched(lineTotal(), (t) => ((t.logic as { outputs: Record<string, string> }).outputs.total = 'price * (')));
    expect(error.message).to.contain('"price * ("').and.to.match(/position \d+/);
  });
});
