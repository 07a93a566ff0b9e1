import type { CliCommand } from '../command';
import { infoCommand } from './info';

export const commands: readonly CliCommand[] = [infoCommand];
