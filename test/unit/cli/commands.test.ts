import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands/index.js';

describe('ipm-db command list', () => {
  it('has unique names', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(commands.map((c) => [c.name, c] as const))(
    'lists "%s" with the name and summary its module declares',
    async (_name, listing) => {
      const command = await listing.load();
      expect(command.name).toBe(listing.name);
      expect(command.summary).toBe(listing.summary);
      expect(command.usage).toContain(listing.name);
    },
  );
});
