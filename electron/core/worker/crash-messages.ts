import type { ApiErrorBody } from '@shared/api/errors';

/** What the reviewer was doing, in their words, for the methods that can take the core down. */
const ACTIVITY: Record<string, string> = {
  importPackage: '处理材料包时',
  startImport: '处理材料包时',
  getAttachment: '打开附件时',
  exportVerificationWorkbook: '导出核验明细表时',
  exportBatchWorkbook: '导出评审表格时',
  verifyBatch: '核验发票时',
};

export function isHeavyMethod(method: string): boolean {
  return method in ACTIVITY;
}

/**
 * The cause of a thread's death in Chinese; the technical error goes to the log, not on screen.
 */
export function describeCrash(error: unknown, exitCode: number): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return '内存不足，材料可能过大或已损坏';
  if (error) return '遇到无法处理的数据，材料可能已损坏（详情已写入日志）';
  return `程序核心异常退出（退出码 ${String(exitCode)}，详情已写入日志）`;
}

/**
 * The answer to a call that was running when the thread died. The call blamed for the death carries
 * the full explanation; other calls caught in it say only that they must be repeated.
 */
export function interruptedCallError(method: string, cause: string, blamed: boolean): ApiErrorBody {
  return blamed
    ? { code: 'CORE_RESTARTED', message: `${ACTIVITY[method] ?? ''}程序核心意外停止，已自动重启；本次操作未完成：${cause}` }
    : { code: 'CORE_RESTARTED', message: '程序核心刚刚重新启动，本次操作未完成，请重试' };
}

export function stoppedForGoodError(cause: string): ApiErrorBody {
  return {
    code: 'CORE_RESTARTED',
    message: `程序核心多次意外停止，已停止自动重启（最近一次：${cause}）。请关闭技改评审后重新打开；已保存的内容不会丢失`,
  };
}
