import type { ApiHandlers } from '@shared/api/contract';
import type { CoreContext } from '../core-context';
import type { EInvoiceCache } from '../verification/einvoice-cache';
import { createInspectionService } from './inspection-service';

type InspectionHandlers = Pick<
  ApiHandlers,
  'getInspection' | 'recordLineObservation' | 'clearLineObservation' | 'recordIndicatorObservation' | 'addInspectionPhoto' | 'getInspectionPhoto'
>;

export function createInspectionHandlers(ctx: CoreContext, einvoices: EInvoiceCache): InspectionHandlers {
  const service = createInspectionService(ctx, einvoices);
  return {
    getInspection: ({ batchId, projectId }) => service.getInspection(batchId, projectId),
    recordLineObservation: ({ batchId, projectId, ...input }) => service.recordLine(batchId, projectId, input),
    clearLineObservation: ({ batchId, projectId, lineId }) => service.clearLine(batchId, projectId, lineId),
    recordIndicatorObservation: ({ batchId, projectId, indicatorId, value, note }) => service.recordIndicator(batchId, projectId, indicatorId, value, note ?? ''),
    addInspectionPhoto: ({ batchId, projectId, fileName, base64, capturedAt }) =>
      service.addPhoto(batchId, projectId, { fileName, bytes: Buffer.from(base64, 'base64'), capturedAt }),
    getInspectionPhoto: ({ sha256, size }) => service.getPhoto(sha256, size),
  };
}
