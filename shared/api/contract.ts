import type { z } from 'zod';
import { appContract } from './app-contract';
import { batchesContract } from './batches-contract';
import { rulesContract } from './rules-contract';
import { auditContract, settingsContract } from './settings-contract';
import { mergeContracts } from './merge-contracts';
import { verificationContract } from './verification-contract';
import { reviewersContract } from './reviewers-contract';
import { panelContract } from './panel-contract';
import { reportsContract } from './reports-contract';
import { exportsContract } from './exports-contract';
import { checklistContract } from './checklist-contract';
import { inspectionContract } from './inspection-contract';

/**
 * The one declaration of the application API. The core implements it, IPC and the HTTP bridge
 * carry it, preload exposes it and the renderer, the CLI and the tests call it; a method added here
 * is typed everywhere. Each domain keeps its methods in its own *-contract.ts file.
 */
export const apiContract = mergeContracts(
  appContract,
  settingsContract,
  auditContract,
  batchesContract,
  rulesContract,
  verificationContract,
  reviewersContract,
  panelContract,
  reportsContract,
  exportsContract,
  checklistContract,
  inspectionContract,
);

export type ApiContract = typeof apiContract;
export type MethodName = keyof ApiContract;
export const methodNames = Object.keys(apiContract) as MethodName[];

export type ApiInput<M extends MethodName> = z.input<ApiContract[M]['input']>;
export type ApiParsedInput<M extends MethodName> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends MethodName> = z.output<ApiContract[M]['output']>;

/** What callers see (renderer, CLI, tests): every method is asynchronous. */
export type Api = { [M in MethodName]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

/** What the core implements: inputs arrive already validated. */
export type ApiHandlers = {
  [M in MethodName]: (input: ApiParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

/**
 * The query methods whose answers a call makes out of date, declared next to the method as
 * `invalidates`; the renderer's mutation helper refreshes them after a success.
 */
export function invalidatedBy(method: MethodName): readonly MethodName[] {
  const entry = apiContract[method];
  return 'invalidates' in entry ? entry.invalidates.filter(isMethodName) : [];
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

/** Channel names on IPC; a fixed prefix lets main refuse anything else. */
export const IPC_PREFIX = 'jigai:';
export function ipcChannel(method: MethodName): string {
  return `${IPC_PREFIX}${method}`;
}
