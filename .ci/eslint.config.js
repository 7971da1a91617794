// ESLint flat config. Lives in .ci/ to keep the top level of the repository to the agreed set of files.
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';

export default tseslint.config(
  { basePath: fileURLToPath(new URL('..', import.meta.url)) },
  {
    ignores: ['node_modules/**', '.output/**', '.wxt/**', 'test-results/**', 'playwright-report/**', 'tests/e2e/.artifacts/**', 'demo-screenshots/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML'][parent.type='AssignmentExpression']", message: 'Do not assign innerHTML: render with preact or DOM APIs.' },
      ],
    },
  },
);
