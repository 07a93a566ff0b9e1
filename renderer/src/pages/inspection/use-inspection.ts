import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { invalidatedBy, type ApiInput, type MethodName } from '@shared/api/contract';
import type { InspectionIndicator, InspectionLine, ProjectInspection } from '@shared/api/inspection-contract';
import { api } from '../../api/client';

type LineInput = Omit<ApiInput<'recordLineObservation'>, 'batchId' | 'projectId'>;
type IndicatorInput = Omit<ApiInput<'recordIndicatorObservation'>, 'batchId' | 'projectId'>;

/** Progress as the core counts it: lines and indicators with the acting reviewer's observation. */
function withProgress(inspection: ProjectInspection): ProjectInspection {
  const done = inspection.lines.filter((l) => l.mine !== null).length + inspection.indicators.filter((i) => i.mine !== null).length;
  return { ...inspection, progress: { done, total: inspection.lines.length + inspection.indicators.length } };
}

/**
 * The project's checklist and the writes to it. Each write answers the line or indicator as it now
 * stands; that answer is patched into the checklist instead of asking for the whole checklist again
 * after every keystroke's save. The other pages' queries the contract names are refreshed.
 */
export function useInspection(batchId: string, projectId: string) {
  const queryClient = useQueryClient();
  const key = ['getInspection', batchId, projectId];
  const query = useQuery({ queryKey: key, queryFn: () => api.getInspection({ batchId, projectId }) });

  const afterWrite = useCallback(
    (method: MethodName, patch: (current: ProjectInspection) => ProjectInspection) => {
      queryClient.setQueryData<ProjectInspection>(['getInspection', batchId, projectId], (current) => (current ? withProgress(patch(current)) : current));
      for (const other of invalidatedBy(method)) if (other !== 'getInspection') void queryClient.invalidateQueries({ queryKey: [other] });
    },
    [queryClient, batchId, projectId],
  );
  const putLine = useCallback(
    (method: MethodName, line: InspectionLine) => afterWrite(method, (c) => ({ ...c, lines: c.lines.map((l) => (l.id === line.id ? line : l)) })),
    [afterWrite],
  );
  const putIndicator = useCallback(
    (indicator: InspectionIndicator) =>
      afterWrite('recordIndicatorObservation', (c) => ({ ...c, indicators: c.indicators.map((i) => (i.id === indicator.id ? indicator : i)) })),
    [afterWrite],
  );

  const recordLine = useCallback(
    async (input: LineInput) => putLine('recordLineObservation', await api.recordLineObservation({ batchId, projectId, ...input })),
    [batchId, projectId, putLine],
  );
  const clearLine = useCallback(
    async (lineId: string) => putLine('clearLineObservation', await api.clearLineObservation({ batchId, projectId, lineId })),
    [batchId, projectId, putLine],
  );
  const recordIndicator = useCallback(
    async (input: IndicatorInput) => putIndicator(await api.recordIndicatorObservation({ batchId, projectId, ...input })),
    [batchId, projectId, putIndicator],
  );
  return { query, recordLine, clearLine, recordIndicator };
}
