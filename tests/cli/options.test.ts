/**
 * Options are typed from the one table that declares them: the type check (`npm test` runs tsc
 * over the tests) fails here when a command's options stop matching what commander hands over.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { OPTIONS, type OptionValues } from '../../src/cli/options.js';
import type { FormatName } from '../../src/report/index.js';

describe('the option table', () => {
  it('types each option as commander parses it', () => {
    type Check = OptionValues<'format' | 'output' | 'maxDepth' | 'set' | 'watch'>;
    expectTypeOf<Check['format']>().toEqualTypeOf<FormatName>();
    expectTypeOf<Check['output']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Check['maxDepth']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Check['set']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<Check['watch']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<OptionValues<'simulateFormat'>['format']>().toEqualTypeOf<'text' | 'json'>();
    expectTypeOf<OptionValues<'callers'>['callers']>().toEqualTypeOf<number>();
  });

  it('gives every command only options it declares, and each long flag once per command', () => {
    for (const command of COMMANDS) {
      const longs = command.options.map((name) => /--([a-z-]+)/.exec(OPTIONS[name].flags)?.[1]);
      expect(new Set(longs).size, command.name).toBe(longs.length);
    }
  });
});
