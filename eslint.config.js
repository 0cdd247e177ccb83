import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first (docs/architecture.md). A folder imports its own layer and
 * the ones below it, never one above or beside it: the rule below fails any other import.
 */
const LAYERS = [
  ['util'],
  ['naming'],
  ['archive'],
  ['iris'],
  ['ipm'],
  ['oci'],
  ['pipeline'],
  ['workflow'],
  ['action', 'cli'],
];

function layerRules() {
  return LAYERS.flat().map((folder) => {
    const rank = LAYERS.findIndex((layer) => layer.includes(folder));
    const above = LAYERS.slice(rank)
      .flat()
      .filter((other) => other !== folder);
    const target = `^(?:\\.\\./)+(?:${above.join('|')})(?:/|\\.js$)`;
    const message = `src/${folder} may not import from ${above.map((a) => `src/${a}`).join(', ')}: they are above it or beside it in the layer order (docs/architecture.md). Move what both need down a layer, or pass it in.`;
    return {
      files: [`src/${folder}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', { patterns: [{ regex: target, message }] }],
        'no-restricted-syntax': [
          'error',
          { selector: `ImportExpression[source.value=/${target.replace(/\//g, '\\/')}/]`, message },
        ],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'examples/**/*.tgz'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerRules(),
);
