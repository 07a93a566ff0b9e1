import { AppError, isAppError } from '../../shared/api/errors';
import type { Envelope } from '../../shared/api/envelope';
import { apiContract, isMethodName, type Api, type ApiHandlers, type MethodName } from '../../shared/api/contract';
import { describeIssues, safeParseInChinese } from '../../shared/api/validation-message';
import type { Logger } from './logger';
import { machineError } from './machine-errors';

/**
 * The single entry every transport goes through: checks the method name, validates the input
 * against the contract, runs the handler and answers an envelope. Failures of the machine (disk
 * full, database busy …) are named; unexpected ones are logged with their stack and reach the
 * caller as a Chinese message without internals.
 */
export async function dispatch(handlers: ApiHandlers, method: string, rawInput: unknown, logger: Logger): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `没有名为「${method}」的功能` } };
  }
  const spec = apiContract[method];
  const parsed = safeParseInChinese(spec.input, rawInput ?? {});
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues);
    return {
      ok: false,
      error: { code: 'BAD_INPUT', message: `输入有误：${problems.join('；')}`, details: problems },
    };
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value: unknown = await handler(parsed.data);
    return { ok: true, value: spec.output.parse(value) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.toBody() };
    const machine = machineError(error);
    if (machine) {
      logger.error(`「${method}」未能完成：${machine.message}`, { error: error instanceof Error ? error.stack : String(error) });
      return { ok: false, error: machine };
    }
    logger.error(`「${method}」执行失败`, { error: error instanceof Error ? error.stack : String(error) });
    return { ok: false, error: { code: 'INTERNAL', message: '操作未能完成（程序内部错误），详情已写入日志' } };
  }
}

/** The API as a plain object for in-process callers (CLI, tests): same validation, errors thrown. */
export function createDirectApi(handlers: ApiHandlers, logger: Logger): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(apiContract) as MethodName[]) {
    api[method] = async (input: unknown) => {
      const envelope = await dispatch(handlers, method, input, logger);
      if (envelope.ok) return envelope.value;
      throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
    };
  }
  return api as unknown as Api;
}

/** How a transport reaches the API: in this process (tests, CLI) or in the core's worker thread. */
export type ApiInvoker = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export function inProcessInvoker(handlers: ApiHandlers, logger: Logger): ApiInvoker {
  return (method, input) => dispatch(handlers, method, input, logger);
}
