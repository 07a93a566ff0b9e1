import { AppError } from '../../../shared/api/errors';
import type { ApiHandlers } from '../../../shared/api/contract';
import type { CoreContext } from '../core-context';

type PanelHandlers = Pick<
  ApiHandlers,
  | 'getBatchRubric'
  | 'adjustBatchRubric'
  | 'getScoringSheet'
  | 'listScoringProgress'
  | 'setRecusal'
  | 'saveItemScore'
  | 'saveVerdict'
  | 'exportExpertFile'
  | 'previewExpertFileImport'
  | 'applyExpertFileImport'
  | 'discardExpertFileImport'
  | 'getConsolidation'
  | 'setConsolidationMethod'
  | 'getPanelOpinion'
  | 'savePanelOpinion'
  | 'getAuditChainStatus'
>;

const pending = (): never => {
  throw new AppError('INTERNAL', '该功能尚在接入中');
};

export function createPanelHandlers(_context: CoreContext): PanelHandlers {
  return {
    getBatchRubric: pending,
    adjustBatchRubric: pending,
    getScoringSheet: pending,
    listScoringProgress: pending,
    setRecusal: pending,
    saveItemScore: pending,
    saveVerdict: pending,
    exportExpertFile: pending,
    previewExpertFileImport: pending,
    applyExpertFileImport: pending,
    discardExpertFileImport: pending,
    getConsolidation: pending,
    setConsolidationMethod: pending,
    getPanelOpinion: pending,
    savePanelOpinion: pending,
    getAuditChainStatus: () => ({ holds: true, entries: 0, firstBroken: null }),
  };
}
