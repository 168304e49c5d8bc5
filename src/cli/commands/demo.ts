import { Command } from '../command';
import { withStore } from '../storeAccess';
import { loadDemo } from '../../demo/load';
import { localDateOf } from '../../domain/calendar';

export const demo: Command = {
  usage: 'demo',
  summary: 'load the fictional demo municipality into the configured store',
  async run(_args, ctx) {
    return withStore(ctx, 'demo', async (store) => {
      const result = await loadDemo(store, localDateOf(ctx.clock.now(), 'Europe/Copenhagen'));
      ctx.out(result.lines.join('\n'));
      return 0;
    });
  },
};
