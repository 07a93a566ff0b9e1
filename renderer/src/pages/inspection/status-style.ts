import type { InspectionStatus } from '@shared/codes/codes';

/** Colours by status (the words come from INSPECTION_STATUS_LABEL): green seen and running, red not found. */
export const STATUS_COLOR: Readonly<Record<InspectionStatus, 'green' | 'gold' | 'red' | 'orange'>> = {
  'seen-running': 'green',
  'seen-idle': 'gold',
  'not-found': 'red',
  different: 'orange',
};

/** The number key for each status on the 现场核查 page, in button order. */
export const STATUS_KEY: Readonly<Record<InspectionStatus, string>> = {
  'seen-running': '1',
  'seen-idle': '2',
  'not-found': '3',
  different: '4',
};
