import type { ScreenManifest } from './lib/screens.ts';
import { enforcementScreens } from './enforcement/screens.tsx';
import { supervisionScreens } from './supervision/screens.tsx';
import { proposalScreens } from './proposals/screens.tsx';
import { petitionScreens } from './petitions/screens.tsx';
import { decisionScreens } from './decisions/screens.tsx';
import { documentScreens } from './documents/screens.tsx';
import { reviewScreens } from './reviews/screens.tsx';
import { meetingScreens } from './meetings/screens.tsx';
import { reportScreens } from './reports/screens.tsx';
import { disclosureScreens } from './disclosure/screens.tsx';
import { litigationScreens } from './litigation/screens.tsx';
import { hotlineScreens } from './hotline/screens.tsx';
import { studyScreens } from './study/screens.tsx';
import { powerScreens } from './powers/screens.tsx';
import { penaltyScreens } from './penalties/screens.tsx';

/** Each module's screens, in menu order. A new module is one line here (and one in src/server/modules.ts). */
export const SCREENS: ScreenManifest[] = [
  decisionScreens,
  documentScreens,
  reviewScreens,
  meetingScreens,
  reportScreens,
  studyScreens,
  powerScreens,
  disclosureScreens,
  litigationScreens,
  hotlineScreens,
  penaltyScreens,
  petitionScreens,
  proposalScreens,
  supervisionScreens,
  enforcementScreens,
];
