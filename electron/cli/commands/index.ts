import type { CliCommand } from '../command';
import { awardCommand } from './award';
import { exportCommand } from './export';
import { importCommand } from './import';
import { infoCommand } from './info';
import { reportCommand } from './report';
import { rubricCommand } from './rubric';
import { scoresCommand } from './scores';
import { reviewerCommand } from './reviewer';
import { auditCommand } from './audit';
import { sampleCommand } from './sample';
import { templateCommand } from './template';
import { verifyCommand } from './verify';
import { correctCommand } from './correct';
import { checklistCommand } from './checklist';
import { inspectionCommand } from './inspection';

export const commands: readonly CliCommand[] = [
  infoCommand,
  importCommand,
  verifyCommand,
  correctCommand,
  awardCommand,
  templateCommand,
  sampleCommand,
  reviewerCommand,
  rubricCommand,
  scoresCommand,
  reportCommand,
  exportCommand,
  auditCommand,
  checklistCommand,
  inspectionCommand,
];
