import { methodNames, type Api } from '@shared/api/contract';
import type { Envelope } from '@shared/api/envelope';
import { AppError } from '@shared/api/errors';

/** The typed API for React code: unwraps envelopes from window.api and throws AppError on failure. */
function createClient(): Api {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of methodNames) {
    client[method] = async (input: unknown) => {
      const bridge = window.api;
      if (!bridge) throw new AppError('INTERNAL', '应用接口未就绪');
      const call = bridge[method] as (input: unknown) => Promise<Envelope<unknown>>;
      const envelope = await call(input);
      if (envelope.ok) return envelope.value;
      throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
    };
  }
  return client as unknown as Api;
}

export const api = createClient();
