import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: integration files each start real servers and containers.
    maxWorkers: 2,
    reporters: ['default'],
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
