import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Data flows one way (docs/architecture.md): planning, views, delivery and the domain never
    // depend on the Teams transport.
    files: [
      'src/domain/**',
      'src/app/**',
      'src/store/**',
      'src/views/**',
      'src/scheduler/**',
      'src/outbox/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/teams/*', 'botbuilder', '@microsoft/teams-ai'],
              message: 'Only src/teams talks to Teams.',
            },
          ],
        },
      ],
    },
  },
);
