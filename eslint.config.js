// One linter for the whole tree, with the import rules between folders written down:
// - contracts/ is the source of truth and imports nothing of ours;
// - lib/ (HTTP client, config, secrets) imports contracts/ only;
// - mock/ never imports specs/ (nor the suite's fixtures other than the world file);
// - fixtures/ never imports specs/ or mock/; specs/ never import mock/.
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'reports/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'max-len': [
        'error',
        { code: 100, ignoreUrls: true, ignoreStrings: false, ignoreRegExpLiterals: true },
      ],
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-empty-pattern': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './contracts',
              from: ['./lib', './mock', './fixtures', './specs', './cli', './tests'],
            },
            { target: './lib', from: ['./mock', './fixtures', './specs', './cli', './tests'] },
            { target: './mock', from: ['./specs', './cli', './tests'] },
            { target: './mock', from: './fixtures', except: ['./world.ts', './world.json'] },
            { target: './fixtures', from: ['./specs', './mock', './cli', './tests'] },
            { target: './specs', from: ['./mock', './cli', './tests'] },
          ],
        },
      ],
    },
  },
);
