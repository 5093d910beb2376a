// The house's layering, checked by dependency-cruiser (`make lint`, `make check`; proved to
// bite by test/lambda/layering.test.ts). The house reads one way: http, generate and the
// dialects may use render and qr; render (the image formats) uses only the QR core; the QR
// core uses only itself; the input layer (every option's and field's
// reader) uses only the errors it reports and the QR core's capacity; the payload builders
// use only themselves, the input layer and the errors they report. The page's browser code
// (lambda/page/client) uses only itself and the pure tables the page's markup is made from,
// and nothing on the server uses it. The local stack stands beside the function and takes nothing
// from it: it runs whatever bundle it is given. The stand-in provider takes nothing from the
// builder or the schema generator beside it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'local-not-lambda',
      comment: 'local/ emulates AWS for any function: it imports nothing from lambda/.',
      severity: 'error',
      from: { path: '^local/' },
      to: { path: '^lambda/' },
    },
    {
      name: 'qr-alone',
      comment: 'lambda/qr, the QR core, imports only itself.',
      severity: 'error',
      from: { path: '^lambda/qr/' },
      to: { pathNot: '^lambda/qr/' },
    },
    {
      name: 'render-on-qr',
      comment: 'lambda/render, the image formats, imports only itself, the QR core and node:zlib.',
      severity: 'error',
      from: { path: '^lambda/render/' },
      to: { pathNot: ['^lambda/render/', '^lambda/qr/', '^zlib$'] },
    },
    {
      name: 'input-alone',
      comment: 'lambda/input, the one input layer, imports only itself, the errors it reports and the QR core.',
      severity: 'error',
      from: { path: '^lambda/input/' },
      to: { pathNot: ['^lambda/input/', '^lambda/errors\\.ts$', '^lambda/describe\\.ts$', '^lambda/qr/'] },
    },
    {
      name: 'payload-alone',
      comment: 'lambda/payload, the payload builders, imports only itself, the input layer and the errors it reports.',
      severity: 'error',
      from: { path: '^lambda/payload/' },
      to: { pathNot: ['^lambda/payload/', '^lambda/input/', '^lambda/errors\\.ts$', '^lambda/describe\\.ts$'] },
    },
    {
      name: 'page-client-alone',
      comment:
        'lambda/page/client, the browser code of the page, imports only itself and the pure tables the markup is made from (builders, style-options).',
      severity: 'error',
      from: { path: '^lambda/page/client/' },
      to: { pathNot: ['^lambda/page/client/', '^lambda/page/builders\\.ts$', '^lambda/page/style-options\\.ts$'] },
    },
    {
      name: 'page-client-in-the-browser',
      comment: 'Nothing on the server imports the browser code: the build bundles it into the page (lambda/page/html.ts).',
      severity: 'error',
      from: { pathNot: '^lambda/page/client/' },
      to: { path: '^lambda/page/client/' },
    },
    {
      name: 'page-tables-pure',
      comment: 'The tables the server and the browser share (lambda/page/builders, style-options) import nothing.',
      severity: 'error',
      from: { path: '^lambda/page/(builders|style-options)\\.ts$' },
      to: {},
    },
    {
      name: 'function-stands-alone',
      comment: 'The function is deployed alone: lambda/ imports nothing from local/, test/, bench/ or scripts/.',
      severity: 'error',
      from: { path: '^lambda/' },
      to: { path: '^(local|test|bench|scripts)/' },
    },
    {
      name: 'tests-are-leaves',
      comment: 'Nothing but the tests imports from test/: what a script or the benchmark shares with them lives outside it.',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'standin-provider-alone',
      comment:
        'The stand-in provider, which Terraform starts as its bundle, imports nothing of the builder or of the schema generator (which runs npm).',
      severity: 'error',
      from: { path: '^local/terraform/standin/provider/' },
      to: { path: '^local/terraform/standin/(build\\.ts$|schema-generator/)' },
    },
    {
      name: 'no-dev-deps-in-the-bundle',
      comment: 'What lambda/ imports is bundled: only packages in "dependencies" (types excepted).',
      severity: 'error',
      from: { path: '^lambda/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'No module imports itself through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or a package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` lines count too: a type from another layer is a dependency on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
