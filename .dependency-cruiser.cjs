// @ts-check
/**
 * `npm run lint`: no module imports from a later stage of the pipeline (the ordered list of layers in
 * scripts/pipeline-layers.cjs), every module of src/ is in a layer, and no modules import each other.
 */
const { LAYERS, pathsOf } = require('./scripts/pipeline-layers.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, index) => ({
      name: `${layer.name}-imports-later-layer`,
      comment: `${layer.name} comes before ${LAYERS.slice(index + 1)
        .map((later) => later.name)
        .join(', ')} in the pipeline and may not import from them (see docs/architecture.md).`,
      severity: 'error',
      from: { path: pathsOf([layer]) },
      to: { path: pathsOf(LAYERS.slice(index + 1)) },
    })),
    {
      name: 'not-in-a-layer',
      comment:
        'Every module under src/ belongs to one layer of the pipeline: add its folder to LAYERS in .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: '^src/', pathNot: pathsOf(LAYERS) },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be read, tested or layered one at a time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
