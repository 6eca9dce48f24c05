/** The demo checkpoint as a guard device holds it after enrolment (unit tests of the device). */
import type { CheckpointInfo } from '../../src/shared/protocol';

/** UBND xã Dân Lực, the demo region's first checkpoint. */
export const DEMO_CHECKPOINT: CheckpointInfo = {
  id: 'cp-demo',
  code: 'TS-DL-001',
  name: 'UBND xã Dân Lực',
  unitName: 'Xã Dân Lực',
  address: '',
  defaultStayMin: 60,
};
