import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads'];

/** Deep relative imports are written with the layer's path alias (`node scripts/codemods/alias-imports.mjs` rewrites them). */
const DEEP_RELATIVE = { regex: '^(\\.\\./){3,}', message: '跨三层以上的相对路径请改用路径别名（@shared/…、@core/…），可运行 scripts/codemods/alias-imports.mjs。' };
/** Aliases of the layers above the pure ones (tsconfig `paths` of test/ and electron/). */
const NODE_LAYER_ALIASES = ['@core', '@core/**', '@cli', '@cli/**', '@web', '@web/**', '@main', '@main/**', '@test', '@test/**'];

/** electron/core, cli and web run in plain Node, below the UI and the desktop shell. */
const NODE_SIDE_PATTERNS = [
  DEEP_RELATIVE,
  { group: ['electron'], message: 'electron/core、cli、web 必须能在纯 Node 中运行，不能导入 electron。' },
  { group: ['**/renderer/**', '**/electron/main/**', '../main/*', '@main', '@main/**', '@test', '@test/**'], message: '核心不能依赖界面或桌面外壳。' },
];

/** Layers (STYLE.md): shared is pure, renderer is browser-only, electron/core never touches Electron. */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'build/**', 'release/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: each TypeScript file is linted with the tsconfig of its layer (found by the
    // TypeScript project service). A promise nobody awaits loses its error (an import that fails
    // silently, a decision that is never saved), so every promise is awaited, returned or marked `void`.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: '请使用具名导出（named export）。' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // Chinese text legitimately uses the ideographic space (U+3000) inside strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'shared/ 是纯 TypeScript，不能使用 Node 模块。' },
            DEEP_RELATIVE,
            { group: ['electron', '**/electron/**', '**/renderer/**', ...NODE_LAYER_ALIASES], message: 'shared/ 不能依赖 electron/ 或 renderer/。' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: '界面代码运行在沙箱中，不能使用 Node 模块。' },
            DEEP_RELATIVE,
            { group: ['electron', '**/electron/**', ...NODE_LAYER_ALIASES], message: '界面只能通过 window.api 调用应用功能。' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: NODE_SIDE_PATTERNS }],
    },
  },
  {
    // The core is what the CLI, the worker and the web bridge stand on; it never reaches up into the
    // CLI, and the libraries of the sample generator (electron/cli/sample) stay out of it.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/reports/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...NODE_SIDE_PATTERNS,
            { group: ['**/cli', '**/cli/**', '@cli', '@cli/**'], message: 'electron/core 不能依赖命令行（electron/cli）。' },
            { group: ['yazl', 'pdfkit'], message: '示例材料包的生成在 electron/cli/sample；核心只在 electron/core/reports 中生成 PDF 报告。' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DEEP_RELATIVE] }] },
  },
  {
    files: ['*.config.{ts,js}', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
