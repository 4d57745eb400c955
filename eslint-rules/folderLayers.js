// Layers inside a folder tree, checked on the resolved path of every relative import (VS Code's
// code-layering rule is the model). Glob patterns in no-restricted-imports see only the import's text,
// and `../sync/x` from core/store and `./sync/x` inside it look alike, so each import is resolved first.
import { dirname, relative, resolve, sep } from 'node:path';

/** The first layer whose folder holds this path (folders relative to the working directory). */
function layerOf(path, layers) {
  const rel = relative(process.cwd(), path).split(sep).join('/');
  return layers.find((layer) => rel === layer.folder || rel.startsWith(`${layer.folder}/`));
}

/** @type {import('eslint').Rule.RuleModule} */
export const folderLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports go only to the layers a folder may use.' },
    schema: [
      {
        type: 'object',
        properties: {
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                folder: { type: 'string' },
                mayImport: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['folder', 'mayImport', 'message'],
            },
          },
        },
        required: ['layers'],
      },
    ],
  },
  create(context) {
    const { layers } = context.options[0];
    const from = layerOf(resolve(context.filename), layers);
    if (!from) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = layerOf(resolve(dirname(resolve(context.filename)), source.value), layers);
      if (!to || to === from || from.mayImport.includes(to.folder)) return;
      context.report({ node: source, message: `${from.message} (imports ${to.folder})` });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
