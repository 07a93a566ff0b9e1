import type { CliCommand } from '../command';
import { awardCommand } from './award';
import { importCommand } from './import';
import { infoCommand } from './info';

export const commands: readonly CliCommand[] = [infoCommand, importCommand, awardCommand];
