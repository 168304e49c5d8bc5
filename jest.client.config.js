/**
 * The real-client suite (npm run test:client): Samspil, the Agents Playground and headless Chromium,
 * one role per file, run one at a time (they are whole processes on a 2-core machine).
 */
/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/client'],
  testMatch: ['**/*.test.ts'],
  // Whole processes (the server, the Playground, Chromium, scheduler passes) on a shared 2-core machine.
  testTimeout: 180000,
  globalSetup: '<rootDir>/test/client/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/client/support/globalTeardown.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
